// A small, strict fake of the Office.js Excel object model, for testing src/excel.
// What it keeps from Office.js (office-addin-mock does not):
// - proxies: every property set and method call is QUEUED and applied at context.sync(),
//   in order; a failing action rejects the sync after the earlier ones were applied
//   (Office batches are not transactions), the rest of the batch is dropped;
// - load-then-sync: reading a property that was not loaded AND synced throws
//   (PropertyNotLoaded); loads snapshot the state at their place in the batch;
// - collections (items / getItem / getItemOrNullObject / add), null objects
//   (isNullObject readable only after a sync);
// - the 5 MB request and response limit of Excel on the web, counted per sync;
// - protected sheets (AccessDenied on any change), cell-edit mode (delayForCellEdit),
//   requirement sets (an API newer than the host's ExcelApi version fails with ApiNotFound);
// - how Excel (en-US) takes a string written through range.values / range.formulas:
//   "=…" becomes a formula, "+…", "-…", "@…" too unless numeric ("-meno" → =-meno,
//   #NAME?); "1500", "+39" → numbers; "47%" → 0.47 with a percent format; "2022-06-30" →
//   a date serial; TRUE/FALSE → booleans. Only a leading apostrophe or the "@" text
//   format keeps the text exactly as written.
//
// The fake is split by Office object under test/excel/fake/ (context, workbook, worksheets,
// worksheet, range, rangeFormat, charts, customProperties…); this entry re-exports it so
// tests import one module.
export { FakeOfficeError } from "./fake/errors";
export { SheetData, type ChartData, type ConditionalFormatData, type FakeCell, type HyperlinkData, type MergeData } from "./fake/data";
export { FakeExcel, type FakeExcelOptions, type RunRecord, type SyncRecord } from "./fake/excel";
export { cellAddress, colLetters, compareVersions } from "./fake/addresses";
export { FakeContext } from "./fake/context";
export { FakeWorksheet } from "./fake/worksheet";
export { FakeRange } from "./fake/range";
export { FakePageLayout, type PageLayoutData } from "./fake/pageLayout";
export { UNDO_TABLE, undoSupported, type FakePlatform } from "./fake/undo";
