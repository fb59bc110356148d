// What a summary was built from, in a few characters: the plan's content (every card's
// fields and indicators, the stated Performance cells left out — the add-in writes those),
// the SMVP rules and the corrections. Stored with the summary (settings sheet); when the
// workbook's fingerprint no longer matches, the summary is stale ("riepilogo da aggiornare").
import type { PlanInput } from "../types";
import type { Policy } from "../policy";
import type { Rectification } from "../rectifications";

/** 32-bit FNV-1a of a string, as 8 hex digits. */
function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** JSON with object keys sorted, so the same content always gives the same text. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    return v;
  });
}

/** "3f9a0c12-7be41d05": two FNV-1a hashes (64 bits) of plan + rules + corrections. */
export function summaryFingerprint(plan: PlanInput, policy: Policy, rectifications: readonly Rectification[]): string {
  const objectives = plan.objectives.map((o) => ({ ...o, indicators: o.indicators.map(({ stated: _s, ...rest }) => rest) }));
  const text = canonical({ year: plan.year, objectives, policy, rectifications: rectifications.map((r) => [r.sheet, r.cell, r.original, r.computed]) });
  const a = fnv1a(text);
  const b = fnv1a(text, a ^ 0x5bd1e995);
  return a.toString(16).padStart(8, "0") + "-" + b.toString(16).padStart(8, "0");
}
