// Weights and weighted means. One rule: Σ p·w / Σ w over the items that have both a
// performance and a weight; the others drop out and the weights renormalise.
import type { CellInput } from "./types";
import { parseValue } from "./values";

/**
 * A weight as a fraction. "12,5%", 0.125 with a % format and 12.5 all mean 12,5%:
 * a plain number above 1 is read as percentage points. Null when unreadable or negative.
 */
export function parseWeight(cell: CellInput): number | null {
  const v = parseValue(cell);
  if (v.kind !== "number" || v.value < 0) return null;
  if (v.percent) return v.value;
  return v.value > 1 ? v.value / 100 : v.value;
}

export interface WeightedItem {
  performance: number | null;
  weight: number | null;
}

/** Weights below this are zero: subnormal weights only add rounding noise. */
export const MIN_WEIGHT = 1e-9;

export function weightedMean(items: readonly WeightedItem[]): number | null {
  let num = 0;
  let den = 0;
  for (const it of items) {
    const p = it.performance;
    const w = it.weight;
    if (p === null || w === null || !(w > MIN_WEIGHT) || !Number.isFinite(p)) continue;
    num += p * w;
    den += w;
  }
  return den > 0 ? num / den : null;
}

/** Printed weights are rounded equal shares (7,1% × 14 = 99,4%): tolerate 0,05 points each, at least 0,1. */
export function weightSumTolerance(count: number): number {
  return Math.max(0.001, 0.0005 * count);
}
