// «Prepara per la stampa» with Office.js, against the strict fake: each card sheet's
// Worksheet.pageLayout as Microsoft documents it — docs/excel/excel-add-ins-worksheet-display.md
// (OfficeDev/office-js-docs-pr), «Configure page layout and print settings»: `pageLayout`
// "returns a PageLayout object … to control print settings … such as margins, orientation,
// page numbering, title rows, and print area", with the sample calls
// `sheet.pageLayout.setPrintTitleRows("$1:$1")` and `sheet.pageLayout.setPrintArea("A1:D100")`.
// Every member is ExcelApi 1.9 (Excel.PageLayout, Excel.HeaderFooter), below the manifest's
// 1.12; none is in the no-undo table (docs/excel/excel-add-ins-undo-capabilities.md), so the
// run is one undo group where ExcelApi 1.20 allows it. No cell changes.
import { createExcelHost } from "../../src/excel/excelHost";
import { columnCharsToPoints } from "../../src/core/print";
import { exampleSheetName } from "../../src/adapters/exceljs";
import { FakeExcel, type FakeExcelOptions } from "./fakeExcel";
import { exampleGrid, fakeWith, scaledSeed, seedPlan } from "./workbooks";

/** The example's column widths (characters, src/adapters/exceljs/example.ts), as Excel keeps them in points. */
const EXAMPLE_WIDTHS = [46, 46, 16, 8, 13, 11, 13, 13, 11].map(columnCharsToPoints);

function setup(options: FakeExcelOptions = {}, cards = 18) {
  const seed = cards === 18 ? seedPlan() : scaledSeed(cards);
  const { fake, uninstall } = fakeWith(exampleGrid(seed), options);
  const names = seed.obiettivi.map(exampleSheetName);
  for (const n of names) EXAMPLE_WIDTHS.forEach((w, c) => fake.sheet(n).columnWidths.set(c, w));
  return { fake, uninstall, host: createExcelHost(), names };
}

describe("preparePrint (Office.js)", () => {
  test("every card: landscape, one page wide, the indicator header as print titles, the area around the card, sheet name and page number", async () => {
    const { fake, uninstall, host, names } = setup({ apiVersion: "1.12", platform: "OfficeOnline" });
    try {
      const before = fake.snapshot();
      const report = await host.preparePrint!();
      expect(report.sheets).toEqual(names);
      for (const n of names) {
        const layout = fake.sheet(n).pageLayout;
        expect(layout.props).toMatchObject({
          orientation: "Landscape",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          centerHorizontally: true,
          leftMargin: 0.4 * 72,
          topMargin: 0.6 * 72,
        });
        // The user's paper size is theirs.
        expect(layout.props.paperSize).toBeUndefined();
        expect(layout.printTitleRows).toBe("$16:$16");
        expect(layout.printArea).toMatch(/^A1:I\d\d$/);
        expect(layout.headersFooters).toEqual({ centerHeader: "&A", rightFooter: "Pagina &P di &N" });
      }
      // OO01 has 8 indicators (rows 17–24) and its «Performance obiettivo» line on row 26.
      expect(fake.sheet(names[0]).pageLayout.printArea).toBe("A1:I26");
      // Not a cell, a format, a width or a sheet changed.
      expect(fake.snapshot()).toEqual(before);
      expect(fake.maxApiUsed).toBe("1.12");
      // Nothing for the sheets the add-in owns or the user's other sheets.
      expect(fake.sheets.filter((s) => !names.includes(s.name)).every((s) => s.pageLayout.printArea === null)).toBe(true);
    } finally {
      uninstall();
    }
  });

  test("a narrow card prints portrait (it fits the width of a portrait A4 page)", async () => {
    const { fake, uninstall, host, names } = setup({ platform: "OfficeOnline" });
    try {
      // Excel's default width (48 points) for every column of the first card: 9 × 48 = 432 points.
      fake.sheet(names[0]).columnWidths.clear();
      await host.preparePrint!();
      expect(fake.sheet(names[0]).pageLayout.props.orientation).toBe("Portrait");
      expect(fake.sheet(names[1]).pageLayout.props.orientation).toBe("Landscape");
    } finally {
      uninstall();
    }
  });

  test("one run, grouped for undo on ExcelApi 1.20; syncs the same for 2 and for 40 cards", async () => {
    const counts: number[] = [];
    for (const cards of [2, 40]) {
      const { fake, uninstall, host } = setup({ apiVersion: "1.20", platform: "PC" }, cards);
      try {
        await host.preparePrint!();
        expect(fake.runs).toHaveLength(1);
        expect(fake.runs[0].options).toMatchObject({ mergeUndoGroup: true, delayForCellEdit: true });
        // Page layouts have undo: the user's undo history is untouched.
        expect(fake.undoStackCleared).toEqual([]);
        counts.push(fake.runs[0].syncs.length);
      } finally {
        uninstall();
      }
    }
    expect(counts[1]).toBe(counts[0]);
  });

  test("a workbook without cards: the pane's message, nothing set", async () => {
    const fake = new FakeExcel({ platform: "OfficeOnline" });
    fake.addSheet("Note").set("A1", "appunti");
    const uninstall = fake.install();
    try {
      await expect(createExcelHost().preparePrint!()).rejects.toMatchObject({ userFacing: true });
      expect(fake.sheet("Note").pageLayout.printArea).toBeNull();
    } finally {
      uninstall();
    }
  });
});
