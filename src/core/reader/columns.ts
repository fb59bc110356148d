// Header and column detection: which row of a sheet is the indicator table's header,
// which column plays which role, and the year its headers carry. Card/table geometry
// (where cards are, how rows group into objectives) stays in readWorkbook.ts.
import type { SheetGrid } from "./grid";
import { columnLetters } from "./grid";
import { isTableRole, matchColumnHeader, type ColumnRole, type TableRole } from "./labels";

export interface Header {
  row: number;
  columns: Map<ColumnRole, number>;
  year?: number;
  yearCol: number;
  missing: TableRole[];
  /** Column letters of the grid's columns (addresses are built for every table cell). */
  letters: string[];
}

export const REQUIRED: TableRole[] = ["actual", "target", "weight"];

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
    let year: number | undefined;
    let yearCol = -1;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v === "") continue;
      const m = matchColumnHeader(v);
      if (!m) continue;
      const prev = distances.get(m.role);
      if (prev !== undefined && prev <= m.distance) continue;
      columns.set(m.role, c);
      distances.set(m.role, m.distance);
      if (m.year && year === undefined && (m.role === "actual" || m.role === "target")) {
        year = m.year;
        yearCol = c;
      }
    }
    const tableRoles = [...columns.keys()].filter(isTableRole);
    const required = REQUIRED.filter((role) => columns.has(role));
    if (tableRoles.length >= 3 && required.length >= 2) {
      const letters = row.map((_, c) => columnLetters(c + sheet.startCol));
      return { row: r, columns, year, yearCol, missing: REQUIRED.filter((role) => !columns.has(role)), letters };
    }
  }
  return null;
}
