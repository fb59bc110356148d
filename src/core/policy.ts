// The SMVP policy: how a body scores its indicators. Pure data, serialisable into
// the workbook; the rules it names live in rules.ts as small pure functions.
import { POLICY_ERRORS, POLICY_FIELDS } from "../messages/engine";

/** A band ("fascia"): raw performance in [from, to) maps to a fixed score. */
export interface Band {
  from: number;
  /** Exclusive upper bound; null = no upper bound. */
  to: number | null;
  score: number;
}

export type HigherRule = "ratio";
export type LowerRule = "inverse" | "reflection";
export type EqualRule = "exact";
export type DateRule = "proportional" | "zeroIfLate";

export interface Policy {
  version: 1;
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
  rollupMean: "simple" | "resources";
  /** A stated performance further than this from the computed one is reported. */
  statedTolerance: number;
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  version: 1,
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
  p.dateRule = pick(r.dateRule, ["proportional", "zeroIfLate"] as const, "dateRule", p.dateRule);
  p.notAvailable = pick(r.notAvailable, ["exclude", "zero"] as const, "notAvailable", p.notAvailable);
  p.rollupMean = pick(r.rollupMean, ["simple", "resources"] as const, "rollupMean", p.rollupMean);
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
  if (r.bands !== undefined) {
    if (!Array.isArray(r.bands)) errors.push(POLICY_ERRORS.bandsNotList(POLICY_FIELDS.bands));
    else {
      p.bands = [];
      r.bands.forEach((b, i) => {
        const o = (b ?? {}) as Record<string, unknown>;
        const from = o.from, to = o.to ?? null, score = o.score;
        if (isFiniteNumber(from) && (to === null || isFiniteNumber(to)) && isFiniteNumber(score) && (to === null || to > from)) {
          p.bands.push({ from, to: to as number | null, score });
        } else errors.push(POLICY_ERRORS.badBand(i + 1));
      });
      p.bands.sort((a, b) => a.from - b.from);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, policy: p };
}

export function serializePolicy(p: Policy): string {
  return JSON.stringify(p);
}
