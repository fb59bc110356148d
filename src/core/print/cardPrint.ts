// «Prepara per la stampa»: how each card sheet prints, decided from the reader's geometry
// alone (pure: the Office.js renderer, the package writer and the preview apply it).
// As in the published document: one page wide and as many tall as needed, the indicator
// table's header row repeated on every page, the print area around the card, portrait
// when the card fits the width of a portrait page, else landscape; the sheet's name in
// the header, «Pagina n di N» in the footer. No cell is part of the decision's output.
import type { PlanInput } from "../types";
import type { SheetGrid, WorkbookGrid } from "../reader/grid";
import { a1 } from "../reader/grid";
import { findHeader } from "../reader/columns";
import { PRINT } from "../../messages/print";
import { DEFAULT_COLUMN_POINTS, inchesToPoints } from "../units";

/** A rectangle of the sheet, 0-based, inclusive, in sheet coordinates. */
export interface SheetArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CardPrint {
  sheet: string;
  orientation: "portrait" | "landscape";
  /** The print area around the card, "A1:I30". */
  area: string;
  areaBox: SheetArea;
  /** Rows repeated at the top of each page (the indicator table's header), 1-based, "16:16". */
  titleRows: string;
  titleBox: { top: number; bottom: number };
  /** Fit to one page wide, height free (0 = as many pages as needed). */
  fitToWidth: 1;
  fitToHeight: 0;
  /** Excel header/footer codes: centre header, right footer (&A sheet, &P page, &N pages). */
  centerHeader: string;
  rightFooter: string;
  /** Margins in inches (Excel's unit). */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** The card's width in points, from which the orientation was decided. */
  widthPoints: number;
}

/** A4 in points, and the margins every card prints with (inches). */
const A4 = { width: 595.3, height: 841.9 };
export const CARD_MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** Printable width of an A4 page in points with the cards' margins. */
export function printableWidth(orientation: "portrait" | "landscape"): number {
  const paper = orientation === "portrait" ? A4.width : A4.height;
  return paper - inchesToPoints(CARD_MARGINS.left + CARD_MARGINS.right);
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The rectangle holding every value and every merged area of the sheet (null when empty). */
export function contentBox(sheet: SheetGrid): SheetArea | null {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (isBlank(v)) return;
      top = Math.min(top, r + sheet.startRow);
      bottom = Math.max(bottom, r + sheet.startRow);
      left = Math.min(left, c + sheet.startCol);
      right = Math.max(right, c + sheet.startCol);
    }),
  );
  if (bottom < 0) return null;
  // A merged area touching the content (a title over the card's width) belongs to it.
  for (const m of sheet.merges) {
    if (m.bottom < top || m.top > bottom) continue;
    top = Math.min(top, m.top);
    bottom = Math.max(bottom, m.bottom);
    left = Math.min(left, m.left);
    right = Math.max(right, m.right);
  }
  return { top, left, bottom, right };
}

/**
 * The sheets of the plan (cards and flat tables) in workbook order, each with how it prints.
 * `columnPoints(sheet)` gives the widths of the sheet's columns in points, by 0-based column
 * (undefined where unknown: Excel's default is assumed).
 */
export function planCardPrint(grid: WorkbookGrid, plan: PlanInput, columnPoints?: (sheet: string) => (number | undefined)[] | undefined): CardPrint[] {
  const planSheets = new Set(plan.objectives.map((o) => o.sheet).filter((s): s is string => !!s));
  const out: CardPrint[] = [];
  for (const sheet of grid.sheets) {
    if (!planSheets.has(sheet.name) || sheet.ownedBy) continue;
    const p = cardPrintOf(sheet, columnPoints?.(sheet.name));
    if (p) out.push(p);
  }
  return out;
}

/** How one card sheet prints; null when the sheet has no indicator table or no content. */
export function cardPrintOf(sheet: SheetGrid, widths?: (number | undefined)[]): CardPrint | null {
  const header = findHeader(sheet);
  const box = contentBox(sheet);
  if (!header || !box) return null;
  const headerRow = header.row + sheet.startRow;
  // A header cell merged down over more rows (a two-row header) repeats whole.
  let bottom = headerRow;
  for (const m of sheet.merges) if (m.top === headerRow && m.bottom > bottom && m.bottom - m.top < 4) bottom = m.bottom;
  let width = 0;
  for (let c = box.left; c <= box.right; c++) width += widths?.[c] ?? DEFAULT_COLUMN_POINTS;
  width = Math.round(width * 10) / 10;
  const orientation = width <= printableWidth("portrait") ? "portrait" : "landscape";
  return {
    sheet: sheet.name,
    orientation,
    area: `${a1(box.top, box.left)}:${a1(box.bottom, box.right)}`,
    areaBox: box,
    titleRows: `${headerRow + 1}:${bottom + 1}`,
    titleBox: { top: headerRow, bottom },
    fitToWidth: 1,
    fitToHeight: 0,
    centerHeader: PRINT.header,
    rightFooter: PRINT.footer,
    margins: { ...CARD_MARGINS },
    widthPoints: width,
  };
}

/** "$16:$16": the title rows as Excel's absolute row reference. */
export function absoluteRows(rows: string): string {
  return rows
    .split(":")
    .map((r) => `$${r}`)
    .join(":");
}

/** "$A$1:$I$30": an A1 area made absolute. */
export function absoluteArea(area: string): string {
  return area
    .split(":")
    .map((c) => c.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}
