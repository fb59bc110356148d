// Issue 10 at the engine level: explanations never show a ratio other than the one used,
// bands written as a person writes them, version-1 policies read as before.
import { scoreValues, parseText, defaultPolicy, parsePolicy, parseRuleName, evaluateIndicator, type Policy, type Operator } from "../../src/core";
import { parseBandRange, describeBandRange, bandConflicts, parseLateRange } from "../../src/core/bandText";
import { formatPercent } from "../../src/core/format";

const score = (a: string, op: Operator, t: string, policy: Policy = defaultPolicy(), extra = {}) => scoreValues(parseText(a), op, parseText(t), policy, { year: 2022, ...extra });
const noCap = { ...defaultPolicy(), cap: null };

describe("explanations say the ratio that was used", () => {
  it("«inverso» with Stato 0 is met at 100% and says so, without a ratio", () => {
    const s = score("0", "<=", "5", noCap);
    expect(s).toMatchObject({ performance: 1, explanation: "0 ≤ 5: raggiunto (Stato nullo), 100%" });
  });
  it("a ratio beyond the internal maximum shows the real ratio, then where it stopped", () => {
    const s = score("5", ">=", "0,001", noCap);
    expect(s.performance).toBe(10);
    expect(s.explanation).toBe("5 / 0,001 = 500.000%, limitato al massimo interno di 1.000%");
    expect(s.explanation).not.toMatch(/= 1\.000%/);
  });
  it("with a 120% cap the cap is named, not the internal maximum", () => {
    const s = score("5", ">=", "0,001", { ...defaultPolicy(), cap: 1.2 });
    expect(s).toMatchObject({ performance: 1.2, explanation: "5 / 0,001 = 500.000%, limitato a 120%" });
  });
});

describe("rule names", () => {
  it("reads the staff's words and synonyms, any case or accent", () => {
    expect(parseRuleName("Rapporto")).toEqual({ id: "ratio" });
    expect(parseRuleName("RAGGIUNTO/NON RAGGIUNTO")).toEqual({ id: "allOrNothing" });
    expect(parseRuleName("dal valore di partenza")).toEqual({ id: "baseline" });
    expect(parseRuleName("riflessione")).toEqual({ id: "reflection" });
    expect(parseRuleName("fasce 2023")).toEqual({ id: "bands", bandSet: "2023" });
    expect(parseRuleName("Giorni di ritardo")).toEqual({ id: "daysLate" });
    expect(parseRuleName("")).toBeNull();
    expect(parseRuleName("boh")).toBe("unknown");
  });
  it("a rule that needs a Baseline says so on the indicator", () => {
    const { result, problems } = evaluateIndicator({ row: 1, name: "x", actual: { value: 5, address: "C2" }, operator: { value: ">=" }, target: { value: 10 }, weight: { value: 1 }, rule: { value: "baseline", address: "F2" } }, defaultPolicy());
    expect(result.performance).toBeNull();
    expect(problems).toMatchObject([{ code: "RULE_NEEDS", severity: "error", cell: "F2", message: expect.stringContaining("serve la Baseline") }]);
  });
});

describe("bands as a person writes them", () => {
  it("reads which end is included", () => {
    expect(parseBandRange("da 60% a 70%")).toEqual({ from: 0.6, to: 0.7, fromIncluded: true, toIncluded: false });
    expect(parseBandRange("da 60% (escluso) a 70% (incluso)")).toEqual({ from: 0.6, to: 0.7, fromIncluded: false, toIncluded: true });
    expect(parseBandRange("oltre 60% fino a 70%")).toEqual({ from: 0.6, to: 0.7, fromIncluded: false, toIncluded: true });
    expect(parseBandRange("da 60 a 70 inclusi")).toEqual({ from: 0.6, to: 0.7, fromIncluded: true, toIncluded: true });
    expect(parseBandRange("sotto 60%")).toEqual({ from: 0, to: 0.6, fromIncluded: true, toIncluded: false });
    expect(parseBandRange("fino a 60%")).toEqual({ from: 0, to: 0.6, fromIncluded: true, toIncluded: true });
    expect(parseBandRange("oltre 99%")).toEqual({ from: 0.99, to: null, fromIncluded: false, toIncluded: false });
    expect(parseBandRange("da 99,5%")).toEqual({ from: 0.995, to: null, fromIncluded: true, toIncluded: false });
    expect(parseBandRange("tra poco")).toBeNull();
    for (const t of ["da 60% a 70%", "da 60% (escluso) a 70% (incluso)", "sotto 60%", "oltre 99%", "fino a 60%"]) {
      const b = parseBandRange(t)!;
      expect(parseBandRange(describeBandRange({ ...b, score: 0 }, formatPercent))).toEqual(b);
    }
  });
  it("finds overlaps and gaps, including at a shared bound", () => {
    const b = (t: string) => ({ ...parseBandRange(t)!, score: 0 });
    expect(bandConflicts([b("sotto 60%"), b("da 60% a 70%"), b("da 70%")])).toEqual([]);
    expect(bandConflicts([b("fino a 60%"), b("da 60% a 70%")])).toEqual([{ kind: "overlap", a: 1, b: 2 }]);
    expect(bandConflicts([b("sotto 60%"), b("oltre 60%")])).toEqual([{ kind: "gap", a: 1, b: 2 }]);
  });
  it("a proportional band is linear between its two scores (GZOOM WESCORE_PRORATERANGE)", () => {
    const r = parsePolicy({ version: 2, bandSets: { g: [{ range: "sotto 50%", score: 0 }, { range: "da 50% a 100%", score: ["20%", "100%"] }, { range: "da 100%", score: 1 }] } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(score("75", ">=", "100", r.policy, { rule: { id: "bands", bandSet: "g" } }).performance).toBeCloseTo(0.6, 12);
  });
});

describe("version-1 policies are read exactly as before", () => {
  it("a version-1 band list keeps [from, to) and stays version 1", () => {
    const r = parsePolicy({ version: 1, cap: 1, bands: [{ from: 0, to: 0.6, score: 0 }, { from: 0.6, to: 0.9, score: 0.8 }, { from: 0.9, to: null, score: 1 }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.version).toBe(1);
    expect(r.policy.bands).toEqual([{ from: 0, to: 0.6, score: 0 }, { from: 0.6, to: 0.9, score: 0.8 }, { from: 0.9, to: null, score: 1 }]);
    expect(score("60", ">=", "100", r.policy).performance).toBe(0.8);
    expect(score("59", ">=", "100", r.policy).performance).toBe(0);
    expect(r.policy.blankActual).toBe("exclude");
    expect(r.policy.objectiveCap).toBeNull();
  });
  it("a band score outside [0, cap] is refused in either version", () => {
    for (const version of [1, 2]) {
      const r = parsePolicy({ version, bands: [{ from: 0, to: null, score: -5 }] });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]).toMatch(/-500% è fuori da 0%–100%/);
    }
  });
});

describe("late bands (giorni di ritardo) written in words", () => {
  it("reads «da 1 a 30 giorni», «fino a», «oltre», «da N giorni» and text scores", () => {
    expect(parseLateRange("da 1 a 30 giorni")).toEqual({ from: 1, to: 30 });
    expect(parseLateRange("Fino a 7 giorni di ritardo")).toEqual({ from: 1, to: 7 });
    expect(parseLateRange("oltre 30 giorni")).toEqual({ from: 31, to: null });
    expect(parseLateRange("da 31 giorni")).toEqual({ from: 31, to: null });
    expect(parseLateRange("31 giorni e oltre")).toEqual({ from: 31, to: null });
    expect(parseLateRange("30")).toBeNull();
    expect(parseLateRange("presto")).toBeNull();
  });

  it("gives the same policy as the numbers, and says which band cannot be read", () => {
    const inWords = parsePolicy({ version: 2, lateBands: [{ range: "fino a 7 giorni", score: "90%" }, { range: "da 8 a 30 giorni", score: "70%" }, { range: "oltre 30 giorni", score: 0 }] });
    const inNumbers = parsePolicy({ version: 2, lateBands: [{ from: 1, to: 7, score: 0.9 }, { from: 8, to: 30, score: 0.7 }, { from: 31, to: null, score: 0 }] });
    expect(inWords.ok && inNumbers.ok).toBe(true);
    if (inWords.ok && inNumbers.ok) expect(inWords.policy.lateBands).toEqual(inNumbers.policy.lateBands);
    const bad = parsePolicy({ version: 2, lateBands: [{ range: "a fine mese", score: "90%" }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join(" ")).toMatch(/Fascia di ritardo 1: «a fine mese» non si legge/);
    // A gap in words is still a gap.
    const gap = parsePolicy({ version: 2, lateBands: [{ range: "fino a 7 giorni", score: "90%" }, { range: "da 10 a 30 giorni", score: "70%" }] });
    expect(gap.ok).toBe(false);
  });
});
