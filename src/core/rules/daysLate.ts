// «giorni di ritardo»: the score depends on the whole days of delay only, so the same delay
// scores the same whatever the month of the deadline (PERFORM+ looks days up in bands).
import type { Operator } from "../types";
import type { LateBand } from "../policy";
import type { Raw } from "./common";

/** Whole days late (0 when on time or early), by the operator's direction. */
export function daysLate(op: Operator, actualSerial: number, targetSerial: number): number {
  const a = Math.floor(actualSerial);
  const t = Math.floor(targetSerial);
  if (op === ">=") return Math.max(0, t - a);
  if (op === "=") return Math.abs(a - t);
  return Math.max(0, a - t);
}

export function findLateBand(days: number, bands: readonly LateBand[]): LateBand | null {
  return bands.find((b) => days >= b.from && (b.to === null || days <= b.to)) ?? null;
}

/** Score of a delay: 100% on time; then the policy's date bands, else a reduction per day. */
export function daysLateRule(days: number, bands: readonly LateBand[], perDay: number): Raw & { band: LateBand | null } {
  if (days <= 0) return { score: 1, achieved: true, band: null };
  const band = findLateBand(days, bands);
  if (band) return { score: band.score, achieved: false, band };
  return { score: Math.max(0, 1 - days * perDay), achieved: false, band: null };
}
