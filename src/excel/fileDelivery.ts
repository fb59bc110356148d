// Files built in the pane (the PIRA .docx, the open-data CSV) on Excel for Mac: its
// WKWebView ignores <a download> — nothing happens, no error (OfficeDev/office-js#2700,
// closed "by design"; #4681, #3385 for the same in Word). What works there:
// - the CSV's rows opened as a NEW workbook with Excel.createWorkbook(base64) (ExcelApi 1.8,
//   docs/excel/excel-add-ins-workbooks.md «Create a workbook»), which the user saves as CSV;
// - the .docx has no such route: the user is told so, with Excel on the web and the CLI.
// Everywhere else (Excel on the web, on Windows; the preview) the pane's download works.
import type { FileDelivery, PaneFile } from "../host/workbookHost";
import type { ExcelJsLike } from "../adapters/exceljs/nextYear";
import { DOWNLOADS } from "../messages/document";
import { neutralizeFormula } from "../core/opendata/csv";
import { isApiSupported, officePlatform } from "./officeRun";
import { toBase64 } from "./newWorkbook";

/** Excel for Mac desktop: Office.context.platform === Office.PlatformType.Mac ("Mac"). */
export function isMacDesktop(): boolean {
  const mac = typeof Office !== "undefined" ? ((Office as unknown as { PlatformType?: { Mac?: string } }).PlatformType?.Mac ?? "Mac") : "Mac";
  return officePlatform() === mac;
}

async function loadExcelJs(): Promise<ExcelJsLike> {
  const m = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: ExcelJsLike } & ExcelJsLike;
  return m.default ?? m;
}

/** The CSV's rows as a one-sheet .xlsx: every cell text ("@"), formula-like texts neutralised as in the CSV. */
export async function rowsWorkbook(rows: string[][], lib: ExcelJsLike): Promise<Uint8Array> {
  const wb = new lib.Workbook();
  const ws = wb.addWorksheet(DOWNLOADS.macCsvSheet);
  for (const r of rows) {
    const row = ws.addRow(r.map(neutralizeFormula));
    row.eachCell((c) => (c.numFmt = "@"));
  }
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function deliverFile(file: PaneFile, lib: () => Promise<ExcelJsLike> = loadExcelJs): Promise<FileDelivery> {
  if (!isMacDesktop()) return { kind: "download" };
  if (!file.rows) return { kind: "unavailable", message: DOWNLOADS.macDocument };
  if (typeof Excel === "undefined" || typeof Excel.createWorkbook !== "function" || !isApiSupported("1.8")) return { kind: "unavailable", message: DOWNLOADS.macNoWorkbook };
  await Excel.createWorkbook(toBase64(await rowsWorkbook(file.rows, await lib())));
  return { kind: "newWorkbook", message: DOWNLOADS.macCsvWorkbook(file.name) };
}
