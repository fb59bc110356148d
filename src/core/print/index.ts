export { absoluteArea, absoluteRows, CARD_MARGINS, cardPrintOf, contentBox, planCardPrint, printableWidth, type CardPrint, type SheetArea } from "./cardPrint";
// Column widths in points: one conversion for the print, the summary and the preview (core/units).
export { columnCharsToPoints, DEFAULT_COLUMN_POINTS } from "../units";
