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

/** How an objective's weights were read: one scale for all its cells. */
export type WeightScale = "fractions" | "percent" | "points" | "relative";

/**
 * An objective's weights on one scale, decided for the objective, never per cell: cells with
 * a % format (or "12,5%") are fractions; plain numbers are fractions when all are ≤ 1, points
 * (÷ 100) when they add up to about 100, and relative weights (1 / 2 / 1 → 25%, 50%, 25%)
 * otherwise. `mixed` when the cells are written on different scales.
 */
export function parseObjectiveWeights(cells: readonly CellInput[]): { weights: (number | null)[]; scale: WeightScale; mixed: boolean } {
  const values = cells.map((c) => parseValue(c));
  const plain: number[] = [];
  let percentCells = 0;
  for (const v of values) {
    if (v.kind !== "number" || v.value < 0) continue;
    if (v.percent) percentCells++;
    else plain.push(v.value);
  }
  const plainSum = plain.reduce((s, x) => s + x, 0);
  const anyAboveOne = plain.some((x) => x > 1);
  let scale: WeightScale;
  if (!plain.length) scale = "percent";
  else if (!anyAboveOne) scale = percentCells ? "percent" : "fractions";
  else if (percentCells || Math.abs(plainSum - 100) <= Math.max(0.1, 0.05 * plain.length)) scale = "points";
  else scale = "relative";
  // Mixed: percentage cells beside points, or plain fractions (≤ 1) beside points (> 1).
  const mixed = (percentCells > 0 && anyAboveOne) || (anyAboveOne && plain.some((x) => x > 0 && x < 1));
  const relativeSum = plainSum > 0 ? plainSum : 1;
  const weights = values.map((v) => {
    if (v.kind !== "number" || v.value < 0) return null;
    if (v.percent) return v.value;
    if (scale === "points") return v.value / 100;
    if (scale === "relative") return v.value / relativeSum;
    return v.value;
  });
  return { weights, scale, mixed };
}

export interface WeightedItem {
  performance: number | null;
  weight: number | null;
}

/** Weights below this are zero: subnormal weights only add rounding noise. */
export const MIN_WEIGHT = 1e-9;

export function weightedMean(items: readonly WeightedItem[]): number | null {
  return weightedMeanOf(items, performanceOf, weightOf);
}

const performanceOf = (it: WeightedItem) => it.performance;
const weightOf = (it: WeightedItem) => it.weight;

/** The same mean read straight off any items (objectives, indicators), with no item object built per element. */
export function weightedMeanOf<T>(items: readonly T[], performance: (it: T) => number | null, weight: (it: T) => number | null | undefined): number | null {
  let num = 0;
  let den = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    const p = performance(it);
    const w = weight(it);
    if (p === null || w === null || w === undefined || !(w > MIN_WEIGHT) || !Number.isFinite(p)) continue;
    num += p * w;
    den += w;
  }
  return den > 0 ? num / den : null;
}

/** Printed weights are rounded equal shares (7,1% × 14 = 99,4%): tolerate 0,05 points each, at least 0,1. */
export function weightSumTolerance(count: number): number {
  return Math.max(0.001, 0.0005 * count);
}
