import { scoreValues, parseText, defaultPolicy, parsePolicy, evaluateIndicator, weightedMean, parseWeight, trafficLight, serialFromYmd, type Policy, type Operator } from "../../src/core";

const score = (a: string, op: Operator, t: string, policy: Policy = defaultPolicy(), unit?: string) =>
  scoreValues(parseText(a), op, parseText(t), policy, { year: 2022, unit });

describe("default SMVP rules", () => {
  it(">= : achieved is 100%, otherwise A/T", () => {
    expect(score("101", ">=", "60").performance).toBe(1);
    expect(score("3", ">=", "10")).toMatchObject({ performance: 0.3, explanation: "3 / 10 = 30%" });
    expect(score("-1", ">=", "10").performance).toBe(0);
    expect(score("-2%", ">=", "-6%").performance).toBe(1);
    expect(score("-8%", ">=", "-6%").performance).toBe(0);
    expect(score("0", ">=", "0").performance).toBe(1);
  });
  it("<= : achieved is 100%, otherwise T/A", () => {
    expect(score("0,6", "<=", "2,0").performance).toBe(1);
    expect(score("5", "<=", "3").performance).toBeCloseTo(0.6, 12);
    expect(score("1,8%", "<=", "1%").performance).toBeCloseTo(1 / 1.8, 12);
    expect(score("5", "<=", "-1").performance).toBe(0);
    expect(score("0", "<=", "3").performance).toBe(1);
  });
  it("= : all or nothing, 1 equals 100%", () => {
    expect(score("1", "=", "100%").performance).toBe(1);
    expect(score("si", "=", "si").performance).toBe(1);
    expect(score("no", "=", "si").performance).toBe(0);
    expect(score("0", "=", "0").performance).toBe(1);
    expect(score("2", "=", "3").performance).toBe(0);
  });
  it("dates count days from 1 January of the plan year", () => {
    expect(score("01/03/2022", "<=", "28/02/2022").performance).toBeCloseTo(59 / 60, 12);
    expect(score("16/01/2023", "<=", "31/12/2022").performance).toBeCloseTo(365 / 381, 12);
    expect(score("30/06/2022", "<=", "30/06/2022").performance).toBe(1);
    expect(score("no", "=", "30/11/2022").performance).toBe(0);
    expect(score("no", "<=", "30/11/2022").performance).toBe(0);
  });
  it("without a plan year the target's year is used", () => {
    const s = scoreValues(parseText("01/03/2022"), "<=", parseText("28/02/2022"), defaultPolicy(), {});
    expect(s.performance).toBeCloseTo(59 / 60, 12);
  });
  it("with UdM 'data' bare serials are dates", () => {
    const a = { kind: "number" as const, value: serialFromYmd(2022, 3, 1), percent: false };
    const t = { kind: "number" as const, value: serialFromYmd(2022, 2, 28), percent: false };
    expect(scoreValues(a, "<=", t, defaultPolicy(), { year: 2022, unit: "data" }).performance).toBeCloseTo(59 / 60, 12);
    // Without it they are counts: 44621 > 44620 → T/A, almost 1.
    expect(scoreValues(a, "<=", t, defaultPolicy(), { year: 2022, unit: "n." }).performance).toBeCloseTo(44620 / 44621, 12);
  });
  it("caps at 100% and says so when a ratio went above", () => {
    const s = score("37", ">=", "30");
    expect(s.performance).toBe(1);
    expect(s.explanation).toBe("37 ≥ 30: raggiunto");
    const over = score("37", ">=", "30", { ...defaultPolicy(), cap: 1.2 });
    expect(over.performance).toBeCloseTo(1.2, 12);
    expect(over.explanation).toBe("37 / 30 = 123,33%, limitato a 120%");
  });
  it("n.d. and blanks are not available; unreadable values carry a reason", () => {
    expect(score("n.d.", "=", "si")).toMatchObject({ status: "na", performance: null });
    expect(score("", ">=", "3")).toMatchObject({ status: "blank", performance: null });
    expect(score("11:22", ">=", "4")).toMatchObject({ status: "unreadable", unreadableSide: "actual" });
    expect(score("si", "<=", "0,3")).toMatchObject({ status: "unreadable", reason: expect.stringMatching(/si\/no/) });
    expect(score("6", ">=", "si")).toMatchObject({ status: "unreadable" });
    expect(score("#DIV/0!", ">=", "3")).toMatchObject({ status: "unreadable", reason: expect.stringContaining("#DIV/0!") });
    expect(score("3", ">=", "")).toMatchObject({ status: "unreadable", unreadableSide: "target" });
  });
  it("reads points typed against a percentage target in a % indicator", () => {
    expect(score("85", ">=", "80%", defaultPolicy(), "%").performance).toBe(1);
    expect(score("5", "<=", "3%", defaultPolicy(), "%").performance).toBeCloseTo(0.6, 12);
    // Custom functions see Excel fractions without formats: 4.16 is 416%, never 4,16 points.
    expect(scoreValues(parseText("4,16"), ">=", parseText("410%"), defaultPolicy(), { unit: "%", fractions: true }).performance).toBe(1);
    expect(score("4,16", ">=", "410%", defaultPolicy(), "%").performance).toBeCloseTo(0.0416 / 4.1, 12);
  });
});

describe("policy options", () => {
  const with_ = (o: Partial<Policy>) => ({ ...defaultPolicy(), ...o });
  it("cap 120% or none", () => {
    expect(score("37", ">=", "30", with_({ cap: 1.2 })).performance).toBeCloseTo(1.2, 12);
    expect(score("36", ">=", "30", with_({ cap: null })).performance).toBeCloseTo(1.2, 12);
    expect(score("1", "<=", "2", with_({ cap: null })).performance).toBeCloseTo(2, 12);
  });
  it("reflection 2 − A/T for lower is better", () => {
    const p = with_({ rules: { ">=": "ratio", "<=": "reflection", "=": "exact" } });
    expect(score("12", "<=", "10", p).performance).toBeCloseTo(0.8, 12);
    expect(score("12", "<=", "10").performance).toBeCloseTo(10 / 12, 12);
    expect(score("25", "<=", "10", p).performance).toBe(0);
    const uncapped = { ...p, cap: null };
    expect(scoreValues(parseText("-1"), "<=", { kind: "number", value: 5e-324, percent: false }, uncapped).performance).toBe(10);
  });
  it("floor and bands (fasce)", () => {
    expect(score("5", ">=", "10", with_({ floor: 0.6 })).performance).toBe(0);
    expect(score("7", ">=", "10", with_({ floor: 0.6 })).performance).toBeCloseTo(0.7, 12);
    const bands = [
      { from: 0.6, to: 0.7, score: 0.6 },
      { from: 0.7, to: 0.9, score: 0.8 },
      { from: 0.9, to: 0.99, score: 0.9 },
      { from: 0.99, to: null, score: 1 },
    ];
    const p = with_({ floor: 0.6, bands });
    expect(score("75", ">=", "100", p).performance).toBe(0.8);
    expect(score("95", ">=", "100", p).performance).toBe(0.9);
    expect(score("50", ">=", "100", p).performance).toBe(0);
    expect(score("65", ">=", "100", p).explanation).toContain("fascia");
  });
  it("date rule: zero when late", () => {
    expect(score("01/03/2022", "<=", "28/02/2022", with_({ dateRule: "zeroIfLate" })).performance).toBe(0);
    expect(score("27/02/2022", "<=", "28/02/2022", with_({ dateRule: "zeroIfLate" })).performance).toBe(1);
  });
  it("n.d. counted as zero", () => {
    expect(score("n.d.", "=", "si", with_({ notAvailable: "zero" })).performance).toBe(0);
  });
  it("rounding to whole percent before weighting", () => {
    expect(score("7,1", ">=", "7,4", with_({ roundBeforeWeighting: true })).performance).toBe(0.96);
  });
  it("parsePolicy fills defaults, rejects nonsense in Italian and round-trips", () => {
    const ok = parsePolicy({ cap: 1.2, rules: { "<=": "reflection" } });
    expect(ok.ok && ok.policy.cap).toBe(1.2);
    expect(ok.ok && ok.policy.rules["<="]).toBe("reflection");
    expect(ok.ok && ok.policy.thresholds.green).toBe(0.9);
    const bad = parsePolicy({ cap: "tanto", dateRule: "boh", thresholds: { green: 0.5, yellow: 0.7 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) for (const re of [/limite massimo.*"tanto"/i, /regola delle scadenze.*"boh"/, /giallo/]) expect(bad.errors.join(" ")).toMatch(re);
    const round = parsePolicy(JSON.parse(JSON.stringify(defaultPolicy())));
    expect(round).toEqual({ ok: true, policy: defaultPolicy() });
    expect(parsePolicy("x").ok).toBe(false);
  });
});

describe("indicators, weights and lights", () => {
  it("takes the operator from the target cell when the operator column is empty", () => {
    const { result, problems } = evaluateIndicator(
      { row: 1, name: "x", actual: { value: 70 }, operator: { value: "" }, target: { value: ">= 60" }, weight: { value: "50%" } },
      defaultPolicy(),
    );
    expect(result.operator).toBe(">=");
    expect(result.performance).toBe(1);
    expect(problems).toEqual([]);
  });
  it("reports an invalid operator and a missing one", () => {
    const bad = evaluateIndicator({ row: 2, name: "x", actual: { value: 1 }, operator: { value: "circa", address: "F3" }, target: { value: 2 }, weight: { value: 0.5 } }, defaultPolicy());
    expect(bad.problems[0]).toMatchObject({ code: "OPERATOR_INVALID", severity: "error", cell: "F3" });
    expect(bad.result.performance).toBeNull();
    const missing = evaluateIndicator({ row: 3, name: "x", actual: { value: "si" }, target: { value: "si" }, weight: { value: 0.5 } }, defaultPolicy());
    expect(missing.result.operator).toBe("=");
    expect(missing.problems[0]).toMatchObject({ code: "OPERATOR_MISSING", severity: "warning" });
  });
  it("reads weights as 12,5%, 0.125 or 12.5", () => {
    expect(parseWeight({ value: "12,5%" })).toBe(0.125);
    expect(parseWeight({ value: 0.125 })).toBe(0.125);
    expect(parseWeight({ value: 0.125, format: "0.0%" })).toBe(0.125);
    expect(parseWeight({ value: 12.5 })).toBe(0.125);
    expect(parseWeight({ value: "tanto" })).toBeNull();
    expect(parseWeight({ value: -1 })).toBeNull();
  });
  it("renormalises weights over available performances", () => {
    expect(weightedMean([{ performance: 1, weight: 0.5 }, { performance: null, weight: 0.25 }, { performance: 0.5, weight: 0.25 }])).toBeCloseTo(2.5 / 3, 12);
    expect(weightedMean([{ performance: null, weight: 1 }])).toBeNull();
    expect(weightedMean([])).toBeNull();
  });
  it("traffic lights by thresholds", () => {
    const p = defaultPolicy();
    expect(trafficLight(0.9, p)).toBe("verde");
    expect(trafficLight(0.8999, p)).toBe("giallo");
    expect(trafficLight(0.6, p)).toBe("giallo");
    expect(trafficLight(0.59, p)).toBe("rosso");
    expect(trafficLight(null, p)).toBeNull();
  });
});
