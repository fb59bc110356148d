// Applies a «nuovo anno» plan (src/core/nextYear.ts) to an ExcelJS workbook loaded from this
// year's file: cell edits with their number formats, notes on the cells to update, the
// stale summary removed. The caller saves it under a new name; the source file is never written.
import type ExcelJS from "exceljs";
import { planNextYear, type NextYearPlan } from "../../core/nextYear";
import { gridFromExcelJs } from "./grid";

export function applyNextYear(workbook: ExcelJS.Workbook, plan: NextYearPlan): { edited: number; notes: number } {
  let edited = 0;
  for (const e of plan.edits) {
    const ws = workbook.getWorksheet(e.sheet);
    if (!ws) continue;
    const cell = ws.getCell(e.address);
    // Plain values only: a string stays text (ExcelJS writes `{formula}` objects as formulas, never strings).
    cell.value = e.value === "" ? null : e.value;
    if (e.format !== undefined) cell.numFmt = e.format;
    edited++;
  }
  let notes = 0;
  for (const n of plan.notes) {
    const ws = workbook.getWorksheet(n.sheet);
    if (!ws) continue;
    // A note the user had on the cell is kept: ours goes after it.
    const cell = ws.getCell(n.address);
    const had = cell.note;
    if (typeof had === "string" && had.trim()) cell.note = `${had}\n${n.text}`;
    else if (had && typeof had === "object" && Array.isArray(had.texts)) cell.note = { ...had, texts: [...had.texts, { text: `\n${n.text}` }] };
    else cell.note = n.text;
    notes++;
  }
  for (const name of plan.staleSheets) {
    const ws = workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    if (ws) workbook.removeWorksheet(ws.id);
  }
  return { edited, notes };
}

/** The ExcelJS module (the browser build in the pane and the preview, the Node one in the CLI). */
export interface ExcelJsLike {
  Workbook: new () => ExcelJS.Workbook;
}

/** This year's .xlsx bytes → next year's .xlsx bytes and the plan applied. The input bytes are not modified. */
export async function nextYearXlsx(lib: ExcelJsLike, bytes: ArrayBuffer | Uint8Array): Promise<{ bytes: Uint8Array; plan: NextYearPlan }> {
  const wb = new lib.Workbook();
  const copy = bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes.slice(0));
  await wb.xlsx.load(copy as unknown as ArrayBuffer);
  const plan = planNextYear(gridFromExcelJs(wb));
  if (!plan.problems.length) applyNextYear(wb, plan);
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), plan };
}
