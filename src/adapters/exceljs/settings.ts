// Writes the add-in's settings sheet (policy + registry of owned sheets) with ExcelJS.
import type ExcelJS from "exceljs";
import type { Policy } from "../../core/policy";
import { readSettings, SETTINGS_SHEET_NAME, settingsSheetCells, type SummaryRecord } from "../../core/reader/settings";
import { sheetGridFromExcelJs } from "./grid";
import { ownsSheet, replaceSheet, sheetMark } from "./sheets";

/** Creates or rewrites the settings sheet; `ownedSheets` are the add-in's other sheets (summary…),
 *  `summaries` the fingerprints of the summaries built. The sheet is hidden: its rules are
 *  printed in words on the summary, and its technical rows (JSON) are never printed. */
export function writeSettings(workbook: ExcelJS.Workbook, policy: Policy, ownedSheets: string[], summaries?: SummaryRecord[]): ExcelJS.Worksheet {
  // Without new fingerprints, the ones recorded are kept (saving the rules does not forget the summary).
  // The add-in's settings sheet by its mark; by its name only when it is the add-in's (see sheets.ts).
  const old =
    workbook.worksheets.find((w) => sheetMark(w) === "settings") ??
    workbook.worksheets.find((w) => w.name.toLowerCase() === SETTINGS_SHEET_NAME.toLowerCase() && ownsSheet(workbook, w));
  const kept = summaries ?? (old ? readSettings({ sheets: [{ ...sheetGridFromExcelJs(old), ownedBy: "settings" }] }).summaries : []);
  const block = settingsSheetCells(policy, ownedSheets, kept);
  const ws = replaceSheet(workbook, old?.name ?? SETTINGS_SHEET_NAME, "settings");
  block.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === "" || v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v;
      cell.numFmt = block.formats[r][c];
      if (c === 1 && typeof v === "string") cell.alignment = { wrapText: false, vertical: "top" };
    });
  });
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  block.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.state = "hidden";
  return ws;
}
