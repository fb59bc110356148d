// The SMVP policy: how a body scores its indicators. Pure data, serialisable into
// the workbook; the rules it names live in rules.ts as small pure functions.
import { POLICY_ERRORS, POLICY_FIELDS } from "../messages/engine";
import { bandConflicts, parseBandRange, parseLateRange } from "./bandText";

/**
 * A band ("fascia"): raw performance from `from` to `to` maps to a score. Version 1 bands
 * are [from, to); a version-2 band says which ends it includes (`da 60% a 70%`).
 */
export interface Band {
  from: number;
  /** Upper bound; null = no upper bound. */
  to: number | null;
  score: number;
  /** Proportional band: linear from `score` at `from` to `scoreTo` at `to`. */
  scoreTo?: number;
  /** Default true. */
  fromIncluded?: boolean;
  /** Default false. */
  toIncluded?: boolean;
}

/** A date band of «giorni di ritardo»: whole days late from `from` to `to` (both included). */
export interface LateBand {
  from: number;
  to: number | null;
  score: number;
}

export type HigherRule = "ratio";
export type LowerRule = "inverse" | "reflection";
export type EqualRule = "exact";
export type DateRule = "proportional" | "zeroIfLate" | "daysLate";
export type BlankActual = "exclude" | "zero" | "zeroScore" | "error";
export type RollupMean = "simple" | "resources" | "objectiveWeight" | "worst";

export interface Policy {
  /** 1: the first settings format (still read exactly as then); 2: everything below. */
  version: 1 | 2;
  /** Which scoring rule each operator uses. */
  rules: { ">=": HigherRule; "<=": LowerRule; "=": EqualRule };
  /** Upper cap as a fraction (1 = 100%); null = no cap. */
  cap: number | null;
  /** Below this raw performance the score is 0; 0 = no floor. */
  floor: number;
  /** Fixed scores by range, applied after the floor; empty = none. */
  bands: Band[];
  dateRule: DateRule;
  /** n.d. indicators: excluded with weights renormalised, or counted as 0. */
  notAvailable: "exclude" | "zero";
  /** Round each indicator to a whole percent before weighting (as printed documents do). */
  roundBeforeWeighting: boolean;
  /** Traffic light: green at or above `green`, yellow at or above `yellow`, else red. */
  thresholds: { green: number; yellow: number };
  /** Roll-up mean over objectives: simple, or weighted by euro resources. */
  rollupMean: RollupMean;
  /** A stated performance further than this from the computed one is reported. */
  statedTolerance: number;
  /** Named band sets, used by an indicator's «fasce <nome>» (or «fasce»: the set named "" or the first). */
  bandSets: Record<string, Band[]>;
  /** Rounding to a whole percent before the bands (PERFORM+) or after them (default). */
  roundFirst: boolean;
  /** Cap of an objective's performance (GZOOM: indicators up to 120%, objective 100%); null = none. */
  objectiveCap: number | null;
  /** Score at the Soglia massima of «soglie» (GZOOM: 200%). */
  thresholdTop: number;
  /** Date bands of «giorni di ritardo»; a delay in none of them loses `lateDailyReduction` per day. */
  lateBands: LateBand[];
  lateDailyReduction: number;
  /** A blank Stato: excluded and reported, read as 0, scored 0%, or an error. */
  blankActual: BlankActual;
  /** Cards on hidden or very hidden sheets: counted in the totals (and reported), or left out. */
  hiddenSheets: "include" | "exclude";
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  version: 2,
  rules: Object.freeze({ ">=": "ratio", "<=": "inverse", "=": "exact" }) as Policy["rules"],
  cap: 1,
  floor: 0,
  bands: [],
  dateRule: "proportional",
  notAvailable: "exclude",
  roundBeforeWeighting: false,
  thresholds: Object.freeze({ green: 0.9, yellow: 0.6 }) as Policy["thresholds"],
  rollupMean: "simple",
  statedTolerance: 0.005,
  bandSets: {},
  roundFirst: false,
  objectiveCap: null,
  thresholdTop: 2,
  lateBands: [],
  lateDailyReduction: 0.01,
  blankActual: "exclude",
  hiddenSheets: "include",
}) as Readonly<Policy>;

export function defaultPolicy(): Policy {
  return clonePolicy(DEFAULT_POLICY);
}

function clonePolicy(p: Readonly<Policy>): Policy {
  return {
    ...p,
    rules: { ...p.rules },
    bands: p.bands.map((b) => ({ ...b })),
    thresholds: { ...p.thresholds },
    bandSets: Object.fromEntries(Object.entries(p.bandSets).map(([k, v]) => [k, v.map((b) => ({ ...b }))])),
    lateBands: p.lateBands.map((b) => ({ ...b })),
  };
}

export type PolicyCheck = { ok: true; policy: Policy } | { ok: false; errors: string[] };

const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * Reads a policy from untrusted data (the workbook, a file). Missing fields take the
 * default; wrong ones are reported in Italian, never thrown.
 */
export function parsePolicy(raw: unknown): PolicyCheck {
  const errors: string[] = [];
  const p = defaultPolicy();
  if (raw === null || typeof raw !== "object") {
    return { ok: false, errors: [POLICY_ERRORS.notAnObject] };
  }
  const r = raw as Record<string, unknown>;
  const rules = (r.rules ?? {}) as Record<string, unknown>;
  const pick = <T extends string>(v: unknown, allowed: readonly T[], field: string, fallback: T): T => {
    if (v === undefined) return fallback;
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    errors.push(POLICY_ERRORS.notAllowed(POLICY_FIELDS[field] ?? field, JSON.stringify(v), allowed.join(", ")));
    return fallback;
  };
  const fraction = (v: unknown, field: string, fallback: number, nullable = false): number | null => {
    if (v === undefined) return fallback;
    if (v === null && nullable) return null;
    if (isFiniteNumber(v) && v >= 0 && v <= 10) return v;
    errors.push(POLICY_ERRORS.notFraction(POLICY_FIELDS[field] ?? field, JSON.stringify(v)));
    return fallback;
  };
  p.rules[">="] = pick(rules[">="], ["ratio"] as const, "rules.>=", p.rules[">="]);
  p.rules["<="] = pick(rules["<="], ["inverse", "reflection"] as const, "rules.<=", p.rules["<="]);
  p.rules["="] = pick(rules["="], ["exact"] as const, "rules.=", p.rules["="]);
  p.cap = fraction(r.cap, "cap", 1, true);
  p.floor = fraction(r.floor, "floor", 0) ?? 0;
  p.notAvailable = pick(r.notAvailable, ["exclude", "zero"] as const, "notAvailable", p.notAvailable);
  if (r.roundBeforeWeighting !== undefined) {
    if (typeof r.roundBeforeWeighting === "boolean") p.roundBeforeWeighting = r.roundBeforeWeighting;
    else errors.push(POLICY_ERRORS.notBoolean(POLICY_FIELDS.roundBeforeWeighting));
  }
  p.statedTolerance = fraction(r.statedTolerance, "statedTolerance", p.statedTolerance) ?? p.statedTolerance;
  const th = (r.thresholds ?? {}) as Record<string, unknown>;
  p.thresholds.green = fraction(th.green, "thresholds.green", p.thresholds.green) ?? p.thresholds.green;
  p.thresholds.yellow = fraction(th.yellow, "thresholds.yellow", p.thresholds.yellow) ?? p.thresholds.yellow;
  if (p.thresholds.yellow > p.thresholds.green) {
    errors.push(POLICY_ERRORS.yellowAboveGreen);
  }
  // No version: a version-1 policy unless it uses what only version 2 has.
  const V2_KEYS = ["bandSets", "roundFirst", "objectiveCap", "thresholdTop", "lateBands", "lateDailyReduction", "blankActual", "hiddenSheets"];
  const version = r.version === undefined ? (V2_KEYS.some((k) => r[k] !== undefined) ? 2 : 1) : r.version === 1 || r.version === 2 ? r.version : null;
  if (version === null) errors.push(POLICY_ERRORS.badVersion(JSON.stringify(r.version)));
  p.version = version ?? 2;
  const v2 = p.version === 2;
  const cap = p.cap;
  if (r.bands !== undefined) {
    const set = readBands(r.bands, POLICY_FIELDS.bands, v2, cap, errors);
    if (set) p.bands = set;
  }
  if (r.bandSets !== undefined) {
    if (r.bandSets === null || typeof r.bandSets !== "object" || Array.isArray(r.bandSets)) errors.push(POLICY_ERRORS.bandSetsNotObject);
    else {
      p.bandSets = {};
      for (const [name, list] of Object.entries(r.bandSets as Record<string, unknown>)) {
        const set = readBands(list, POLICY_ERRORS.bandSetName(name), true, cap, errors);
        if (set) p.bandSets[name.trim()] = set;
      }
    }
  }
  if (r.roundFirst !== undefined) {
    if (typeof r.roundFirst === "boolean") p.roundFirst = r.roundFirst;
    else errors.push(POLICY_ERRORS.notBoolean(POLICY_FIELDS.roundFirst));
  }
  p.objectiveCap = r.objectiveCap === undefined ? null : fraction(r.objectiveCap, "objectiveCap", 1, true);
  p.thresholdTop = fraction(r.thresholdTop, "thresholdTop", p.thresholdTop) ?? p.thresholdTop;
  p.lateDailyReduction = fraction(r.lateDailyReduction, "lateDailyReduction", p.lateDailyReduction) ?? p.lateDailyReduction;
  p.dateRule = pick(r.dateRule, ["proportional", "zeroIfLate", "daysLate"] as const, "dateRule", p.dateRule);
  p.blankActual = pick(r.blankActual, ["exclude", "zero", "zeroScore", "error"] as const, "blankActual", p.blankActual);
  p.hiddenSheets = pick(r.hiddenSheets, ["include", "exclude"] as const, "hiddenSheets", p.hiddenSheets);
  p.rollupMean = pick(r.rollupMean, ["simple", "resources", "objectiveWeight", "worst"] as const, "rollupMean", p.rollupMean);
  if (r.lateBands !== undefined) {
    if (!Array.isArray(r.lateBands)) errors.push(POLICY_ERRORS.bandsNotList(POLICY_FIELDS.lateBands));
    else {
      p.lateBands = [];
      r.lateBands.forEach((b, i) => {
        const o = (b ?? {}) as Record<string, unknown>;
        // Days as numbers ({from: 1, to: 30}) or in words ({range: "da 1 a 30 giorni"}); the score as 0.8 or "80%".
        const rangeText = o.range ?? o.fascia;
        const words = typeof rangeText === "string" ? parseLateRange(rangeText) : undefined;
        const from = words ? words.from : o.from;
        const to = words ? words.to : (o.to ?? null);
        const score = scoreOf(o.score);
        const okDays = (x: unknown) => isFiniteNumber(x) && Number.isInteger(x) && x >= 1;
        if (words === null) errors.push(POLICY_ERRORS.badLateRange(i + 1, rangeText as string));
        else if (okDays(from) && (to === null || (okDays(to) && (to as number) >= (from as number))) && score !== null && score >= 0 && score <= (cap ?? 10)) {
          p.lateBands.push({ from: from as number, to: to as number | null, score });
        } else errors.push(POLICY_ERRORS.badLateBand(i + 1));
      });
      p.lateBands.sort((a, b) => a.from - b.from);
      for (let i = 1; i < p.lateBands.length; i++) {
        const prev = p.lateBands[i - 1];
        const cur = p.lateBands[i];
        if (prev.to === null || cur.from <= prev.to) errors.push(POLICY_ERRORS.lateOverlap(i, i + 1));
        else if (cur.from > prev.to + 1) errors.push(POLICY_ERRORS.lateGap(i, i + 1, prev.to + 1, cur.from - 1));
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, policy: p };
}

/** A score as a fraction: 0.6, or text as a person writes it ("60%", "60"). */
function scoreOf(v: unknown): number | null {
  if (isFiniteNumber(v)) return v;
  if (typeof v === "string") {
    const t = v.replace(/%/g, "").replace(/\s/g, "").replace(",", ".");
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return Number(t) / 100;
  }
  return null;
}

/**
 * A list of bands. Each band: `{from, to, score}` as fractions (version 1: [from, to)), or
 * version 2 also `{range: "da 60% a 70%", score: "60%"}`, `score: "proporzionale"` (the band
 * gives the performance itself) or `score: ["60%", "99%"]` (linear between the two), and
 * `fromIncluded` / `toIncluded`. Scores outside [0, cap] are refused; in version 2 bands that
 * overlap or leave a gap are refused, with the reason.
 */
function readBands(raw: unknown, field: string, v2: boolean, cap: number | null, errors: string[]): Band[] | null {
  if (!Array.isArray(raw)) {
    errors.push(POLICY_ERRORS.bandsNotList(field));
    return null;
  }
  const out: Band[] = [];
  const top = cap ?? 10;
  raw.forEach((b, i) => {
    const o = (b ?? {}) as Record<string, unknown>;
    let from: unknown = o.from;
    let to: unknown = o.to ?? null;
    let fromIncluded: boolean | undefined = typeof o.fromIncluded === "boolean" ? o.fromIncluded : undefined;
    let toIncluded: boolean | undefined = typeof o.toIncluded === "boolean" ? o.toIncluded : undefined;
    const rangeText = o.range ?? o.fascia;
    if (typeof rangeText === "string") {
      const r = parseBandRange(rangeText);
      if (!r) {
        errors.push(POLICY_ERRORS.badBandRange(field, i + 1, rangeText));
        return;
      }
      ({ from, to } = r);
      fromIncluded = r.fromIncluded;
      toIncluded = r.toIncluded;
    }
    const s = o.score ?? o.punteggio;
    let score: number | null = null;
    let scoreTo: number | undefined;
    if (Array.isArray(s) && s.length === 2) {
      score = scoreOf(s[0]);
      const t = scoreOf(s[1]);
      if (t !== null) scoreTo = t;
      else score = null;
    } else if (typeof s === "string" && /^\s*proporzional[ei]\s*$/i.test(s) && isFiniteNumber(from) && isFiniteNumber(to)) {
      score = from;
      scoreTo = to as number;
    } else score = scoreOf(s);
    if (isFiniteNumber(o.scoreTo)) scoreTo = o.scoreTo;
    if (!(isFiniteNumber(from) && (to === null || isFiniteNumber(to)) && score !== null && (to === null || (to as number) > from))) {
      errors.push(POLICY_ERRORS.badBand(i + 1));
      return;
    }
    for (const x of scoreTo === undefined ? [score] : [score, scoreTo]) {
      if (x < 0 || x > top + 1e-12) {
        errors.push(POLICY_ERRORS.bandScoreOutside(field, i + 1, Math.round(x * 1000) / 10, Math.round(top * 1000) / 10));
        return;
      }
    }
    const band: Band = { from, to: to as number | null, score };
    if (scoreTo !== undefined) band.scoreTo = scoreTo;
    if (fromIncluded !== undefined) band.fromIncluded = fromIncluded;
    if (toIncluded !== undefined) band.toIncluded = toIncluded;
    out.push(band);
  });
  out.sort((a, b) => a.from - b.from);
  if (v2) {
    for (const c of bandConflicts(out)) errors.push(c.kind === "overlap" ? POLICY_ERRORS.bandsOverlap(field, c.a, c.b) : POLICY_ERRORS.bandsGap(field, c.a, c.b));
  }
  return out;
}

export function serializePolicy(p: Policy): string {
  return JSON.stringify(p);
}
