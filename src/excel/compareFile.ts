// «Confronta» in Excel: the open workbook's plan (already analysed in a read-only run) against
// a .xlsx the user picked in the pane, read in memory by the ExcelJS adapter. Loaded on demand
// with ExcelJS: not part of the pane's initial JavaScript. No Excel.run here: nothing is written.
import type { WorkbookAnalysis } from "../core/reader/analyze";
import type { FileComparison } from "../core/compare";
import type { ProgressFn } from "../host/workbookHost";
import type { ExcelJsLike } from "../adapters/exceljs/nextYear";
import { compareWithPlanFile } from "../adapters/exceljs/compareFile";
import { COMPARE_UI } from "../messages/compareUi";

async function loadExcelJs(): Promise<ExcelJsLike> {
  const m = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: ExcelJsLike } & ExcelJsLike;
  return m.default ?? m;
}

export async function compareOpenFile(open: WorkbookAnalysis, file: { name: string; bytes: ArrayBuffer }, onProgress?: ProgressFn, lib: () => Promise<ExcelJsLike> = loadExcelJs): Promise<FileComparison> {
  onProgress?.({ phase: COMPARE_UI.reading, done: 0, total: 1 });
  const result = await compareWithPlanFile(await lib(), open, file);
  onProgress?.({ phase: COMPARE_UI.comparing, done: 1, total: 1 });
  return result;
}
