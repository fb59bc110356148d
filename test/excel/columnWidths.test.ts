// Column widths written through Office.js, against the strict fake: `Range.format.columnWidth`
// takes points (OfficeDev/office-js#187), so every sheet the add-in draws in Excel gets the
// points of the same widths in characters that ExcelJS writes for the preview and the CLI
// (one conversion, src/core/units.ts): the summary's grid, the settings sheet, the empty card.
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { EMPTY_CARD_LAYOUT } from "../../src/core/reader/emptyCard";
import { SETTINGS_SHEET_NAME, settingsSheetCells } from "../../src/core/reader/settings";
import { buildSummaryModel } from "../../src/core/summary";
import { defaultPolicy } from "../../src/core/policy";
import { columnCharsToPoints } from "../../src/core/units";
import { createExcelHost } from "../../src/excel/excelHost";
import type { SheetData } from "./fakeExcel";
import { exampleGrid, fakeWith } from "./workbooks";

const widthsOf = (s: SheetData, n: number) => Array.from({ length: n }, (_v, c) => s.columnWidths.get(c));

describe("Office.js column widths in points", () => {
  let ctx: ReturnType<typeof fakeWith>;
  beforeEach(() => (ctx = fakeWith(exampleGrid(), { apiVersion: "1.13", platform: "OfficeOnline" })));
  afterEach(() => ctx.uninstall());

  test("the summary sheet and the settings sheet: the model's characters as points", async () => {
    const host = createExcelHost();
    const analysis = (await host.analyze()) as WorkbookAnalysis;
    const name = await host.buildSummary(analysis);
    const chars = buildSummaryModel(analysis).columnWidths;
    expect(widthsOf(ctx.fake.sheet(name), chars.length)).toEqual(chars.map(columnCharsToPoints));
    // Excel's default (8.43 characters = 48 points) would mean the widths were not written.
    expect(chars.map(columnCharsToPoints)).not.toContain(48);
    const settings = settingsSheetCells(defaultPolicy(), [], []).columnWidths;
    expect(widthsOf(ctx.fake.sheet(SETTINGS_SHEET_NAME), settings.length)).toEqual(settings.map(columnCharsToPoints));
  });

  test("the empty card: its layout's characters as points", async () => {
    const name = await createExcelHost().insertEmptyCard();
    const chars = EMPTY_CARD_LAYOUT.widths;
    expect(widthsOf(ctx.fake.sheet(name), chars.length)).toEqual(chars.map(columnCharsToPoints));
  });
});
