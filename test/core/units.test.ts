// Excel's units (src/core/units.ts): one conversion of a column width in characters to pixels
// and points, used by the card print, the Office.js summary/settings/empty card and the preview.
// Sources: ECMA-376 Part 1 §18.3.1.13 `col` and Microsoft's note on it (MS-OI29500 2.1.598):
// a width counts the widest digit of the Normal font (Calibri 11: 7 px) plus 5 px of padding;
// Office.js `Range.format.columnWidth` is in points (OfficeDev/office-js#187, Microsoft's
// answer; office-js#3036: 40 points show as 53 px), 0.75 points a pixel at 96 dpi.
import {
  columnCharsToPixels,
  columnCharsToPoints,
  DEFAULT_COLUMN_CHARS,
  DEFAULT_COLUMN_POINTS,
  inchesToPoints,
  POINTS_PER_PIXEL,
} from "../../src/core/units";
import * as print from "../../src/core/print";

describe("column widths: characters → pixels → points", () => {
  test("Excel's default column: 8.43 characters = 64 px = 48 points", () => {
    expect(DEFAULT_COLUMN_CHARS).toBe(8.43);
    expect(columnCharsToPixels(8.43)).toBe(64);
    expect(columnCharsToPoints(8.43)).toBe(48);
    expect(DEFAULT_COLUMN_POINTS).toBe(48);
  });

  test("ECMA-376's example: 8 characters of Calibri 11 are 8 × 7 + 5 = 61 px, 45.75 points (to a tenth)", () => {
    expect(columnCharsToPixels(8)).toBe(61);
    expect(columnCharsToPoints(8)).toBe(45.8);
  });

  test("the widths the add-in writes, pinned (card, summary grid, settings sheet)", () => {
    // The example card's columns (and the empty card's): 46, 46, 16, 8, 13, 11, 13, 13, 11.
    expect([46, 46, 16, 8, 13, 11, 13, 13, 11].map(columnCharsToPoints)).toEqual([245.3, 245.3, 87.8, 45.8, 72, 61.5, 72, 72, 61.5]);
    // The summary's grid.
    expect([16, 7, 11, 24, 32, 17, 16, 14, 11, 6, 10, 13, 10].map(columnCharsToPoints)).toEqual([87.8, 40.5, 61.5, 129.8, 171.8, 93, 87.8, 77.3, 61.5, 35.3, 56.3, 72, 56.3]);
    // The settings sheet's two columns, and Excel's widest column (255 characters).
    expect([44, 60, 255].map(columnCharsToPoints)).toEqual([234.8, 318.8, 1342.5]);
    expect([0, 1, 20].map(columnCharsToPixels)).toEqual([5, 12, 145]);
  });

  test("each character adds 7 px; points are those pixels × 0.75, to a tenth", () => {
    for (let c = 1; c <= 255; c++) {
      expect(columnCharsToPixels(c) - columnCharsToPixels(c - 1)).toBe(7);
      expect(Math.abs(columnCharsToPoints(c) - columnCharsToPixels(c) * POINTS_PER_PIXEL)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  test("inches (Excel's margins) → points: 72 an inch", () => {
    expect(inchesToPoints(1)).toBe(72);
    expect(inchesToPoints(0.4)).toBeCloseTo(28.8, 12);
    expect(inchesToPoints(0.75)).toBe(54);
  });

  test("the print module uses this conversion, not one of its own", () => {
    expect(print.columnCharsToPoints).toBe(columnCharsToPoints);
    expect(print.DEFAULT_COLUMN_POINTS).toBe(DEFAULT_COLUMN_POINTS);
  });
});
