// «baseline»: linear from the Baseline (0%) to the Target (100%), in the direction the two
// say (GZOOM WECONVER_PERCENTPY): Baseline 50, Target 100, Stato 75 → 50%; lower is better:
// Baseline 15, Target 10, Stato 12 → 60%. At or beyond the target 100%, at or before the baseline 0%.
import { EPS, type Raw } from "./common";
import { piecewise } from "./linear";

export function baselineRule(a: number, t: number, b: number): Raw | null {
  if (!(Math.abs(t - b) > EPS)) return null;
  const score = piecewise(a, [
    [b, 0],
    [t, 1],
  ]);
  const achieved = t > b ? a >= t - EPS : a <= t + EPS;
  return { score: achieved ? 1 : score, achieved };
}
