// «Nuovo anno»: next year's plan from this year's, as a pure transformation on the cell
// model. The result is a list of cell edits (and notes) that an adapter applies to a copy
// of the workbook (ExcelJS: src/adapters/exceljs/nextYear.ts): same cards and tables, same
// header fields and resources (marked «da aggiornare»), indicators kept; this year's Stato
// becomes the Baseline (header «Consuntivo <anno>»), the next years' targets move up (a
// missing one is left blank: «target da definire»), Performance, forced values and notes
// emptied. The settings sheet is not touched (so it is copied as it is).
import type { CellValue, HierarchyField, ObjectiveInput, Problem } from "./types";
import type { SheetGrid, WorkbookGrid } from "./reader/grid";
import { a1, parseA1 } from "./reader/grid";
import { findHeader, type Header } from "./reader/columns";
import { normalizeLabel, type ColumnRole } from "./reader/labels";
import { readWorkbook } from "./reader/readWorkbook";
import { readSettings } from "./reader/settings";
import { NEXT_YEAR } from "../messages/phases";

/** One cell to change, 0-based sheet coordinates. `value: null` empties the cell. */
export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  address: string;
  value: CellValue;
  /** Number format to set with the value (a moved target keeps its own format). */
  format?: string;
}

export interface CellNote {
  sheet: string;
  address: string;
  text: string;
  /** The header field the note marks, and whether it is to update (resources) or to verify. */
  field?: HierarchyField;
  kind?: "update" | "verify";
}

export interface NextYearPlan {
  /** The source plan's year and the new one. */
  fromYear: number;
  year: number;
  edits: CellEdit[];
  notes: CellNote[];
  /** Targets left blank for the new plan («target da definire»). */
  toDefine: { sheet: string; address: string; year: number }[];
  objectives: number;
  indicators: number;
  /** Why the plan could not be made (no tables, no year); empty when it was. */
  problems: Problem[];
  /** The add-in's sheets built from this year's numbers (the summary): removed from the new plan. */
  staleSheets: string[];
}

/** Headers of forced values and notes (the per-indicator SMVP columns): dropped in the new plan. */
const DROPPED_HEADER = /^(?:performance forzata|valore forzato|forzat\w*|nota|note|motivazione|nota forzatura)\b/;

/** The header's year in the phase-related titles above a table ("… – Consuntivo 2022"). */
const TITLE_PHASE = (year: number) => new RegExp(`\\b(consuntivo|monitoraggio|preventivo)(\\s+)${year}\\b`, "i");

export function planNextYear(grid: WorkbookGrid): NextYearPlan {
  const settings = readSettings(grid);
  const ownedSheets = settings.ownedSheets;
  const read = readWorkbook(grid, { ownedSheets });
  const fromYear = read.year;
  const out: NextYearPlan = { fromYear: fromYear ?? 0, year: (fromYear ?? 0) + 1, edits: [], notes: [], toDefine: [], objectives: 0, indicators: 0, problems: [], staleSheets: ownedSheets.slice(1) };
  if (read.cardCount === 0) {
    out.problems.push({ code: "NEXT_YEAR_NO_TABLES", severity: "error", message: NEXT_YEAR.noTables });
    return out;
  }
  if (fromYear === undefined) {
    out.problems.push({ code: "NEXT_YEAR_NO_YEAR", severity: "error", message: NEXT_YEAR.noYear });
    return out;
  }
  const year = fromYear + 1;
  const owned = new Set(ownedSheets.map((n) => n.toLowerCase()));
  const bySheet = new Map(read.plan.objectives.map((o) => [o.sheet, [] as typeof read.plan.objectives]));
  for (const o of read.plan.objectives) bySheet.get(o.sheet)!.push(o);

  for (const sheet of grid.sheets) {
    if (sheet.ownedBy || owned.has(sheet.name.toLowerCase())) continue;
    const objectives = bySheet.get(sheet.name);
    if (!objectives?.length) continue;
    const header = findHeader(sheet);
    if (!header) continue;
    out.objectives += objectives.length;
    const rows = new Set<number>();
    for (const o of objectives)
      for (const i of o.indicators) {
        out.indicators++;
        const anyAddress = i.weight.address ?? i.target.address ?? i.actual.address;
        const r = anyAddress ? Number(/\d+$/.exec(anyAddress)![0]) - 1 - sheet.startRow : -1;
        if (r >= 0) rows.add(r);
      }
    sheetEdits(sheet, header, [...rows].sort((a, b) => a - b), fromYear, year, out);
    for (const o of objectives) {
      out.notes.push(...headerNotes(sheet.name, o, fromYear, year));
      if (o.performanceCell) {
        const p = parseAddress(o.performanceCell, sheet);
        if (p && !isEmpty(sheet.values[p.r]?.[p.c])) out.edits.push(edit(sheet, p.r, p.c, null));
      }
    }
  }
  // One note per cell (objectives of a table may share a header cell).
  const seen = new Set<string>();
  out.notes = out.notes.filter((n) => {
    const k = `${n.sheet}\u0000${n.address}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return out;
}

/** Header fields that change with the organisation from one year to the next: always re-confirmed. */
const VERIFY_FIELDS: readonly HierarchyField[] = ["areaResponsabilita", "ufficio"];
/** Header fields re-confirmed only when their text bears the plan's year («… 2022», «2022-2024»). */
const YEAR_FIELDS: readonly HierarchyField[] = ["missione", "programma", "ambitoStrategico", "obiettivoStrategico", "obiettivoOperativo"];

/** Whether a header text names `year` (alone, or inside a span such as «2022-2024» / «2022/24»). */
export function bearsYear(text: string, year: number): boolean {
  if (new RegExp(`(?<!\\d)${year}(?!\\d)`).test(text)) return true;
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d\d)\s*[-–/]\s*(\d{2}|(?:19|20)\d\d)(?!\d)/g)) {
    const from = Number(m[1]);
    const to = m[2].length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (from <= year && year <= to) return true;
  }
  return false;
}

/**
 * The card's header cells to re-confirm in the new plan, each with a note (the values stay as
 * they are, so the new plan reads exactly as this year's): the resources «da aggiornare»,
 * the office and area «da verificare», and any other header field whose text bears this year.
 */
function headerNotes(sheet: string, o: ObjectiveInput, fromYear: number, year: number): CellNote[] {
  const notes: CellNote[] = [];
  const cells = o.fieldCells ?? {};
  const res = o.risorseEconomiche?.address ?? cells.risorseEconomiche;
  if (res) notes.push({ sheet, address: res, text: NEXT_YEAR.resourcesNote(year), field: "risorseEconomiche", kind: "update" });
  const fields = o as unknown as Partial<Record<HierarchyField, string>>;
  for (const f of [...YEAR_FIELDS, ...VERIFY_FIELDS]) {
    const address = cells[f];
    const text = fields[f];
    if (!address || address === res || typeof text !== "string" || !text.trim()) continue;
    if (VERIFY_FIELDS.includes(f) || bearsYear(text, fromYear)) notes.push({ sheet, address, text: NEXT_YEAR.fieldNote(year), field: f, kind: "verify" });
  }
  return notes;
}

function parseAddress(address: string, sheet: SheetGrid): { r: number; c: number } | null {
  const at = parseA1(address);
  return at ? { r: at.row - sheet.startRow, c: at.col - sheet.startCol } : null;
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === "";
}

function edit(sheet: SheetGrid, r: number, c: number, value: CellValue, format?: string): CellEdit {
  const e: CellEdit = { sheet: sheet.name, row: r + sheet.startRow, col: c + sheet.startCol, address: a1(r + sheet.startRow, c + sheet.startCol), value };
  if (format !== undefined) e.format = format;
  return e;
}

function sheetEdits(sheet: SheetGrid, header: Header, rows: number[], fromYear: number, year: number, out: NextYearPlan): void {
  const h = header.row;
  const headerRow = sheet.values[h];
  const col = (role: string) => header.columns.get(role as ColumnRole);

  // This year's Stato becomes the Baseline: into an explicit Baseline column when the table
  // has one, else the Stato column itself is renamed «Consuntivo <anno>».
  const actual = col("actual");
  const baseline = col("baseline");
  if (actual !== undefined) {
    if (baseline !== undefined) {
      // The Stato column keeps its values under «Consuntivo <anno>»: an earlier year, so never read as next year's Stato.
      for (const r of rows) out.edits.push(edit(sheet, r, baseline, sheet.values[r][actual] ?? null, sheet.formats[r]?.[actual]));
      out.edits.push(edit(sheet, h, actual, NEXT_YEAR.baselineHeader(fromYear)));
    } else {
      out.edits.push(edit(sheet, h, actual, NEXT_YEAR.baselineHeader(fromYear)));
    }
  }

  // Targets move up one year.
  const targets = header.targetCols.length ? header.targetCols : col("target") !== undefined ? [{ year: fromYear, col: col("target")! }] : [];
  targets.forEach((t, i) => {
    const next = targets[i + 1];
    const newYear = next ? next.year : t.year + 1;
    out.edits.push(edit(sheet, h, t.col, NEXT_YEAR.targetHeader(newYear)));
    for (const r of rows) {
      if (next) out.edits.push(edit(sheet, r, t.col, sheet.values[r][next.col] ?? null, sheet.formats[r]?.[next.col]));
      else {
        if (!isEmpty(sheet.values[r][t.col])) out.edits.push(edit(sheet, r, t.col, null));
        out.toDefine.push({ sheet: sheet.name, address: a1(r + sheet.startRow, t.col + sheet.startCol), year: newYear });
      }
    }
  });

  // Performance, forced values and notes are emptied.
  const emptied = new Set<number>();
  const stated = col("stated");
  if (stated !== undefined) emptied.add(stated);
  for (const role of ["forced", "note"]) if (col(role) !== undefined) emptied.add(col(role)!);
  headerRow.forEach((v, c) => {
    if (typeof v === "string" && DROPPED_HEADER.test(normalizeLabel(v))) emptied.add(c);
  });
  for (const c of emptied) for (const r of rows) if (!isEmpty(sheet.values[r][c])) out.edits.push(edit(sheet, r, c, null));

  // A title above the table naming the phase and year («… – Consuntivo 2022») names the new plan.
  const title = TITLE_PHASE(fromYear);
  for (let r = 0; r < h; r++) {
    sheet.values[r].forEach((v, c) => {
      if (typeof v !== "string" || /^\s*fonte\b/i.test(v) || !title.test(v)) return;
      out.edits.push(edit(sheet, r, c, v.replace(title, (_m, _w: string, sp: string) => `Preventivo${sp}${year}`)));
    });
  }
}
