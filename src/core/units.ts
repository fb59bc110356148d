// Excel's units of length, in one place: a column's width in characters (as Excel shows it,
// and as the add-in's own layouts and ExcelJS's `column.width` give it), in pixels (as the
// preview draws it) and in points (what Office.js `Range.format.columnWidth` takes and gives,
// and what a page is measured in).
//
// - A width in characters counts the widest digit of the Normal style's font (Calibri 11: 7 px
//   at 96 dpi) plus 5 px of padding (2 px margin each side and 1 px for the gridline): ECMA-376
//   Part 1 §18.3.1.13 `col`, and Microsoft's notes on it (MS-OI29500 2.1.598). Excel's default
//   column, 8.43 characters, is 8.43 × 7 + 5 = 64 px.
// - `Range.format.columnWidth` is in points (OfficeDev/office-js#187, Microsoft's answer; and
//   office-js#3036: 40 set, 53 px shown), and a point is 4/3 px at 96 dpi: 64 px = 48 points.
// - A page's sizes and margins: Excel keeps margins in inches, 72 points each.

/** Excel's default column width in characters (Calibri 11). */
export const DEFAULT_COLUMN_CHARS = 8.43;
/** The widest digit of Calibri 11 at 96 dpi, in pixels. */
export const DIGIT_PIXELS = 7;
/** A column's padding: 2 px each side and 1 px of gridline. */
export const COLUMN_PADDING_PIXELS = 5;
/** Points per pixel at 96 dpi (72 points an inch over 96 pixels an inch). */
export const POINTS_PER_PIXEL = 0.75;
/** Points per inch. */
export const POINTS_PER_INCH = 72;

/** A column width in Excel's characters as pixels, unrounded. */
function columnPixelsExact(chars: number): number {
  return chars * DIGIT_PIXELS + COLUMN_PADDING_PIXELS;
}

/** A column width in Excel's characters as whole pixels, as Excel draws it (8.43 → 64 px). */
export function columnCharsToPixels(chars: number): number {
  return Math.round(columnPixelsExact(chars));
}

/** A column width in Excel's characters as points, to a tenth (8.43 characters → 48 points). */
export function columnCharsToPoints(chars: number): number {
  return Math.round(columnPixelsExact(chars) * POINTS_PER_PIXEL * 10) / 10;
}

/** Excel's default column in points: 48. */
export const DEFAULT_COLUMN_POINTS = columnCharsToPoints(DEFAULT_COLUMN_CHARS);

/** Inches (Excel's unit for margins) as points. */
export function inchesToPoints(inches: number): number {
  return inches * POINTS_PER_INCH;
}
