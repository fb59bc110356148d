// «fasce»: a band set maps a performance to a fixed score, or to a proportional one
// (linear between the band's two scores, PERFORM+ «proporzionale», GZOOM WESCORE_PRORATERANGE).
import type { Band } from "../policy";
import { EPS } from "./common";

export function inBand(p: number, b: Band): boolean {
  const fromIn = b.fromIncluded !== false;
  const toIn = b.toIncluded === true;
  const aboveFrom = fromIn ? p >= b.from - EPS : p > b.from + EPS;
  if (!aboveFrom) return false;
  if (b.to === null) return true;
  return toIn ? p <= b.to + EPS : p < b.to - EPS;
}

/** The band holding `p`, or null; `gap` when p lies between the set's first and last bounds but in no band. */
export function findBand(p: number, bands: readonly Band[]): { band: Band | null; gap: boolean } {
  for (const b of bands) if (inBand(p, b)) return { band: b, gap: false };
  if (!bands.length) return { band: null, gap: false };
  const lo = Math.min(...bands.map((b) => b.from));
  const his = bands.map((b) => (b.to === null ? Infinity : b.to));
  const hi = Math.max(...his);
  return { band: null, gap: p > lo && p < hi };
}

/** The band's score for `p`: fixed, or proportional between `score` (at from) and `scoreTo` (at to). */
export function bandScore(p: number, b: Band): number {
  if (b.scoreTo === undefined || b.scoreTo === null || b.to === null) return b.score;
  const span = b.to - b.from;
  if (!(span > EPS)) return b.score;
  return b.score + ((p - b.from) / span) * (b.scoreTo - b.score);
}
