// Monitoring: the Stato measured at a date inside the year. Beside the performance (computed
// against the year's target as in the consuntivo) each indicator gets the share of the year
// elapsed and whether it is on track:
// - cumulative indicators (counts and amounts to reach: a plain number target, not a
//   percentage, a date, a time or an average) against the target pro rata;
// - the others (percentages, ratios, times, deadlines, si/no) on the value itself.
import type { ObjectiveResult, PlanInput, PlanResult, Value } from "../types";
import { serialFromYmd } from "../dates";
import { indicatorTargets } from "./targets";

export type Progress = "inLinea" | "inRitardo" | "nonRilevato";

export interface MonitoredIndicator {
  objectiveId: string;
  row: number;
  name: string;
  sheet?: string;
  cell?: string;
  cumulative: boolean;
  /** The target pro rata for a cumulative indicator, else the target itself (numbers only). */
  expected: number | null;
  progress: Progress;
}

export interface MonitoredObjective {
  objectiveId: string;
  name: string;
  sheet?: string;
  onTrack: number;
  late: number;
  notMeasured: number;
}

export interface Monitoring {
  asOf: string;
  /** Share of the plan year elapsed at asOf (0..1). */
  share: number;
  indicators: MonitoredIndicator[];
  objectives: MonitoredObjective[];
}

/** Units that mean an average or a time, never a running total. */
const NOT_CUMULATIVE_UNIT = /%|percent|giorn|gg|or[ae]\b|minut|tempo|medi|rapporto|indice|tasso|data/i;

/** Share of `year` elapsed on `asOf` (ISO date), whole days, 1 Jan counts as one day. */
export function yearShare(asOf: string, year: number): number {
  const [y, m, d] = asOf.split("-").map(Number);
  const start = serialFromYmd(year, 1, 1);
  const days = serialFromYmd(year + 1, 1, 1) - start;
  const elapsed = serialFromYmd(y, m, d) - start + 1;
  return Math.min(1, Math.max(0, elapsed / days));
}

export function isCumulative(target: Value, unit: string | undefined): boolean {
  if (target.kind !== "number" || target.percent) return false;
  return !(unit && NOT_CUMULATIVE_UNIT.test(unit));
}

export function monitorPlan(plan: PlanInput, result: PlanResult, asOf: string): Monitoring {
  const year = plan.year ?? Number(asOf.slice(0, 4));
  const share = yearShare(asOf, year);
  const asOfSerial = serialFromYmd(...(asOf.split("-").map(Number) as [number, number, number]));
  const indicators: MonitoredIndicator[] = [];
  const objectives: MonitoredObjective[] = [];
  result.objectives.forEach((o: ObjectiveResult, oi) => {
    const input = plan.objectives[oi];
    const counts = { onTrack: 0, late: 0, notMeasured: 0 };
    o.indicators.forEach((r, ii) => {
      const ind = input?.indicators[ii];
      const t = ind ? indicatorTargets(ind, year).find((x) => x.year === undefined || x.year === year) : undefined;
      const target = t?.value ?? r.target;
      const op = r.operator ?? t?.operator ?? ">=";
      const cumulative = isCumulative(target, ind?.unit) && op !== "=";
      let expected: number | null = target.kind === "number" ? target.value : null;
      let progress: Progress = "nonRilevato";
      const a = r.actual;
      if (cumulative && expected !== null) {
        expected = expected * share;
        if (a.kind === "number") progress = (op === ">=" ? a.value >= expected - 1e-9 : a.value <= expected + 1e-9) ? "inLinea" : "inRitardo";
      } else if (target.kind === "date" && op !== ">=") {
        // A deadline: met, not yet due, or passed.
        if (a.kind === "date") progress = a.serial <= target.serial ? "inLinea" : "inRitardo";
        else if (a.kind === "blank") progress = asOfSerial <= target.serial ? "inLinea" : "inRitardo";
      } else if (r.performance !== null && (a.kind === "number" || a.kind === "bool" || a.kind === "date")) {
        progress = r.performance >= 1 - 1e-9 ? "inLinea" : "inRitardo";
      }
      if (progress === "inLinea") counts.onTrack++;
      else if (progress === "inRitardo") counts.late++;
      else counts.notMeasured++;
      indicators.push({ objectiveId: o.id, row: r.row, name: r.name, sheet: r.sheet ?? o.sheet, cell: r.cell, cumulative, expected, progress });
    });
    objectives.push({ objectiveId: o.id, name: o.name, sheet: o.sheet, ...counts });
  });
  return { asOf, share, indicators, objectives };
}
