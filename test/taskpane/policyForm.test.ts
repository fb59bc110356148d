// The settings form model: percentages with an Italian comma, round trip with the policy.
import { defaultPolicy, parsePolicy } from "../../src/core/policy";
import { formFromPolicy, parsePercentField, percentField, policyFromForm } from "../../src/taskpane/policyForm";

describe("policy form", () => {
  test("percent fields read the Italian comma and reject text", () => {
    expect(parsePercentField("90")).toBe(0.9);
    expect(parsePercentField("12,5")).toBeCloseTo(0.125, 12);
    expect(parsePercentField(" 12.5 % ")).toBeCloseTo(0.125, 12);
    expect(parsePercentField("")).toBeNull();
    expect(parsePercentField("cento")).toBeNaN();
    expect(parsePercentField("1.000")).toBeCloseTo(0.01, 12); // a dot is a decimal point here, never thousands
    expect(percentField(0.005)).toBe("0,5");
    expect(percentField(0.9074)).toBe("90,74");
    expect(percentField(1 / 3)).toBe("33,333333");
  });

  test("default policy round-trips through the form", () => {
    const r = policyFromForm(formFromPolicy(defaultPolicy()));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.policy).toEqual(defaultPolicy());
  });

  test("every field round-trips, and the result passes the engine's own check", () => {
    const p = defaultPolicy();
    p.cap = null;
    p.rules["<="] = "reflection";
    p.floor = 0.3;
    p.bands = [
      { from: 0, to: 0.5, score: 0 },
      { from: 0.5, to: null, score: 1 },
    ];
    p.dateRule = "zeroIfLate";
    p.notAvailable = "zero";
    p.roundBeforeWeighting = true;
    p.thresholds = { green: 0.95, yellow: 0.7 };
    p.rollupMean = "resources";
    p.statedTolerance = 0.01;
    const r = policyFromForm(formFromPolicy(p));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.policy).toEqual(p);
      expect(parsePolicy(JSON.parse(JSON.stringify(r.policy))).ok).toBe(true);
    }
  });

  test("field errors are keyed by field, in Italian", () => {
    const f = formFromPolicy(defaultPolicy());
    f.yellow = "95";
    f.floor = "-5";
    f.bands = [{ from: "50", to: "40", score: "x" }];
    const r = policyFromForm(f);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(Object.keys(r.errors).sort()).toEqual(["bands.0.score", "bands.0.to", "floor", "yellow"]);
      expect(r.errors.floor).toMatch(/negativo/);
      expect(r.errors["bands.0.to"]).toMatch(/maggiore/);
    }
  });

  test("a version-1 policy saved without version-2 changes stays version 1", () => {
    const v1 = parsePolicy({ version: 1, cap: 1.2, bands: [{ from: 0, to: 0.6, score: 0 }] });
    expect(v1.ok).toBe(true);
    if (!v1.ok) return;
    const r = policyFromForm(formFromPolicy(v1.policy));
    expect(r.ok && r.policy).toEqual(v1.policy);
    const f = formFromPolicy(v1.policy);
    f.blankActual = "zero";
    const r2 = policyFromForm(f);
    expect(r2.ok && r2.policy.version).toBe(2);
  });

  test("every version-2 field round-trips", () => {
    const p = defaultPolicy();
    p.objectiveCap = 1;
    p.cap = 1.2;
    p.roundFirst = true;
    p.roundBeforeWeighting = true;
    p.thresholdTop = 1.5;
    p.bands = [{ from: 0, to: 0.6, score: 0, toIncluded: true }, { from: 0.6, to: null, score: 1, fromIncluded: false }];
    p.bandSets = { "2023": [{ from: 0, to: 0.6, score: 0 }, { from: 0.6, to: 0.99, score: 0.6, scoreTo: 0.99 }, { from: 0.99, to: null, score: 1 }] };
    p.lateBands = [{ from: 1, to: 5, score: 0.9 }, { from: 6, to: null, score: 0 }];
    p.lateDailyReduction = 0.02;
    p.blankActual = "error";
    p.dateRule = "daysLate";
    p.rollupMean = "worst";
    const r = policyFromForm(formFromPolicy(p));
    expect(r.ok && r.policy).toEqual(p);
  });

  test("a gap between bands and an unnamed band set are refused", () => {
    const f = formFromPolicy(defaultPolicy());
    f.bands = [{ from: "0", to: "60", score: "0" }, { from: "70", to: "", score: "100" }];
    const r = policyFromForm(f);
    expect(!r.ok && r.general.join(" ")).toMatch(/tra le fasce 1 e 2 resta un intervallo scoperto/);
    f.bands = [];
    f.bandSets = [{ name: " ", bands: [] }];
    const r2 = policyFromForm(f);
    expect(!r2.ok && r2.errors["sets.0.name"]).toMatch(/nome/);
  });
});
