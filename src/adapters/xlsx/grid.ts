// The package reader: an .xlsx package → the reader's cell model (WorkbookGrid), straight
// from the parts, without building a spreadsheet object model. ExcelJS makes an object per
// cell, row and style before anything can be read (on a 54,000-indicator plan, most of the
// time and memory of a run); here the worksheet parts are scanned as text (sheetCells.ts)
// into the sparse sheets of core/reader/sparseSheet.ts, whose rules decide the grid for
// both readers. The grid also carries what only the package knows: each sheet's hidden
// state and the add-in's marks (so an unmarked sheet is the user's).
//
// Sheets in tab order; worksheets only (a chart sheet has no cells). Browser-safe: fflate only.
import { LIMITS, type Limits } from "../../core/limits";
import type { SheetGrid, WorkbookGrid } from "../../core/reader/grid";
import { checkWorkbookBox, sheetGridOf, SparseSheet } from "../../core/reader/sparseSheet";
import { XlsxPackage } from "./package";
import { readSharedStrings, readSheetCells, type CellContext } from "./sheetCells";
import { styleSheetOf } from "./styles";
import { listSheets, readMarks, sharedStringsPart, stylesPart } from "./workbook";
import { findElement, getAttr } from "./xml";

/** Does the workbook count dates from 1904 (`<workbookPr date1904="1">`, ECMA-376 Part 1, §18.2.28)? */
function usesDate1904(pkg: XlsxPackage): boolean {
  const xml = pkg.xml(pkg.workbookPart()) ?? "";
  const pr = findElement(xml, "workbookPr");
  const v = pr ? getAttr(pr.tag, "date1904") : undefined;
  return v === "1" || v === "true";
}

/** What the cells of every sheet resolve through. */
export function cellContextOf(pkg: XlsxPackage): CellContext {
  const styles = stylesPart(pkg);
  const strings = sharedStringsPart(pkg);
  return {
    strings: readSharedStrings(strings ? pkg.xml(strings) : undefined),
    formats: styleSheetOf(styles ? pkg.xml(styles) : undefined).cellFormats(),
    date1904: usesDate1904(pkg),
  };
}

/** Every worksheet of the package, in tab order, in the reader's cell model, with marks and hidden states. */
export function gridFromPackage(pkg: XlsxPackage, limits: Limits = LIMITS): WorkbookGrid {
  const ctx = cellContextOf(pkg);
  const marks = readMarks(pkg);
  const sheets: SheetGrid[] = [];
  for (const entry of listSheets(pkg)) {
    if (!entry.isWorksheet) continue;
    const xml = entry.part ? pkg.xml(entry.part) : undefined;
    const sparse = xml === undefined ? new SparseSheet(entry.name) : readSheetCells(entry.name, xml, ctx);
    if (entry.state === "hidden" || entry.state === "veryHidden") sparse.hidden = entry.state;
    const grid = sheetGridOf(sparse, limits);
    const mark = marks.get(entry.name);
    if (mark) grid.ownedBy = mark;
    sheets.push(grid);
  }
  checkWorkbookBox(sheets, limits);
  return { sheets, marksRead: true };
}
