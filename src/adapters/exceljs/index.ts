// ExcelJS adapter: .xlsx workbooks in the Office.js cell model, and the add-in's writes
// rendered back. No Node modules here: the browser preview reuses it with the ExcelJS
// browser build. File I/O belongs to src/cli.
export { gridFromExcelJs } from "./grid";
export { applyWrites, restoreWrites } from "./writes";
export { renderSummary } from "./summary";
export { writeSummarySheet } from "./summarySheet";
export { applyWritesWithBackup, writeBackupSheet } from "./backup";
export { writeSettings } from "./settings";
export { buildExampleWorkbook, typedSeedCell, exampleSheetName, EXAMPLE_LAYOUT, type SeedPlan, type SeedObjective, type SeedIndicator, type TypedCell } from "./example";
export { serialFromDate, dateFromSerial, sheetGridFromExcelJs } from "./grid";
export { replaceSheet } from "./sheets";
