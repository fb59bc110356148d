// The phase part of what `piano-perf` prints: top-level "phase", "year", "asOf" and per
// indicator "targets" in --json; the phase line and the monitoring counts in the text.
import type { WorkbookAnalysis } from "../core/reader/analyze";
import { indicatorTargets, jsonValue } from "../core/phases";
import { formatPercent } from "../core/format";
import { PHASES } from "../messages/phases";
import type { Phase } from "../core/types";

export type JsonTargets = Record<string, number | string | boolean | null>;

export function phaseJson(a: WorkbookAnalysis): { phase: Phase | null; year: number | null; asOf: string | null } {
  return { phase: a.phase ?? null, year: a.year ?? null, asOf: a.asOf ?? null };
}

/** `{ "2023": 100, "2024": 120 }`: every target column with its year; a target without year under the plan year. */
export function targetsJson(a: WorkbookAnalysis, objectiveIndex: number, indicatorIndex: number): JsonTargets {
  const input = a.plan.objectives[objectiveIndex]?.indicators[indicatorIndex];
  const out: JsonTargets = {};
  if (!input) return out;
  for (const t of indicatorTargets(input, a.year)) if (t.year !== undefined) out[String(t.year)] = jsonValue(t.value);
  return out;
}

export function phaseLines(a: WorkbookAnalysis): string[] {
  if (!a.phase) return [];
  const lines = [PHASES.chosen(a.phase, a.year, a.asOf)];
  const m = a.monitoring;
  if (m) {
    const count = (k: "onTrack" | "late" | "notMeasured") => m.objectives.reduce((n, o) => n + o[k], 0);
    lines.push(`${PHASES.yearElapsed(formatPercent(m.share), m.asOf)} Indicatori ${PHASES.onTrack}: ${count("onTrack")}, ${PHASES.late}: ${count("late")}, ${PHASES.notMeasured}: ${count("notMeasured")}.`);
  }
  return lines;
}
