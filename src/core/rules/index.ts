// Scoring: one small pure function per rule (this folder), chosen by the indicator's own
// «Regola» or by the policy for its operator (as GZOOM's scorecard converters are); then a
// fixed post-processing (rounding, floor, bands, cap) whose order the policy sets.
import type { Operator, Value } from "../types";
import type { Band, Policy } from "../policy";
import { dayOfPlanYear, isPlausibleSerial, ymdFromSerial } from "../dates";
import { formatDate, formatNumber, formatPercent } from "../format";
import { describeBandRange } from "../bandText";
import { EXPLAIN, REASONS, RULE_NAMES } from "../../messages/engine";
import { EPS, MAX_SCORE, type NumericRule, type Raw } from "./common";
import { allOrNothing } from "./allOrNothing";
import { baselineRule } from "./baseline";
import { thresholdsRule } from "./thresholds";
import { bandScore, findBand } from "./bands";
import { daysLate, daysLateRule } from "./daysLate";
import { RULES, policyRule, type RuleSpec } from "./registry";

export { MAX_SCORE } from "./common";
export { RULES, RULE_IDS, parseRuleName, policyRule, type RuleId, type RuleSpec } from "./registry";
export { piecewise } from "./linear";
export { daysLate } from "./daysLate";
export { findBand, bandScore } from "./bands";

export type ScoreStatus = "ok" | "na" | "blank" | "unreadable";

export interface Score {
  status: ScoreStatus;
  /** Fraction, or null when not available. */
  performance: number | null;
  explanation: string;
  /** Which side could not be read, when unreadable. */
  unreadableSide?: "actual" | "target";
  reason?: string;
  /** Why the rule could not score it (missing Baseline, a gap between bands…): an error on the indicator. */
  issue?: { code: "RULE_NEEDS" | "RULE_NOT_FOR_VALUE" | "BAND_SET_UNKNOWN" | "BAND_GAP"; detail: string };
  /** A `%` reading that was guessed (a plain number read as points): warned on the cell. */
  percentGuess?: { side: "actual" | "target"; typed: string; used: string; other: string };
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
  /** The indicator's own rule («Regola»); absent: the policy's rule for the operator. */
  rule?: RuleSpec;
  baseline?: Value;
  thresholdMin?: Value;
  thresholdMax?: Value;
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
    if (a.kind === "date") {
      if (opts.rule?.id === "bands" && bandsFor(opts.rule, policy) === "unknown") return unknownSet(opts.rule, policy);
      return scoreDates(a.serial, op, t.serial, policy, opts.year, ex, opts.rule);
    }
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
  let tv = t.value;
  let note = "";
  let percentGuess: Score["percentGuess"];
  // A "%" indicator with one side typed as points (85, 1,4) and the other as a percentage:
  // one rule for both sides and directions — the plain number is read as points when it is
  // above 150% or about 100 times the other side, and the reading is reported.
  if (!opts.fractions && a.percent !== t.percent && PERCENT_UNIT_RE.test(opts.unit ?? "")) {
    const plainIsActual = !a.percent;
    const pv = plainIsActual ? av : tv;
    const ov = plainIsActual ? tv : av;
    const q = ov !== 0 ? Math.abs(pv / ov) : 0;
    if (Math.abs(pv) > 1.5 || q >= 10) {
      const used = pv / 100;
      if (plainIsActual) av = used;
      else tv = used;
      note = ex ? EXPLAIN.percentPoints(formatNumber(pv, 4)) : " ";
      percentGuess = { side: plainIsActual ? "actual" : "target", typed: formatNumber(pv, 4), used: formatPercent(used), other: formatPercent(ov) };
    }
  }
  const spec = opts.rule ?? policyRule(op, policy);
  // Texts only for an explanation: bulk scoring (explain: false) formats nothing.
  const aText = !ex ? "" : a.percent || (note && percentGuess?.side === "actual") ? formatPercent(av) : formatNumber(av, 4);
  const tText = !ex ? "" : t.percent || (note && percentGuess?.side === "target") ? formatPercent(tv) : formatNumber(tv, 4);
  const asFraction = t.percent || percentGuess?.side === "target";
  let r: Raw;
  let text = "";
  switch (spec.id) {
    case "baseline": {
      const b = extraValue(opts.baseline, asFraction, opts.unit);
      if (b === null || b === "bad") return needs(spec, REASONS.needsBaseline);
      const got = baselineRule(av, tv, b);
      if (!got) return needs(spec, REASONS.baselineEqualsTarget);
      r = got;
      if (ex) text = EXPLAIN.baseline(aText, showOnScale(b, asFraction), tText, formatPercent(r.score));
      break;
    }
    case "thresholds": {
      const min = extraValue(opts.thresholdMin, asFraction, opts.unit);
      const max = extraValue(opts.thresholdMax, asFraction, opts.unit);
      if (min === null || min === "bad" || max === "bad") return needs(spec, REASONS.needsThresholds);
      const got = thresholdsRule(av, tv, min, max, policy.thresholdTop);
      if (!got) return needs(spec, REASONS.thresholdsOrder);
      r = got;
      if (ex) text = EXPLAIN.thresholds(aText, showOnScale(min, asFraction), tText, max === null ? "" : `${showOnScale(max, asFraction)} (${formatPercent(policy.thresholdTop)})`, formatPercent(r.score));
      break;
    }
    case "daysLate":
      return notFor(spec, REASONS.daysLateNeedsDates);
    case "allOrNothing":
      r = allOrNothing(op, av, tv);
      if (ex) text = op === "=" && !opts.rule ? EXPLAIN.equal(aText, tText, r.achieved) : EXPLAIN.allOrNothing(aText, tText, r.achieved);
      break;
    default: {
      const id = spec.id === "bands" ? policyRule(op, policy).id : spec.id;
      const fn = id === "ratio" ? RULES[">="].ratio : id === "inverse" ? RULES["<="].inverse : id === "reflection" ? RULES["<="].reflection : null;
      if (!fn) {
        r = allOrNothing(op, av, tv);
        if (ex) text = EXPLAIN.equal(aText, tText, r.achieved);
      } else {
        r = fn(av, tv);
        if (ex) text = explainNumeric(id as "ratio" | "inverse" | "reflection", policy, aText, tText, av, tv, r);
      }
    }
  }
  const bands = bandsFor(spec, policy);
  if (bands === "unknown") return unknownSet(spec, policy);
  const out = finish(r, policy, ex ? text + note : false, bands);
  if (percentGuess) out.percentGuess = percentGuess;
  return out;
}

/** A Baseline or threshold shown on the target's scale. */
function showOnScale(x: number, asFraction: boolean): string {
  return asFraction ? formatPercent(x) : formatNumber(x, 4);
}

/** A Baseline or threshold as a number on the target's scale; null when absent, "bad" when not a number. */
function extraValue(v: Value | undefined, asFraction: boolean, unit: string | undefined): number | null | "bad" {
  if (!v || v.kind === "blank") return null;
  if (v.kind !== "number") return "bad";
  if (asFraction && !v.percent && PERCENT_UNIT_RE.test(unit ?? "") && Math.abs(v.value) > 1.5) return v.value / 100;
  return v.value;
}

function needs(spec: RuleSpec, what: string): Score {
  return { status: "unreadable", performance: null, explanation: EXPLAIN.unreadable("regola", RULE_NAMES[spec.id], what), reason: what, issue: { code: "RULE_NEEDS", detail: what } };
}
function notFor(spec: RuleSpec, what: string): Score {
  return { status: "unreadable", performance: null, explanation: EXPLAIN.unreadable("regola", RULE_NAMES[spec.id], what), reason: what, issue: { code: "RULE_NOT_FOR_VALUE", detail: what } };
}
function unknownSet(spec: RuleSpec, policy: Policy): Score {
  const known = Object.keys(policy.bandSets).join(", ");
  return {
    status: "unreadable",
    performance: null,
    explanation: EXPLAIN.unreadable("insieme di fasce", spec.bandSet ?? "", REASONS.bandSetUnknown),
    reason: REASONS.bandSetUnknown,
    issue: { code: "BAND_SET_UNKNOWN", detail: known },
  };
}

/** The bands that apply: the rule's named set («fasce <nome>»), else the policy's bands. */
function bandsFor(spec: RuleSpec, policy: Policy): readonly Band[] | "unknown" {
  if (spec.id !== "bands") return policy.bands;
  const sets = policy.bandSets;
  if (spec.bandSet !== undefined) {
    const key = Object.keys(sets).find((k) => k.toLocaleLowerCase("it") === spec.bandSet!.toLocaleLowerCase("it"));
    return key === undefined ? "unknown" : sets[key];
  }
  const first = sets[""] ?? Object.values(sets)[0] ?? (policy.bands.length ? policy.bands : undefined);
  return first ?? "unknown";
}

type RatioId = "ratio" | "inverse" | "reflection";

function explainNumeric(id: RatioId, policy: Policy, a: string, t: string, av: number, tv: number, r: Raw): string {
  // A ratio stopped at the internal maximum shows the real ratio, then where it stopped.
  const shown = r.bounded ? (id === "ratio" ? av / tv : id === "inverse" ? tv / av : 2 - av / tv) : r.score;
  const p = formatPercent(shown);
  const bounded = r.bounded && (policy.cap === null || policy.cap >= MAX_SCORE) ? EXPLAIN.bounded(formatPercent(MAX_SCORE)) : "";
  // With a cap at 100% an achieved target is simply "raggiunto": the ratio above it says nothing.
  if (r.achieved && policy.cap !== null && policy.cap <= 1 + EPS) {
    if (id === "inverse" && !(av > 0) && tv > 0) return EXPLAIN.inverseZero(a, t);
    return id === "ratio" ? EXPLAIN.ratioAchieved(a, t) : EXPLAIN.inverseAchieved(a, t);
  }
  if (id === "ratio") {
    if (!(tv > 0 && av >= 0)) return EXPLAIN.zeroTarget(a, t, r.achieved);
    return r.achieved && r.score === 1 ? EXPLAIN.ratioAchieved(a, t) : EXPLAIN.ratio(a, t, p) + bounded;
  }
  if (id === "reflection") {
    if (!(tv > 0)) return EXPLAIN.zeroTarget(a, t, r.achieved);
    return r.achieved && r.score === 1 ? EXPLAIN.inverseAchieved(a, t) : EXPLAIN.reflection(a, t, p) + bounded;
  }
  if (r.achieved && !(av > 0) && tv > 0) return EXPLAIN.inverseZero(a, t);
  if (!(av > 0 && tv >= 0)) return EXPLAIN.zeroTarget(a, t, r.achieved);
  return r.achieved && r.score === 1 ? EXPLAIN.inverseAchieved(a, t) : EXPLAIN.inverse(t, a, p) + bounded;
}

function scoreDates(as: number, op: Operator, ts: number, policy: Policy, year: number | undefined, ex: boolean, rule: RuleSpec | undefined): Score {
  const aText = ex ? formatDate(as) : "";
  const tText = ex ? formatDate(ts) : "";
  const id = rule?.id ?? (policy.dateRule === "daysLate" ? "daysLate" : undefined);
  if (id === "daysLate") {
    const days = daysLate(op, as, ts);
    const r = daysLateRule(days, policy.lateBands, policy.lateDailyReduction);
    let text = "";
    if (ex) {
      text = EXPLAIN.daysLate(aText, tText, days, formatPercent(r.score));
      if (r.band) text += EXPLAIN.daysLateBand(r.band.to === null ? `da ${r.band.from} giorni` : `da ${r.band.from} a ${r.band.to} giorni`);
      else if (days > 0) text += EXPLAIN.daysLatePerDay(formatPercent(policy.lateDailyReduction));
    }
    return finish(r, policy, ex && text, bandsOrNone(rule, policy));
  }
  if (id === "allOrNothing") {
    const r = allOrNothing(op, Math.floor(as), Math.floor(ts));
    return finish(r, policy, ex && EXPLAIN.allOrNothing(aText, tText, r.achieved), bandsOrNone(rule, policy));
  }
  if (id === "baseline" || id === "thresholds") return notFor(rule!, REASONS.ruleNotForDates);
  const y = year ?? ymdFromSerial(ts).y;
  const da = dayOfPlanYear(as, y);
  const dt = dayOfPlanYear(ts, y);
  const ratioId = id === "ratio" || id === "inverse" || id === "reflection" ? id : policyRule(op, policy).id;
  const raw: NumericRule = ratioId === "ratio" ? RULES[">="].ratio : ratioId === "inverse" ? RULES["<="].inverse : ratioId === "reflection" ? RULES["<="].reflection : RULES["="].exact;
  const r = raw(da, dt);
  const bands = bandsOrNone(rule, policy);
  if (!ex) {
    if (op === "=" || r.achieved) return finish(op === "=" ? r : { score: 1, achieved: true }, policy, false, bands);
    return finish(policy.dateRule === "zeroIfLate" ? { score: 0, achieved: false } : r, policy, false, bands);
  }
  if (op === "=") return finish(r, policy, EXPLAIN.equal(aText, tText, r.achieved), bands);
  if (r.achieved) return finish({ score: 1, achieved: true }, policy, EXPLAIN.dateOnTime(aText, tText), bands);
  if (policy.dateRule === "zeroIfLate") return finish({ score: 0, achieved: false }, policy, EXPLAIN.dateLateZero(aText, tText), bands);
  const p = formatPercent(r.score);
  const text = op === "<=" ? EXPLAIN.dateLate(aText, tText, da, dt, p) : EXPLAIN.dateEarlyGe(aText, tText, da, dt, p);
  return finish(r, policy, text, bands);
}

function bandsOrNone(rule: RuleSpec | undefined, policy: Policy): readonly Band[] {
  if (!rule) return policy.bands;
  const b = bandsFor(rule, policy);
  return b === "unknown" ? policy.bands : b;
}

function notAvailable(policy: Policy): Score {
  if (policy.notAvailable === "zero") return { status: "na", performance: 0, explanation: EXPLAIN.notAvailableZero };
  return { status: "na", performance: null, explanation: EXPLAIN.notAvailableExcluded };
}

/** What the explanation says of a rounding: nothing when it changed nothing. */
function roundingNote(p: number, rounded: number): string {
  return Math.abs(rounded - p) > EPS ? EXPLAIN.rounded(formatPercent(rounded)) : "";
}

/** The policy's rounding before weighting: to a whole percent, halves up. */
export function roundToWholePercent(p: number): number {
  return Math.round(p * 100 + EPS) / 100;
}

/**
 * Post-processing shared by every rule: rounding (first, when the policy says so), floor,
 * bands, cap, rounding (last, otherwise). A performance between two bands is an error.
 */
export function finish(r: Raw, policy: Policy, explanation: string | false, bands: readonly Band[] = policy.bands): Score {
  let p = Math.max(0, r.score);
  const ex = explanation !== false;
  let text = explanation || "";
  if (policy.roundBeforeWeighting && policy.roundFirst) {
    const rounded = roundToWholePercent(p);
    if (ex) text += roundingNote(p, rounded);
    p = rounded;
  }
  if (policy.floor > 0 && p < policy.floor - EPS) {
    if (p > 0 && ex) text += EXPLAIN.floor(formatPercent(policy.floor));
    p = 0;
  } else if (bands.length) {
    const { band, gap } = findBand(p, bands);
    if (band) {
      const s = bandScore(p, band);
      if (ex) {
        const range = band.fromIncluded === undefined && band.toIncluded === undefined && band.scoreTo === undefined
          ? null
          : describeBandRange(band, formatPercent);
        text += range === null
          ? EXPLAIN.band(formatPercent(band.from), band.to === null ? "…" : formatPercent(band.to), formatPercent(s))
          : EXPLAIN.bandRange(range, formatPercent(s));
      }
      p = s;
    } else if (gap) {
      const shown = formatPercent(p);
      return { status: "unreadable", performance: null, explanation: ex ? text + EXPLAIN.bandGap(shown) : EXPLAIN.bandGap(shown), reason: shown, issue: { code: "BAND_GAP", detail: shown } };
    }
  }
  if (policy.cap !== null && p > policy.cap + EPS) {
    // At a 100% cap an achieved target already reads "raggiunto"; above it, say where the ratio stopped.
    if (ex && ((r.score > 1 + EPS && policy.cap > 1 + EPS) || policy.cap < 1 - EPS)) text += EXPLAIN.cap(formatPercent(policy.cap));
    p = policy.cap;
  }
  if (policy.roundBeforeWeighting && !policy.roundFirst) {
    const rounded = roundToWholePercent(p);
    if (ex) text += roundingNote(p, rounded);
    p = rounded;
  }
  return { status: "ok", performance: p, explanation: text };
}
