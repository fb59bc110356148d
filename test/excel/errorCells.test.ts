// Error cells in a non-English Excel. range.values gives error values in the display
// language (an Italian Excel: "#N/D", "#VALORE!"); range.valueTypes gives "Error" whatever the
// language (Excel.RangeValueType: docs/excel/excel-add-ins-ranges-get... and the API reference
// of Range.valueTypes). range.formulas takes formulas and constants in English whatever the
// language, so an error constant is entered as its English literal ("#N/A").
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { createExcelHost } from "../../src/excel/excelHost";
import { isErrorCell } from "../../src/officeModel/input";
import type { FakeExcel } from "./fakeExcel";
import { exampleGrid, fakeWith } from "./workbooks";

type Ctx = Excel.RequestContext;

function setup(locale: "en-US" | "it-IT") {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.13", platform: "OfficeOnline", locale });
  return { fake, uninstall, host: createExcelHost() };
}

/** The first indicator of the first card: its Stato cell and stated Performance cell. */
async function firstIndicator(fake: FakeExcel) {
  const host = createExcelHost();
  const a = (await host.analyze()) as WorkbookAnalysis;
  const o = a.result.objectives[0];
  const i = o.indicators[0];
  return { sheet: fake.sheet(o.sheet as string), stato: i.cell as string, performance: i.performanceCell as string };
}

test("the fake: an Italian Excel shows #N/D, valueTypes says Error", async () => {
  const { fake, uninstall } = setup("it-IT");
  try {
    const s = fake.sheets[0];
    s.set("Z1", "#N/A");
    s.set("Z2", "#VALUE!", { formula: "=1+\"a\"" });
    s.set("Z3", "#N/A", { numberFormat: "@" });
    await Excel.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem(s.name).getRange("Z1:Z3").load("values,valueTypes");
      await ctx.sync();
      expect(r.values).toEqual([["#N/D"], ["#VALORE!"], ["#N/A"]]);
      expect(r.valueTypes).toEqual([["Error"], ["Error"], ["String"]]);
    });
  } finally {
    uninstall();
  }
});

test("an error cell reads as the same error in an Italian and an English Excel (valueTypes, not its text)", async () => {
  const results: unknown[] = [];
  for (const locale of ["en-US", "it-IT"] as const) {
    const { fake, uninstall } = setup(locale);
    try {
      const { sheet, stato } = await firstIndicator(fake);
      sheet.set(stato, "#N/A");
      const a = (await createExcelHost().analyze()) as WorkbookAnalysis;
      const ind = a.result.objectives[0].indicators[0];
      results.push({ status: ind.status, explanation: ind.explanation, problems: a.problems.filter((p) => p.cell === stato).map((p) => p.message) });
    } finally {
      uninstall();
    }
  }
  expect(results[1]).toEqual(results[0]);
  // …and the engine saw an error, not unreadable Italian text.
  expect(JSON.stringify(results[1])).not.toMatch(/#N\/D/);
});

test.each(["en-US", "it-IT"] as const)("Ripristina puts a constant error back as an error, not as text (%s)", async (locale) => {
  const { fake, uninstall, host } = setup(locale);
  try {
    const { sheet, performance } = await firstIndicator(fake);
    sheet.set(performance, "#N/A", { numberFormat: "0%" });
    expect(isErrorCell(sheet.get(performance))).toBe(true);
    const report = await host.writeResults(await host.analyze());
    expect(report.written).toBeGreaterThan(0);
    expect(typeof sheet.get(performance).value).toBe("number");
    await host.restore();
    const back = sheet.get(performance);
    expect(back).toMatchObject({ value: "#N/A", formula: null, quotePrefix: false, numberFormat: "0%" });
    expect(isErrorCell(back)).toBe(true);
  } finally {
    uninstall();
  }
});
