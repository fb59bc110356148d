// The settings form's model: the policy as editable text fields (percentages, Italian
// decimal comma) and back, with field-level Italian validation. Pure: tested directly.
import type { Band, BlankActual, DateRule, LateBand, LowerRule, Policy, RollupMean } from "../core/policy";
import { defaultPolicy, parsePolicy } from "../core/policy";
import { ui } from "../messages/ui";

export interface BandForm {
  from: string;
  to: string;
  score: string;
  /** Proportional band: the score at «a» (empty = a fixed score). */
  scoreTo?: string;
  /** Whether «da» and «a» are included (default: «da» yes, «a» no). */
  fromIncluded?: boolean;
  toIncluded?: boolean;
}

/** A named band set («fasce <nome>» in the Regola column). */
export interface BandSetForm {
  name: string;
  bands: BandForm[];
}

export interface LateBandForm {
  from: string;
  to: string;
  score: string;
}

export interface PolicyForm {
  cap: string;
  noCap: boolean;
  objectiveCap: string;
  noObjectiveCap: boolean;
  lower: LowerRule;
  floor: string;
  bands: BandForm[];
  bandSets: BandSetForm[];
  roundFirst: boolean;
  thresholdTop: string;
  dateRule: DateRule;
  lateBands: LateBandForm[];
  lateDailyReduction: string;
  notAvailable: Policy["notAvailable"];
  blankActual: BlankActual;
  round: boolean;
  green: string;
  yellow: string;
  rollupMean: RollupMean;
  tolerance: string;
  /** The version the workbook's policy had: a version-1 policy saved unchanged stays version 1. */
  version: 1 | 2;
}

/** Field name → Italian message. Band fields are "bands.<i>.<from|to|score|scoreTo>", named sets "sets.<k>.…". */
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

function bandForm(b: Band): BandForm {
  const f: BandForm = { from: percentField(b.from), to: b.to === null ? "" : percentField(b.to), score: percentField(b.score) };
  if (b.scoreTo !== undefined) f.scoreTo = percentField(b.scoreTo);
  if (b.fromIncluded === false) f.fromIncluded = false;
  if (b.toIncluded === true) f.toIncluded = true;
  return f;
}

export function formFromPolicy(p: Policy): PolicyForm {
  return {
    cap: p.cap === null ? "100" : percentField(p.cap),
    noCap: p.cap === null,
    objectiveCap: p.objectiveCap === null ? "100" : percentField(p.objectiveCap),
    noObjectiveCap: p.objectiveCap === null,
    lower: p.rules["<="],
    floor: percentField(p.floor),
    bands: p.bands.map(bandForm),
    bandSets: Object.entries(p.bandSets).map(([name, bands]) => ({ name, bands: bands.map(bandForm) })),
    roundFirst: p.roundFirst,
    thresholdTop: percentField(p.thresholdTop),
    dateRule: p.dateRule,
    lateBands: p.lateBands.map((b) => ({ from: String(b.from), to: b.to === null ? "" : String(b.to), score: percentField(b.score) })),
    lateDailyReduction: percentField(p.lateDailyReduction),
    notAvailable: p.notAvailable,
    blankActual: p.blankActual,
    round: p.roundBeforeWeighting,
    green: percentField(p.thresholds.green),
    yellow: percentField(p.thresholds.yellow),
    rollupMean: p.rollupMean,
    tolerance: percentField(p.statedTolerance),
    version: p.version,
  };
}

export type FormCheck = { ok: true; policy: Policy } | { ok: false; errors: FormErrors; general: string[] };

/** What only version 2 has differs from the defaults: the policy must be saved as version 2. */
function usesVersion2(p: Policy): boolean {
  const d = defaultPolicy();
  const bandV2 = (b: Band) => b.scoreTo !== undefined || b.fromIncluded !== undefined || b.toIncluded !== undefined;
  return (
    Object.keys(p.bandSets).length > 0 ||
    p.bands.some(bandV2) ||
    p.roundFirst !== d.roundFirst ||
    p.objectiveCap !== d.objectiveCap ||
    p.thresholdTop !== d.thresholdTop ||
    p.lateBands.length > 0 ||
    p.lateDailyReduction !== d.lateDailyReduction ||
    p.blankActual !== d.blankActual ||
    p.dateRule === "daysLate" ||
    p.rollupMean === "objectiveWeight" ||
    p.rollupMean === "worst"
  );
}

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
  const days = (field: string, text: string, optional = false): number | null => {
    const t = text.trim();
    if (t === "") {
      if (!optional) errors[field] = ui.settings.notDays;
      return null;
    }
    if (!/^\d+$/.test(t) || Number(t) < 1) {
      errors[field] = ui.settings.notDays;
      return null;
    }
    return Number(t);
  };
  const bandsOf = (list: BandForm[], prefix: string): Band[] => {
    const out: Band[] = [];
    list.forEach((b, i) => {
      const from = num(`${prefix}.${i}.from`, b.from);
      const to = num(`${prefix}.${i}.to`, b.to, true);
      const score = num(`${prefix}.${i}.score`, b.score);
      const scoreTo = b.scoreTo === undefined ? null : num(`${prefix}.${i}.scoreTo`, b.scoreTo, true);
      if (from !== null && to !== null && to <= from) errors[`${prefix}.${i}.to`] = ui.settings.bandOrder;
      if (scoreTo !== null && to === null) errors[`${prefix}.${i}.scoreTo`] = ui.settings.proportionalNeedsTo;
      if (from !== null && score !== null) {
        const band: Band = { from, to, score };
        if (scoreTo !== null) band.scoreTo = scoreTo;
        if (b.fromIncluded === false) band.fromIncluded = false;
        if (b.toIncluded === true) band.toIncluded = true;
        out.push(band);
      }
    });
    return out;
  };
  const p = defaultPolicy();
  p.cap = f.noCap ? null : num("cap", f.cap);
  p.objectiveCap = f.noObjectiveCap ? null : num("objectiveCap", f.objectiveCap);
  p.rules["<="] = f.lower;
  p.floor = num("floor", f.floor) ?? 0;
  p.bands = bandsOf(f.bands, "bands");
  p.bandSets = {};
  f.bandSets.forEach((s, k) => {
    const name = s.name.trim();
    if (!name) errors[`sets.${k}.name`] = ui.settings.bandSetNameMissing;
    else if (Object.keys(p.bandSets).some((n) => n.toLowerCase() === name.toLowerCase())) errors[`sets.${k}.name`] = ui.settings.bandSetNameTaken;
    const bands = bandsOf(s.bands, `sets.${k}.bands`);
    if (name) p.bandSets[name] = bands;
  });
  p.roundFirst = f.roundFirst;
  p.thresholdTop = num("thresholdTop", f.thresholdTop) ?? p.thresholdTop;
  p.dateRule = f.dateRule;
  p.lateBands = [];
  f.lateBands.forEach((b, i) => {
    const from = days(`late.${i}.from`, b.from);
    const to = days(`late.${i}.to`, b.to, true);
    const score = num(`late.${i}.score`, b.score);
    if (from !== null && to !== null && to < from) errors[`late.${i}.to`] = ui.settings.bandOrder;
    if (from !== null && score !== null) p.lateBands.push({ from, to, score } satisfies LateBand);
  });
  p.lateDailyReduction = num("lateDailyReduction", f.lateDailyReduction) ?? p.lateDailyReduction;
  p.notAvailable = f.notAvailable;
  p.blankActual = f.blankActual;
  p.roundBeforeWeighting = f.round;
  const green = num("green", f.green);
  const yellow = num("yellow", f.yellow);
  if (green !== null && yellow !== null && yellow > green) errors.yellow = ui.settings.yellowAboveGreen;
  p.thresholds = { green: green ?? 0, yellow: yellow ?? 0 };
  p.rollupMean = f.rollupMean;
  p.statedTolerance = num("tolerance", f.tolerance) ?? 0;
  if (Object.keys(errors).length > 0) return { ok: false, errors, general: [] };
  // A version-1 policy edited only in what version 1 has stays version 1 (read exactly as before).
  p.version = f.version === 1 && !usesVersion2(p) ? 1 : 2;
  // The engine's own check has the last word (it is what the workbook codec accepts):
  // overlapping bands, gaps and scores outside [0, cap] are refused with the reason.
  const checked = parsePolicy(JSON.parse(JSON.stringify(p)));
  if (!checked.ok) return { ok: false, errors, general: checked.errors };
  return { ok: true, policy: checked.policy };
}
