// «soglie»: 0% before the Soglia minima, linear from Soglia minima (0%) to Target (100%),
// then from Target to Soglia massima (100% → the policy's top score, GZOOM WECONVER_PERCLIMITS),
// beyond it the top score. Either direction: min < T < max (higher is better) or min > T > max.
import type { Raw } from "./common";
import { monotone, piecewise } from "./linear";

export function thresholdsRule(a: number, t: number, min: number, max: number | null, top: number): Raw | null {
  const xs = max === null ? [min, t] : [min, t, max];
  if (!monotone(xs)) return null;
  const points: [number, number][] = [
    [min, 0],
    [t, 1],
  ];
  if (max !== null) points.push([max, top]);
  const up = t > min;
  const achieved = up ? a >= t : a <= t;
  // Without a Soglia massima the target is the top.
  return { score: piecewise(a, points), achieved };
}
