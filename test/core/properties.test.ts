import fc from "fast-check";
import { parseText, parseCellValue, scoreValues, evaluateObjective, defaultPolicy, type Policy, type Value, type ObjectiveInput, MIN_WEIGHT } from "../../src/core";

const policies: fc.Arbitrary<Policy> = fc.record({
  cap: fc.constantFrom<number | null>(1, 1.2, null),
  lower: fc.constantFrom<"inverse" | "reflection">("inverse", "reflection"),
  floor: fc.constantFrom(0, 0.6),
  dateRule: fc.constantFrom<"proportional" | "zeroIfLate">("proportional", "zeroIfLate"),
  round: fc.boolean(),
}).map(({ cap, lower, floor, dateRule, round }) => ({ ...defaultPolicy(), cap, floor, dateRule, roundBeforeWeighting: round, rules: { ">=": "ratio", "<=": lower, "=": "exact" } }));

const anyCell = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.stringMatching(/^[-+]?[\d.,]{0,12}%?$/),
  fc.stringMatching(/^(dal )?\d{1,2}[./]\d{1,2}([./ ]\d{2,4})?( al \d{1,2}[./]\d{1,2}[./ ]\d{2,4})?$/),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const ops = fc.constantFrom<">=" | "<=" | "=">(">=", "<=", "=");
const num = (value: number): Value => ({ kind: "number", value, percent: false });

describe("properties", () => {
  it("parsing never throws, on any string, number or boolean", () => {
    fc.assert(
      fc.property(anyCell, fc.constantFrom(undefined, "0%", "dd/mm/yyyy", "General", "#,##0"), (v, fmt) => {
        const r = typeof v === "string" ? parseText(v) : parseCellValue(v, fmt);
        expect(typeof r.kind).toBe("string");
      }),
      { numRuns: 3000 },
    );
  });

  it("performance is in [0, cap] or not available", () => {
    fc.assert(
      fc.property(anyCell, ops, anyCell, policies, fc.constantFrom(undefined, "n.", "%", "data"), (a, op, t, policy, unit) => {
        const s = scoreValues(parseCellValue(a), op, parseCellValue(t), policy, { year: 2022, unit });
        if (s.performance === null) expect(s.status).not.toBe("ok");
        else {
          expect(s.performance).toBeGreaterThanOrEqual(0);
          if (policy.cap !== null) expect(s.performance).toBeLessThanOrEqual(policy.cap + 1e-12);
          expect(Number.isFinite(s.performance)).toBe(true);
        }
        expect(s.explanation.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it("for >= performance never decreases as the actual grows; for <= it never increases", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), policies, (x, y, t, policy) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const ge = (a: number) => scoreValues(num(a), ">=", num(t), policy).performance as number;
        const le = (a: number) => scoreValues(num(a), "<=", num(t), policy).performance as number;
        expect(ge(hi)).toBeGreaterThanOrEqual(ge(lo) - 1e-12);
        expect(le(hi)).toBeLessThanOrEqual(le(lo) + 1e-12);
      }),
      { numRuns: 3000 },
    );
  });

  it("an objective's performance lies between its indicators' min and max", () => {
    const indicator = fc.record({ a: fc.double({ min: -100, max: 1000, noNaN: true }), t: fc.double({ min: -100, max: 1000, noNaN: true }), op: ops, w: fc.double({ min: 0, max: 1, noNaN: true }), na: fc.boolean() });
    fc.assert(
      fc.property(fc.array(indicator, { minLength: 1, maxLength: 12 }), policies, (rows, policy) => {
        const o: ObjectiveInput = {
          id: "X",
          obiettivoOperativo: "X",
          indicators: rows.map((r, i) => ({ row: i + 1, name: `i${i}`, actual: { value: r.na ? "n.d." : r.a }, operator: { value: r.op }, target: { value: r.t }, weight: { value: r.w } })),
        };
        const { result } = evaluateObjective(o, policy, 2022);
        const used = result.indicators.filter((i) => i.weighted !== null && (i.weight ?? 0) > MIN_WEIGHT).map((i) => i.weighted as number);
        if (used.length === 0) expect(result.performance).toBeNull();
        else {
          expect(result.performance).not.toBeNull();
          expect(result.performance as number).toBeGreaterThanOrEqual(Math.min(...used) - 1e-12);
          expect(result.performance as number).toBeLessThanOrEqual(Math.max(...used) + 1e-12);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
