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
});
