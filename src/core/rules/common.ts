// What every rule shares: the raw outcome type and the number helpers.
/** A rule's raw outcome: the raw score (fraction) and whether the target is met. */
export interface Raw {
  score: number;
  achieved: boolean;
  /** The score was stopped at MAX_SCORE: the ratio itself was larger. */
  bounded?: boolean;
}
export type NumericRule = (a: number, t: number) => Raw;

export const EPS = 1e-9;
/** "No cap" still stops at 1000%: beyond that a ratio only measures how small a target or actual was. */
export const MAX_SCORE = 10;
export const same = (a: number, t: number) => Math.abs(a - t) <= EPS * Math.max(1, Math.abs(a), Math.abs(t));
/** A ratio stopped at MAX_SCORE, saying so. */
export function boundedRaw(x: number, achieved: boolean): Raw {
  if (Number.isNaN(x) || x > MAX_SCORE) return { score: MAX_SCORE, achieved, bounded: true };
  return { score: x, achieved };
}
