// The summary fingerprint's canonical text, written in one pass, is exactly the sorted-keys
// JSON it always was (stored fingerprints must stay valid): checked against the reference
// JSON.stringify with a key-sorting replacer, on the seed plan and on awkward values.
import { canonical, summaryFingerprint } from "../../src/core/summary/fingerprint";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { exampleGrid } from "../excel/workbooks";

function reference(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    return v;
  });
}

test("the seed plan: the same text as JSON.stringify with sorted keys", () => {
  const a = analyzeWorkbook(exampleGrid());
  const input = { year: a.plan.year, objectives: a.plan.objectives, policy: a.policy, rectifications: a.rectifications };
  expect(canonical(input)).toBe(reference(input));
});

test("awkward values: index keys, undefined, NaN, dates, nesting, escapes", () => {
  const x = {
    b: 1,
    a: [undefined, NaN, -0, Infinity, null, () => 1, { z: undefined, y: "é\"\n\u0001" }],
    "10": "ten",
    "9": "nine",
    "2022": { "2023": 1, "02": 2, x: [] },
    d: new Date(Date.UTC(2022, 11, 31)),
    e: {},
    f: undefined,
  };
  expect(canonical(x)).toBe(reference(x));
});

test("the fingerprint is the one computed from the whole text (two FNV-1a hashes), as stored in existing workbooks", () => {
  const fnv1a = (t: string, seed = 0x811c9dc5) => {
    let h = seed >>> 0;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  };
  const a = analyzeWorkbook(exampleGrid());
  const objectives = a.plan.objectives.map((o) => ({ ...o, indicators: o.indicators.map(({ stated: _s, ...rest }) => rest) }));
  const text = reference({ year: a.plan.year, objectives, policy: a.policy, rectifications: a.rectifications.map((r) => [r.sheet, r.cell, r.original, r.computed]) });
  const h1 = fnv1a(text);
  const h2 = fnv1a(text, h1 ^ 0x5bd1e995);
  expect(summaryFingerprint(a.plan, a.policy, a.rectifications)).toBe(`${h1.toString(16).padStart(8, "0")}-${h2.toString(16).padStart(8, "0")}`);
});

test("texts that JSON must escape (quote, backslash, new line, control, emoji, lone surrogate) hash as their JSON text", () => {
  const fnv1a = (t: string, seed = 0x811c9dc5) => {
    let h = seed >>> 0;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  };
  const a = analyzeWorkbook(exampleGrid());
  const awkward = ['Il "sito" camerale', "C:\\piano", "riga uno\nriga due", "tab\there\u0001", "obiettivo 😀", "solo \ud800 metà"];
  const plan = {
    ...a.plan,
    objectives: a.plan.objectives.map((o, k) => ({ ...o, obiettivoOperativo: awkward[k % awkward.length], indicators: o.indicators.map((i, j) => ({ ...i, name: awkward[(k + j) % awkward.length] })) })),
  };
  const objectives = plan.objectives.map((o) => ({ ...o, indicators: o.indicators.map(({ stated: _s, ...rest }) => rest) }));
  const text = reference({ year: plan.year, objectives, policy: a.policy, rectifications: [] });
  const h1 = fnv1a(text);
  const h2 = fnv1a(text, h1 ^ 0x5bd1e995);
  expect(summaryFingerprint(plan, a.policy, [])).toBe(`${h1.toString(16).padStart(8, "0")}-${h2.toString(16).padStart(8, "0")}`);
});
