// Header and column detection: which row of a sheet is the indicator table's header,
// which column plays which role, and the year its headers carry. Card/table geometry
// (where cards are, how rows group into objectives) stays in readWorkbook.ts.
// Stato-like and Target-like columns are all collected ("Stato 2022", "Stato al
// 30/06/2023", "Target 2023", "Target 2024"…) and phase.ts decides which is which.
import type { CellInput, CellValue, IndicatorInput, Phase, Problem } from "../types";
import type { SheetGrid } from "./grid";
import { columnLetters } from "./grid";
import { isTableRole, matchColumnHeader, normalizeLabel, type ColumnRole, type TableRole } from "./labels";
import { resolveSheetPhase, type PhaseColumn } from "./phase";

export interface Header {
  row: number;
  columns: Map<ColumnRole, number>;
  year?: number;
  yearCol: number;
  missing: TableRole[];
  /** Column letters of the grid's columns (addresses are built for every table cell). */
  letters: string[];
  /** Phase decided from the headers. */
  phase: Phase;
  /** ISO date of a monitoring Stato ("2023-06-30"). */
  asOf?: string;
  /** Target columns with a year, in year order (the plan year's first). */
  targetCols: { year: number; col: number }[];
  /** A Stato-like column of an earlier year: the Baseline. */
  baselineCol?: number;
  /** Header problems (an undecidable Stato), without sheet/cell: readSheet adds them. */
  headerProblems: { code: string; message: (sheet: string) => string; col: number }[];
}

export const REQUIRED: TableRole[] = ["actual", "target", "weight"];

/** A date inside a header: "al 30/06/2023", "I semestre 2023", "III trimestre 2023". */
export interface HeaderDate {
  /** The header without the date words, year kept ("stato 2023"). */
  text: string;
  y: number;
  m: number;
  d: number;
}

const DATE_IN_HEADER = /\b(?:(?:alla data del|al|a|del)\s+)?(\d{1,2}) (\d{1,2}) ((?:19|20|21)\d\d)\b/;
const PERIOD_IN_HEADER = /\b(i|ii|iii|iv|1|2|3|4|primo|secondo|terzo|quarto)\s+(semestre|trimestre)\b(?:\s+(?:del|dell anno))?/;
const ORDINALS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, primo: 1, secondo: 2, terzo: 3, quarto: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const MONTH_END = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Finds a measurement date in a normalised header; null when it has none. */
export function headerDate(norm: string): HeaderDate | null {
  const d = DATE_IN_HEADER.exec(norm);
  if (d) {
    const day = Number(d[1]);
    const month = Number(d[2]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    const text = (norm.slice(0, d.index) + " " + d[3] + " " + norm.slice(d.index + d[0].length)).replace(/\s+/g, " ").trim();
    return { text, y: Number(d[3]), m: month, d: day };
  }
  const p = PERIOD_IN_HEADER.exec(norm);
  if (p) {
    const n = ORDINALS[p[1]];
    const months = p[2] === "semestre" ? 6 : 3;
    if (n * months > 12) return null;
    const rest = (norm.slice(0, p.index) + " " + norm.slice(p.index + p[0].length)).replace(/\s+/g, " ").trim();
    const year = /\b((?:19|20|21)\d\d)\b/.exec(rest);
    if (!year) return null;
    const m = n * months;
    return { text: rest, y: Number(year[1]), m, d: MONTH_END[m - 1] };
  }
  return null;
}

/** A column header: its role, typo distance, year and (for a Stato) measurement date. */
export function classifyHeader(text: string): { role: ColumnRole; distance: number; year?: number; date?: HeaderDate } | null {
  const m = matchColumnHeader(text);
  if (m) return m;
  const date = headerDate(normalizeLabel(text));
  if (!date) return null;
  const inner = matchColumnHeader(date.text);
  if (!inner || inner.role !== "actual") return null;
  return { ...inner, year: date.y, date };
}

/** The first row that looks like an indicator table header (at least 3 known columns, 2 of them required). */
export function findHeader(sheet: SheetGrid): Header | null {
  const { values } = sheet;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    let candidates = 0;
    for (let c = 0; c < row.length; c++) if (typeof row[c] === "string" && row[c] !== "") candidates++;
    if (candidates < 3) continue;
    const columns = new Map<ColumnRole, number>();
    const distances = new Map<ColumnRole, number>();
    const actuals: PhaseColumn[] = [];
    const targets: PhaseColumn[] = [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v === "") continue;
      const m = classifyHeader(v);
      if (!m) continue;
      if (m.role === "actual" || m.role === "target") {
        const date = "date" in m && m.date ? { y: m.date.y, m: m.date.m, d: m.date.d } : undefined;
        (m.role === "actual" ? actuals : targets).push({ col: c, text: v, distance: m.distance, year: m.year, date });
        continue;
      }
      const prev = distances.get(m.role);
      if (prev !== undefined && prev <= m.distance) continue;
      columns.set(m.role, c);
      distances.set(m.role, m.distance);
    }
    const decided = resolveSheetPhase(actuals, targets);
    if (decided.actualCol !== undefined) columns.set("actual", decided.actualCol);
    if (decided.targetCol !== undefined) columns.set("target", decided.targetCol);
    // An undecidable Stato still counts as "there is a Stato" for recognising the table.
    const hasActual = columns.has("actual") || decided.ambiguous.length > 0;
    const tableRoles = [...columns.keys()].filter(isTableRole).length + (hasActual && !columns.has("actual") ? 1 : 0);
    const required = REQUIRED.filter((role) => columns.has(role) || (role === "actual" && hasActual)).length;
    // A preventivo has no Stato: Target + Peso (+ one more column) are enough.
    if (tableRoles >= 3 && (required >= 2 || (decided.phase === "preventivo" && columns.has("target") && columns.has("weight")))) {
      const letters = row.map((_, c) => columnLetters(c + sheet.startCol));
      const missing = REQUIRED.filter((role) => !columns.has(role) && !(role === "actual" && (decided.phase === "preventivo" || hasActual)));
      return {
        row: r,
        columns,
        year: decided.year,
        yearCol: decided.yearCol ?? -1,
        missing,
        letters,
        phase: decided.phase,
        asOf: decided.asOf,
        targetCols: decided.targetCols,
        baselineCol: decided.baselineCol,
        headerProblems: decided.ambiguous.length
          ? [{ code: "READER_AMBIGUOUS_ACTUAL", col: decided.ambiguous[0].col, message: (sheetName: string) => decided.ambiguousMessage(sheetName) }]
          : [],
      };
    }
  }
  return null;
}

/** Sheet-level header problems with their cell. */
export function headerProblemsOf(header: Header, sheet: SheetGrid): Problem[] {
  return header.headerProblems.map((p) => ({
    code: p.code,
    severity: "error" as const,
    message: p.message(sheet.name),
    sheet: sheet.name,
    cell: header.letters[p.col] + String(header.row + sheet.startRow + 1),
  }));
}

/** Adds the indicator's year targets and Baseline (from an earlier-year Stato column) to `input`; an explicit Baseline already read is kept. */
export function addPhaseCells(input: IndicatorInput, header: Header, row: CellValue[], formats: string[], rowNumber: string): void {
  const cellAt = (c: number): CellInput => ({ value: row[c] ?? "", format: formats[c] ?? "General", address: header.letters[c] + rowNumber });
  if (header.targetCols.length) input.targets = header.targetCols.map((t) => ({ year: t.year, cell: cellAt(t.col) }));
  if (header.baselineCol !== undefined && !input.baseline) input.baseline = cellAt(header.baselineCol);
}
