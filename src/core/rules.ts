// Scoring rules, one small pure function each, chosen by the policy (as GZOOM's
// scorecard converters are): the policy names a rule per operator, the table below
// holds them, and post-processing (floor, bands, cap, rounding) is a fixed pipeline.
import type { Operator, Value } from "./types";
import type { Policy } from "./policy";
import { dayOfPlanYear, isPlausibleSerial, ymdFromSerial } from "./dates";
import { formatDate, formatNumber, formatPercent } from "./format";
import { EXPLAIN, REASONS } from "../messages/engine";

/** A rule's raw outcome on two numbers: the raw score and whether the target is met. */
interface Raw {
  score: number;
  achieved: boolean;
}
type NumericRule = (a: number, t: number) => Raw;

const EPS = 1e-9;
/** "No cap" still stops at 1000%: beyond that a ratio only measures how small a target or actual was. */
export const MAX_SCORE = 10;
const bounded = (x: number) => (x > MAX_SCORE || Number.isNaN(x) ? MAX_SCORE : x);
const same = (a: number, t: number) => Math.abs(a - t) <= EPS * Math.max(1, Math.abs(a), Math.abs(t));

/** Higher is better: A/T; a non-positive target is met or not. */
const ratio: NumericRule = (a, t) => {
  const achieved = a >= t || same(a, t);
  if (t > 0 && a >= 0) return { score: achieved ? bounded(Math.max(1, a / t)) : a / t, achieved };
  return { score: achieved ? 1 : 0, achieved };
};

/** Lower is better, inverse ratio T/A. */
const inverse: NumericRule = (a, t) => {
  const achieved = a <= t || same(a, t);
  if (a > 0 && t >= 0) return { score: achieved ? bounded(Math.max(1, t / a)) : t / a, achieved };
  // Nothing at all of a "lower is better" quantity beats any positive amount.
  if (achieved && a <= 0 && t > 0) return { score: MAX_SCORE, achieved };
  return { score: achieved ? 1 : 0, achieved };
};

/** Lower is better, reflection 2 − A/T. */
const reflection: NumericRule = (a, t) => {
  const achieved = a <= t || same(a, t);
  if (t > 0) return { score: Math.max(achieved ? 1 : 0, bounded(2 - a / t)), achieved };
  return { score: achieved ? 1 : 0, achieved };
};

/** All or nothing. */
const exact: NumericRule = (a, t) => {
  const achieved = same(a, t);
  return { score: achieved ? 1 : 0, achieved };
};

/** Every rule a policy may name, by operator. */
export const RULES: { [K in Operator]: Record<Policy["rules"][K], NumericRule> } = {
  ">=": { ratio },
  "<=": { inverse, reflection },
  "=": { exact },
};

export type ScoreStatus = "ok" | "na" | "blank" | "unreadable";

export interface Score {
  status: ScoreStatus;
  /** Fraction, or null when not available. */
  performance: number | null;
  explanation: string;
  /** Which side could not be read, when unreadable. */
  unreadableSide?: "actual" | "target";
  reason?: string;
}

export interface ScoreOptions {
  /** Plan year: day numbers of the date rule count from its 1 January. */
  year?: number;
  /** The indicator's UdM ("n.", "%", "data", "si/no"…). */
  unit?: string;
  /** Build the Italian explanation (default). Bulk evaluation skips it and explains on demand. */
  explain?: boolean;
  /** Numbers are Excel fractions whatever their format (custom functions see no formats):
   *  never read a plain number as percentage points. */
  fractions?: boolean;
}

const DATE_UNIT_RE = /^\s*(data|date|scadenza|gg\/mm\/aa(aa)?)\s*\.?\s*$/i;
const PERCENT_UNIT_RE = /^\s*%\s*$/;

const dateUnits = new Map<string, boolean>();

/** UdM «%»: the indicator is a percentage. */
export function isPercentUnit(unit: string | undefined): boolean {
  return unit !== undefined && PERCENT_UNIT_RE.test(unit);
}

export function isDateUnit(unit: string | undefined): boolean {
  if (!unit) return false;
  let yes = dateUnits.get(unit);
  if (yes === undefined) {
    yes = DATE_UNIT_RE.test(unit);
    if (dateUnits.size < 1000) dateUnits.set(unit, yes);
  }
  return yes;
}

function unreadable(side: "actual" | "target", text: string, reason: string): Score {
  const what = side === "actual" ? "valore" : "target";
  return { status: "unreadable", performance: null, explanation: EXPLAIN.unreadable(what, text, reason), unreadableSide: side, reason };
}

export function describeValue(v: Value): string {
  switch (v.kind) {
    case "number":
      return v.percent ? formatPercent(v.value) : formatNumber(v.value, 4);
    case "date":
      return formatDate(v.serial);
    case "bool":
      return v.value ? "si" : "no";
    case "na":
      return "n.d.";
    case "blank":
      return "";
    case "error":
      return v.code;
    case "unreadable":
      return v.text;
  }
}

function asDate(v: Value, dateUnit: boolean): Value {
  if (dateUnit && v.kind === "number" && !v.percent && isPlausibleSerial(v.value)) return { kind: "date", serial: v.value };
  return v;
}

/**
 * Scores an actual value against a target with an operator, by the policy.
 * Returns a typed result with an Italian explanation; never throws.
 */
export function scoreValues(actual: Value, op: Operator, target: Value, policy: Policy, opts: ScoreOptions = {}): Score {
  const ex = opts.explain !== false;
  switch (actual.kind) {
    case "blank":
      return { status: "blank", performance: null, explanation: EXPLAIN.blank };
    case "na":
      return notAvailable(policy);
    case "error":
      return unreadable("actual", actual.code, REASONS.excelError(actual.code));
    case "unreadable":
      return unreadable("actual", actual.text, actual.reason);
  }
  switch (target.kind) {
    case "blank":
      return unreadable("target", "", REASONS.targetMissing);
    case "na":
      return unreadable("target", "n.d.", REASONS.targetNa);
    case "error":
      return unreadable("target", target.code, REASONS.excelError(target.code));
    case "unreadable":
      return unreadable("target", target.text, target.reason);
  }
  const dateUnit = isDateUnit(opts.unit);
  const a = asDate(actual, dateUnit);
  const t = asDate(target, dateUnit);

  if (t.kind === "date") {
    if (a.kind === "date") return scoreDates(a.serial, op, t.serial, policy, opts.year, ex);
    if (a.kind === "bool" && !a.value) return finish({ score: 0, achieved: false }, policy, ex && EXPLAIN.dateNotDone(formatDate(t.serial)));
    if (a.kind === "bool") return unreadable("actual", "si", REASONS.yesVsDate);
    return unreadable("actual", describeValue(a), REASONS.numberVsDate);
  }
  if (t.kind === "bool") {
    if (a.kind !== "bool") return unreadable("actual", describeValue(a), REASONS.numberVsBool);
    // si/no is all or nothing whatever the operator: met when the comparison holds.
    const an = a.value ? 1 : 0;
    const tn = t.value ? 1 : 0;
    const ok = op === "=" ? an === tn : op === ">=" ? an >= tn : an <= tn;
    return finish({ score: ok ? 1 : 0, achieved: ok }, policy, ex && EXPLAIN.equal(describeValue(a), describeValue(t), ok));
  }
  // Numeric target.
  if (a.kind === "bool") return unreadable("actual", a.value ? "si" : "no", REASONS.boolVsNumber);
  if (a.kind === "date") return unreadable("actual", describeValue(a), REASONS.dateVsNumber);
  if (a.kind !== "number" || t.kind !== "number") return unreadable("actual", describeValue(a), REASONS.notRecognised);
  let av = a.value;
  let note = "";
  // A "%" indicator whose actual is typed as points (85) against a fractional target (80%).
  if (!opts.fractions && PERCENT_UNIT_RE.test(opts.unit ?? "") && t.percent && !a.percent && Math.abs(av) > 1.5) {
    note = ex ? EXPLAIN.percentPoints(formatNumber(av, 4)) : " ";
    av = av / 100;
  }
  const raw = RULES[op][policy.rules[op] as never] as NumericRule;
  const r = raw(av, t.value);
  if (!ex) return finish(r, policy, false);
  const aText = a.percent || note ? formatPercent(av) : formatNumber(av, 4);
  return finish(r, policy, explainNumeric(op, policy, aText, describeValue(t), av, t.value, r) + note);
}

function explainNumeric(op: Operator, policy: Policy, a: string, t: string, av: number, tv: number, r: Raw): string {
  const p = formatPercent(r.score);
  // With a cap at 100% an achieved target is simply "raggiunto": the ratio above it says nothing.
  if (r.achieved && op !== "=" && policy.cap !== null && policy.cap <= 1 + EPS) {
    return op === ">=" ? EXPLAIN.ratioAchieved(a, t) : EXPLAIN.inverseAchieved(a, t);
  }
  if (op === "=") return EXPLAIN.equal(a, t, r.achieved);
  if (op === ">=") {
    if (!(tv > 0 && av >= 0)) return EXPLAIN.zeroTarget(a, t, r.achieved);
    return r.achieved && r.score === 1 ? EXPLAIN.ratioAchieved(a, t) : EXPLAIN.ratio(a, t, p);
  }
  if (policy.rules["<="] === "reflection") {
    if (!(tv > 0)) return EXPLAIN.zeroTarget(a, t, r.achieved);
    return r.achieved && r.score === 1 ? EXPLAIN.inverseAchieved(a, t) : EXPLAIN.reflection(a, t, p);
  }
  if (!(av > 0 && tv >= 0)) return EXPLAIN.zeroTarget(a, t, r.achieved);
  return r.achieved && r.score === 1 ? EXPLAIN.inverseAchieved(a, t) : EXPLAIN.inverse(t, a, p);
}

function scoreDates(as: number, op: Operator, ts: number, policy: Policy, year: number | undefined, ex: boolean): Score {
  const y = year ?? ymdFromSerial(ts).y;
  const da = dayOfPlanYear(as, y);
  const dt = dayOfPlanYear(ts, y);
  const raw = RULES[op][policy.rules[op] as never] as NumericRule;
  const r = raw(da, dt);
  if (!ex) {
    if (op === "=" || r.achieved) return finish(op === "=" ? r : { score: 1, achieved: true }, policy, false);
    return finish(policy.dateRule === "zeroIfLate" ? { score: 0, achieved: false } : r, policy, false);
  }
  const aText = formatDate(as);
  const tText = formatDate(ts);
  if (op === "=") return finish(r, policy, EXPLAIN.equal(aText, tText, r.achieved));
  if (r.achieved) return finish({ score: 1, achieved: true }, policy, EXPLAIN.dateOnTime(aText, tText));
  if (policy.dateRule === "zeroIfLate") return finish({ score: 0, achieved: false }, policy, EXPLAIN.dateLateZero(aText, tText));
  const p = formatPercent(r.score);
  const text = op === "<=" ? EXPLAIN.dateLate(aText, tText, da, dt, p) : EXPLAIN.dateEarlyGe(aText, tText, da, dt, p);
  return finish(r, policy, text);
}

function notAvailable(policy: Policy): Score {
  if (policy.notAvailable === "zero") return { status: "na", performance: 0, explanation: EXPLAIN.notAvailableZero };
  return { status: "na", performance: null, explanation: EXPLAIN.notAvailableExcluded };
}

/** The policy's rounding before weighting: to a whole percent, halves up. */
export function roundToWholePercent(p: number): number {
  return Math.round(p * 100 + EPS) / 100;
}

/** Post-processing shared by every rule: floor, bands, cap, rounding — in that order. */
export function finish(r: Raw, policy: Policy, explanation: string | false): Score {
  let p = Math.max(0, r.score);
  const ex = explanation !== false;
  let text = explanation || "";
  if (policy.floor > 0 && p < policy.floor - EPS) {
    if (p > 0 && ex) text += EXPLAIN.floor(formatPercent(policy.floor));
    p = 0;
  } else if (policy.bands.length) {
    const band = policy.bands.find((b) => p >= b.from - EPS && (b.to === null || p < b.to - EPS));
    if (band) {
      if (ex)
        text += EXPLAIN.band(formatPercent(band.from), band.to === null ? "…" : formatPercent(band.to), formatPercent(band.score));
      p = band.score;
    }
  }
  if (policy.cap !== null && p > policy.cap + EPS) {
    // At a 100% cap an achieved target already reads "raggiunto"; above it, say where the ratio stopped.
    if (ex && ((r.score > 1 + EPS && r.score < MAX_SCORE && policy.cap > 1 + EPS) || policy.cap < 1 - EPS)) text += EXPLAIN.cap(formatPercent(policy.cap));
    p = policy.cap;
  }
  if (policy.roundBeforeWeighting) {
    const rounded = roundToWholePercent(p);
    if (ex && Math.abs(rounded - p) > EPS) text += EXPLAIN.rounded(formatPercent(rounded));
    p = rounded;
  }
  return { status: "ok", performance: p, explanation: text };
}
