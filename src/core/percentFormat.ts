// A percentage hidden by a cell's format: one side of a numeric comparison is a % cell (80%)
// and the other a plain number about 100 times larger (75 in a General cell), on an indicator
// whose UdM does not say «%» (with UdM «%» the rule itself reads the points: rules/index.ts,
// PERCENT_READING). The engine keeps the numbers as they are and says so.
import type { Value } from "./types";
import { formatNumber, formatPercent } from "./format";

export interface PercentFormatMismatch {
  /** The side holding the plain number. */
  side: "actual" | "target";
  typed: string;
  other: string;
}

/** Sizes "about 100 times apart": between 30 and 300 times. */
const LOW = 30;
const HIGH = 300;

export function percentFormatMismatch(actual: Value, target: Value): PercentFormatMismatch | null {
  if (actual.kind !== "number" || target.kind !== "number" || actual.percent === target.percent) return null;
  const plain = actual.percent ? target : actual;
  const pct = actual.percent ? actual : target;
  if (pct.value === 0) return null;
  const q = Math.abs(plain.value / pct.value);
  if (q < LOW || q > HIGH) return null;
  return { side: actual.percent ? "target" : "actual", typed: formatNumber(plain.value, 4), other: formatPercent(pct.value) };
}
