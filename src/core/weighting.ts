// Weights and weighted means. One rule: Σ p·w / Σ w over the items that have both a
// performance and a weight; the others drop out and the weights renormalise.
import type { CellInput } from "./types";
import { formatKind, parseValue } from "./values";

/**
 * A weight as a fraction. "12,5%", 0.125 with a % format and 12.5 all mean 12,5%:
 * a plain number above 1 is read as percentage points. Null when unreadable or negative.
 */
export function parseWeight(cell: CellInput): number | null {
  const raw = cell.value;
  if (typeof raw === "number") {
    // A typed number, read as parseValue would, without building its Value.
    const kind = formatKind(cell.format);
    if (!Number.isFinite(raw) || kind === "date" || raw < 0) return null;
    if (kind === "percent") return raw;
    return raw > 1 ? raw / 100 : raw;
  }
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
  // Each cell as a number (NaN when unreadable or negative) and whether it is a percentage.
  const n = cells.length;
  const values = new Array<number>(n);
  const percent = new Array<boolean>(n);
  let percentCells = 0;
  let plainCount = 0;
  let plainSum = 0;
  let anyAboveOne = false;
  let anyBelowOne = false;
  for (let k = 0; k < n; k++) {
    const cell = cells[k];
    const raw = cell.value;
    let x = NaN;
    let pc = false;
    if (typeof raw === "number") {
      // A typed number, read as parseValue would without building its Value.
      const kind = formatKind(cell.format);
      if (Number.isFinite(raw) && kind !== "date") {
        x = raw;
        pc = kind === "percent";
      }
    } else {
      const v = parseValue(cell);
      if (v.kind === "number") {
        x = v.value;
        pc = v.percent;
      }
    }
    if (!(x >= 0)) x = NaN;
    values[k] = x;
    percent[k] = pc;
    if (Number.isNaN(x)) continue;
    if (pc) percentCells++;
    else {
      plainCount++;
      plainSum += x;
      if (x > 1) anyAboveOne = true;
      else if (x > 0 && x < 1) anyBelowOne = true;
    }
  }
  let scale: WeightScale;
  if (!plainCount) scale = "percent";
  else if (!anyAboveOne) scale = percentCells ? "percent" : "fractions";
  else if (percentCells || Math.abs(plainSum - 100) <= Math.max(0.1, 0.05 * plainCount)) scale = "points";
  else scale = "relative";
  // Mixed: percentage cells beside points, or plain fractions (≤ 1) beside points (> 1).
  const mixed = (percentCells > 0 && anyAboveOne) || (anyAboveOne && anyBelowOne);
  const relativeSum = plainSum > 0 ? plainSum : 1;
  const weights = new Array<number | null>(n);
  for (let k = 0; k < n; k++) {
    const x = values[k];
    if (Number.isNaN(x)) weights[k] = null;
    else if (percent[k]) weights[k] = x;
    else if (scale === "points") weights[k] = x / 100;
    else if (scale === "relative") weights[k] = x / relativeSum;
    else weights[k] = x;
  }
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
