// The settings form's model: the policy as editable text fields (percentages, Italian
// decimal comma) and back, with field-level Italian validation. Pure: tested directly.
import type { DateRule, LowerRule, Policy } from "../core/policy";
import { defaultPolicy, parsePolicy } from "../core/policy";
import { ui } from "../messages/ui";

export interface BandForm {
  from: string;
  to: string;
  score: string;
}

export interface PolicyForm {
  cap: string;
  noCap: boolean;
  lower: LowerRule;
  floor: string;
  bands: BandForm[];
  dateRule: DateRule;
  notAvailable: Policy["notAvailable"];
  round: boolean;
  green: string;
  yellow: string;
  rollupMean: Policy["rollupMean"];
  tolerance: string;
}

/** Field name → Italian message. Band fields are "bands.<i>.<from|to|score>". */
export type FormErrors = Record<string, string>;

/** 0.905 → "90,5" (no thousands separator: the text must parse back). */
export function percentField(fraction: number): string {
  const s = (Math.round(fraction * 100 * 1e6) / 1e6).toString();
  return s.replace(".", ",");
}

/** "90,5" / "90.5" / "90,5 %" → 0.905; "" → null; anything else → NaN. */
export function parsePercentField(text: string): number | null {
  const t = text.replace(/%/g, "").replace(/\s/g, "").replace(",", ".");
  if (t === "") return null;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return NaN;
  return Number(t) / 100;
}

export function formFromPolicy(p: Policy): PolicyForm {
  return {
    cap: p.cap === null ? "100" : percentField(p.cap),
    noCap: p.cap === null,
    lower: p.rules["<="],
    floor: percentField(p.floor),
    bands: p.bands.map((b) => ({ from: percentField(b.from), to: b.to === null ? "" : percentField(b.to), score: percentField(b.score) })),
    dateRule: p.dateRule,
    notAvailable: p.notAvailable,
    round: p.roundBeforeWeighting,
    green: percentField(p.thresholds.green),
    yellow: percentField(p.thresholds.yellow),
    rollupMean: p.rollupMean,
    tolerance: percentField(p.statedTolerance),
  };
}

export type FormCheck = { ok: true; policy: Policy } | { ok: false; errors: FormErrors; general: string[] };

export function policyFromForm(f: PolicyForm): FormCheck {
  const errors: FormErrors = {};
  const num = (field: string, text: string, optional = false): number | null => {
    const v = parsePercentField(text);
    if (v === null) {
      if (!optional) errors[field] = ui.settings.notNumber;
      return null;
    }
    if (Number.isNaN(v)) errors[field] = ui.settings.notNumber;
    else if (v < 0) errors[field] = ui.settings.negative;
    else if (v > 10) errors[field] = ui.settings.tooLarge;
    else return v;
    return null;
  };
  const p = defaultPolicy();
  p.cap = f.noCap ? null : num("cap", f.cap);
  p.rules["<="] = f.lower;
  p.floor = num("floor", f.floor) ?? 0;
  p.bands = [];
  f.bands.forEach((b, i) => {
    const from = num(`bands.${i}.from`, b.from);
    const to = num(`bands.${i}.to`, b.to, true);
    const score = num(`bands.${i}.score`, b.score);
    if (from !== null && to !== null && to <= from) errors[`bands.${i}.to`] = ui.settings.bandOrder;
    if (from !== null && score !== null) p.bands.push({ from, to, score });
  });
  p.dateRule = f.dateRule;
  p.notAvailable = f.notAvailable;
  p.roundBeforeWeighting = f.round;
  const green = num("green", f.green);
  const yellow = num("yellow", f.yellow);
  if (green !== null && yellow !== null && yellow > green) errors.yellow = ui.settings.yellowAboveGreen;
  p.thresholds = { green: green ?? 0, yellow: yellow ?? 0 };
  p.rollupMean = f.rollupMean;
  p.statedTolerance = num("tolerance", f.tolerance) ?? 0;
  if (Object.keys(errors).length > 0) return { ok: false, errors, general: [] };
  // The engine's own check has the last word (it is what the workbook codec accepts).
  const checked = parsePolicy(p);
  if (!checked.ok) return { ok: false, errors, general: checked.errors };
  return { ok: true, policy: checked.policy };
}
