// Writes the add-in's settings sheet (policy + registry of owned sheets) with ExcelJS.
import type ExcelJS from "exceljs";
import type { Policy } from "../../core/policy";
import { SETTINGS_SHEET_NAME, settingsSheetCells } from "../../core/reader/settings";
import { replaceSheet } from "./sheets";

/** Creates or rewrites the settings sheet; `ownedSheets` are the add-in's other sheets (summary…). */
export function writeSettings(workbook: ExcelJS.Workbook, policy: Policy, ownedSheets: string[]): ExcelJS.Worksheet {
  const block = settingsSheetCells(policy, ownedSheets);
  const ws = replaceSheet(workbook, SETTINGS_SHEET_NAME);
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
  return ws;
}
