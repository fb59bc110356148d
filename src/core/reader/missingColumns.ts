// A card (or table) whose indicator table misses a column: which columns are missing, and
// whether a column without a header holds what the missing one would (its header deleted
// by mistake: numbers where the Target goes, percentages where the Performance goes).
// A card with a missing column is "incomplete": reported once per column, never written
// (see writeback.ts), and the engine's per-indicator messages that only repeat the missing
// column are dropped (withoutRedundantProblems).
import type { CellValue, ObjectiveInput, Problem } from "../types";
import type { SheetGrid } from "./grid";
import type { ColumnRole, TableRole } from "./labels";
import { parseCellValue, parseOperator, splitOperator } from "../values";

/** The columns of a card's table in their usual left-to-right order. */
export const CARD_COLUMN_ORDER: readonly TableRole[] = ["name", "algorithm", "type", "unit", "actual", "operator", "target", "stated", "weight"];

/** Columns without which no indicator can be scored: missing is always an error. */
const ALWAYS_REQUIRED: readonly TableRole[] = ["actual", "target", "weight"];

export interface MissingColumn {
  role: TableRole;
  /** Grid column (0-based, in the sheet grid) of a column without a header that holds what this one would. */
  guessCol?: number;
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Is the header cell (r, c) inside a merged area that starts to its left (so it is not a column of its own)? */
function coveredByMerge(sheet: SheetGrid, r: number, c: number): boolean {
  const row = r + sheet.startRow;
  const col = c + sheet.startCol;
  return sheet.merges.some((m) => m.top <= row && row <= m.bottom && m.left < col && col <= m.right);
}

/** Share of the non-blank values for which `test` holds (0 when there are none). */
function share(values: { value: CellValue; format: string }[], test: (v: CellValue, format: string) => boolean): number {
  if (!values.length) return 0;
  return values.filter((x) => test(x.value, x.format)).length / values.length;
}

const isText = (v: CellValue) => typeof v === "string" && parseCellValue(v).kind === "unreadable";
const isPercent = (v: CellValue, format: string) => {
  const p = parseCellValue(v, format);
  if (p.kind === "na") return true;
  return p.kind === "number" && (p.percent || (typeof v === "number" && v >= 0 && v <= 1.5));
};
const isValue = (v: CellValue, format: string) => {
  const p = typeof v === "string" ? splitOperator({ value: v, format }).value : parseCellValue(v, format);
  return p.kind !== "unreadable" && p.kind !== "blank";
};

/** Does a column holding these values look like the `role` column? */
function fits(role: TableRole, values: { value: CellValue; format: string }[]): boolean {
  switch (role) {
    case "name":
    case "algorithm":
    case "type":
      return share(values, isText) >= 0.6;
    case "unit":
      return share(values, (v) => typeof v === "string" && v.trim().length <= 15) >= 0.6;
    case "operator":
      return share(values, (v) => parseOperator(v) !== null) >= 0.6;
    case "actual":
    case "target":
      return share(values, isValue) >= 0.6;
    case "stated":
    case "weight":
      return share(values, isPercent) >= 0.6;
    default:
      // The optional SMVP columns (Regola, Baseline, Soglie, Forzatura, Nota) are never guessed.
      return false;
  }
}

/**
 * The table columns missing from a header row. Stato, Target and Peso are always reported;
 * any other column only when a column without a header, at its place in the usual order and
 * with fitting values, shows that its header was deleted.
 */
export function findMissingColumns(
  sheet: SheetGrid,
  headerRow: number,
  columns: ReadonlyMap<ColumnRole, number>,
  rows: readonly number[],
  /** Roles reported even without a headerless column (the header's own `missing`: a preventivo needs no Stato). */
  required: readonly TableRole[] = ALWAYS_REQUIRED,
  /** Roles never reported (a Stato the headers name twice: that is another error). */
  never: readonly TableRole[] = [],
): MissingColumn[] {
  const rank = (role: TableRole) => CARD_COLUMN_ORDER.indexOf(role);
  const known = CARD_COLUMN_ORDER.filter((role) => columns.has(role)).map((role) => ({ role, col: columns.get(role)! }));
  const missing = CARD_COLUMN_ORDER.filter((role) => !columns.has(role) && !never.includes(role));
  if (!missing.length) return [];
  const header = sheet.values[headerRow] ?? [];
  const width = Math.max(header.length, ...rows.map((r) => sheet.values[r]?.length ?? 0));
  const guesses = new Map<TableRole, number>();
  for (let c = 0; c < width; c++) {
    if (!isBlank(header[c]) || coveredByMerge(sheet, headerRow, c)) continue;
    const values = rows
      .map((r) => ({ value: sheet.values[r]?.[c] ?? "", format: sheet.formats[r]?.[c] ?? "General" }))
      .filter((x) => !isBlank(x.value));
    if (!values.length) continue;
    // Its place: between the nearest known columns on either side, in the usual order.
    const left = known.filter((k) => k.col < c).sort((a, b) => b.col - a.col)[0];
    const right = known.filter((k) => k.col > c).sort((a, b) => a.col - b.col)[0];
    const lo = left ? rank(left.role) : -1;
    const hi = right ? rank(right.role) : CARD_COLUMN_ORDER.length;
    const candidate = missing.find((role) => rank(role) > lo && rank(role) < hi && !guesses.has(role) && fits(role, values));
    if (candidate) guesses.set(candidate, c);
  }
  return missing
    .filter((role) => required.includes(role) || guesses.has(role))
    .map((role) => (guesses.has(role) ? { role, guessCol: guesses.get(role) } : { role }));
}

/** Engine problem codes that only repeat, indicator by indicator, that a column is missing. */
const REDUNDANT: Record<TableRole, readonly string[]> = {
  name: [],
  algorithm: [],
  type: [],
  unit: [],
  actual: ["VALUE_UNREADABLE", "ACTUAL_BLANK", "NO_PERFORMANCE", "STATED_MISMATCH"],
  // Without its operator a "<=" indicator is scored as ">=": the mismatch only repeats that.
  operator: ["OPERATOR_MISSING", "STATED_MISMATCH"],
  target: ["VALUE_UNREADABLE", "NO_PERFORMANCE", "STATED_MISMATCH"],
  stated: [],
  weight: ["WEIGHT_UNREADABLE", "WEIGHT_SUM", "NO_PERFORMANCE"],
  rule: [],
  baseline: [],
  thresholdMin: [],
  thresholdMax: [],
  forced: [],
  note: [],
};

/** The engine's problems without those an incomplete card's missing-column error already says. */
export function withoutRedundantProblems(problems: Problem[], objectives: readonly ObjectiveInput[]): Problem[] {
  const codes = new Map<string, Set<string>>();
  for (const o of objectives) {
    if (!o.incompleteColumns?.length) continue;
    codes.set(o.id, new Set(o.incompleteColumns.flatMap((role) => REDUNDANT[role as TableRole] ?? [])));
  }
  if (!codes.size) return problems;
  return problems.filter((p) => !(p.objectiveId !== undefined && codes.get(p.objectiveId)?.has(p.code)));
}
