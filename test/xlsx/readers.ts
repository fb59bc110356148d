// Both headless readers on the same bytes: the ExcelJS reader (as the CLI used it, on the
// package check's copy) and the package reader, and where their cell models differ.
import ExcelJS from "exceljs";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { gridFromPackage } from "../../src/adapters/xlsx/grid";
import { readPackageInfo, withPackageInfo, XlsxPackage } from "../../src/adapters/xlsx";
import { inspectPackage } from "../../src/adapters/xlsx/inspect";
import type { SheetGrid, WorkbookGrid } from "../../src/core/reader/grid";

export async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function viaExcelJs(bytes: Uint8Array): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  // As the CLI did: the package check's copy, fixed where ExcelJS cannot read it (openpyxl's drawings).
  await wb.xlsx.load(Buffer.from(inspectPackage(bytes).bytes) as unknown as ArrayBuffer);
  return withPackageInfo(gridFromExcelJs(wb), readPackageInfo(bytes));
}

export const viaPackage = (bytes: Uint8Array) => gridFromPackage(XlsxPackage.read(bytes));

/** Dates come back from ExcelJS through a JS Date (rounded to the millisecond): equal to 1e-8 of a day. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-8 * Math.max(1, Math.abs(a));
  return a === b;
}

export function differences(a: WorkbookGrid, b: WorkbookGrid): string[] {
  const out: string[] = [];
  if (a.sheets.map((s) => s.name).join("|") !== b.sheets.map((s) => s.name).join("|")) return [`sheets ${a.sheets.map((s) => s.name)} vs ${b.sheets.map((s) => s.name)}`];
  a.sheets.forEach((x: SheetGrid, i) => {
    const y = b.sheets[i];
    for (const k of ["startRow", "startCol", "hidden", "ownedBy"] as const) if (x[k] !== y[k]) out.push(`${x.name} ${k}: ${x[k]} vs ${y[k]}`);
    if (JSON.stringify(x.merges) !== JSON.stringify(y.merges)) out.push(`${x.name} merges`);
    if (x.values.length !== y.values.length || (x.values[0]?.length ?? 0) !== (y.values[0]?.length ?? 0)) {
      out.push(`${x.name} size ${x.values.length}×${x.values[0]?.length} vs ${y.values.length}×${y.values[0]?.length}`);
      return;
    }
    x.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!sameValue(v, y.values[r][c])) out.push(`${x.name} value r${r}c${c}: ${JSON.stringify(v)} vs ${JSON.stringify(y.values[r][c])}`);
        // ExcelJS drops a format code's backslash escapes (LibreOffice writes `dd\.mm\.yyyy`); the
        // package reader keeps the code as stored, as Excel does. The reader reads both alike.
        if (x.formats[r][c] !== y.formats[r][c].replace(/\\/g, "")) out.push(`${x.name} format r${r}c${c}: ${x.formats[r][c]} vs ${y.formats[r][c]}`);
        const fx = x.formulas?.[r]?.[c] ?? "";
        const fy = y.formulas?.[r]?.[c] ?? "";
        if (fx !== fy) out.push(`${x.name} formula r${r}c${c}: ${fx} vs ${fy}`);
      }),
    );
  });
  return out.slice(0, 20);
}

