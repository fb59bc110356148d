// Phase and plan-year decisions across the sheets of a workbook.
import type { Phase, Problem } from "../types";
import { READER } from "../../messages/workbook";
import { PHASES } from "../../messages/phases";

/** The year a sheet's headers carry, and the header cell it came from. */
export interface SheetYear {
  year: number;
  sheet: string;
  cell: string;
}

/** The plan year: the first sheet's; a sheet with another year is a warning (pushed to `problems`). */
export function planYear(years: SheetYear[], problems: Problem[]): number | undefined {
  const year = years[0]?.year;
  const other = years.find((y) => y.year !== year);
  if (year !== undefined && other) {
    problems.push({ code: "READER_MIXED_YEARS", severity: "warning", message: READER.mixedYears(year, other.year, other.sheet), sheet: other.sheet, cell: other.cell });
  }
  return year;
}

/** A Stato-like or Target-like column of a header row. */
export interface PhaseColumn {
  col: number;
  /** The header as typed, for messages. */
  text: string;
  distance: number;
  year?: number;
  /** Measurement date of a Stato ("Stato al 30/06/2023"). */
  date?: { y: number; m: number; d: number };
}

export interface SheetPhase {
  phase: Phase;
  /** The plan year: from the Target, else from the Stato. */
  year?: number;
  yearCol?: number;
  asOf?: string;
  actualCol?: number;
  targetCol?: number;
  targetCols: { year: number; col: number }[];
  baselineCol?: number;
  /** Stato-like columns that cannot be told apart (an error naming them). */
  ambiguous: PhaseColumn[];
  ambiguousMessage: (sheet: string) => string;
}

/** Best match first (smallest typo distance), then leftmost: the reader's rule for one column per role. */
function best(cols: PhaseColumn[]): PhaseColumn | undefined {
  let b: PhaseColumn | undefined;
  for (const c of cols) if (!b || c.distance < b.distance) b = c;
  return b;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/**
 * Decides, for one header row, the Stato, the Target, the Baseline and the phase:
 * - the plan year is the earliest Target year ("Target 2023", "Target 2024" → 2023);
 * - the Stato is the Stato-like column of that year; Stato-like columns of earlier years
 *   are Baselines (the latest of them is the indicator's Baseline);
 * - no Stato → preventivo; a Stato measured inside the year → monitoraggio; else consuntivo;
 * - several Stato-like columns that the years cannot tell apart → ambiguous (an error).
 */
export function resolveSheetPhase(actuals: PhaseColumn[], targets: PhaseColumn[]): SheetPhase {
  const dated = targets.filter((t) => t.year !== undefined).sort((a, b) => a.year! - b.year! || a.col - b.col);
  const targetCols: { year: number; col: number }[] = [];
  for (const t of dated) if (!targetCols.some((x) => x.year === t.year)) targetCols.push({ year: t.year!, col: t.col });
  const planYear = dated[0]?.year;
  const target = planYear !== undefined ? best(dated.filter((t) => t.year === planYear)) : best(targets);
  const out: SheetPhase = { phase: "consuntivo", targetCols, ambiguous: [], ambiguousMessage: () => "", targetCol: target?.col };
  out.ambiguousMessage = (sheet) => PHASES.ambiguousActual(sheet, out.ambiguous.map((a) => a.text));

  let actual: PhaseColumn | undefined;
  let baselines: PhaseColumn[] = [];
  const years = new Set(actuals.filter((a) => a.year !== undefined).map((a) => a.year));
  if (planYear !== undefined) {
    const same = actuals.filter((a) => a.year === planYear);
    const undated = actuals.filter((a) => a.year === undefined);
    baselines = actuals.filter((a) => a.year !== undefined && a.year < planYear);
    const later = actuals.filter((a) => a.year !== undefined && a.year > planYear);
    if (same.length === 1) actual = same[0];
    else if (same.length > 1) {
      const b = best(same)!;
      if (same.filter((s) => s.distance === b.distance).length === 1) actual = b;
      else out.ambiguous = same;
    } else if (undated.length) actual = best(undated);
    else if (later.length) out.ambiguous = [...later, ...baselines];
  } else if (years.size > 1) {
    out.ambiguous = actuals.filter((a) => a.year !== undefined);
  } else {
    actual = best(actuals);
  }
  if (out.ambiguous.length) baselines = [];

  out.year = planYear ?? actual?.year ?? (out.ambiguous.length ? undefined : baselines[0]?.year);
  out.yearCol = planYear !== undefined ? target?.col : actual?.year !== undefined ? actual.col : undefined;
  if (actual) {
    out.actualCol = actual.col;
    const d = actual.date;
    const endOfYear = d && d.m === 12 && d.d === 31;
    if (d && !endOfYear) {
      out.phase = "monitoraggio";
      out.asOf = iso(d.y, d.m, d.d);
    }
  } else if (!out.ambiguous.length) {
    out.phase = "preventivo";
  }
  const latest = baselines.sort((a, b) => b.year! - a.year! || a.col - b.col)[0];
  if (latest) out.baselineCol = latest.col;
  return out;
}

/** The sheets' phases: the first sheet's; another phase or date elsewhere is a warning. */
export interface SheetPhaseNote {
  sheet: string;
  cell: string;
  phase: Phase;
  asOf?: string;
}

export function planPhase(phases: SheetPhaseNote[], problems: Problem[]): { phase?: Phase; asOf?: string } {
  const first = phases[0];
  if (!first) return {};
  const other = phases.find((p) => p.phase !== first.phase);
  if (other) problems.push({ code: "READER_MIXED_PHASES", severity: "warning", message: PHASES.mixedPhases(other.sheet, first.phase, other.phase), sheet: other.sheet, cell: other.cell });
  const asOf = phases.find((p) => p.asOf)?.asOf;
  const otherDate = phases.find((p) => p.asOf && p.asOf !== asOf);
  if (asOf && otherDate) problems.push({ code: "READER_MIXED_AS_OF", severity: "warning", message: PHASES.mixedAsOf(otherDate.sheet, asOf, otherDate.asOf!), sheet: otherDate.sheet, cell: otherDate.cell });
  return { phase: first.phase, asOf: first.phase === "monitoraggio" ? asOf : undefined };
}
