// A model of the Office.js Excel object model, built from Microsoft's documentation
// (OfficeDev/office-js-docs-pr) and the OfficeDev/office-js issues, one file per Office
// object. The tests run the Office.js layer (src/excel) against it (test/excel/fakeExcel.ts
// re-exports it), and the browser preview's «Diagnostica» runs that same layer against it,
// loaded on demand — never part of the add-in's own bundle inside Excel.
//
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
export { FakeOfficeError } from "./errors";
export { SheetData, type ChartData, type ConditionalFormatData, type FakeCell, type HyperlinkData, type MergeData } from "./data";
export { FakeExcel, type FakeExcelOptions, type RunRecord, type SyncRecord } from "./excel";
export { cellAddress, colLetters, compareVersions } from "./addresses";
export { FakeContext } from "./context";
export { FakeWorksheet } from "./worksheet";
export { FakeRange } from "./range";
export { FakePageLayout, type PageLayoutData } from "./pageLayout";
export { UNDO_TABLE, undoSupported, type FakePlatform } from "./undo";
