// Merged areas and the user's undo history. OfficeDev/office-js#5918: on Excel for Windows
// a sync that includes Range.getMergedAreasOrNullObject (ExcelApi 1.13) empties the undo
// stack. «Verifica» only reads, so it must not cost the user Ctrl+Z: it reads no merged
// areas there (the reader's `mergesUnknown` path) and says what that changes; the runs that
// write anyway (Calcola performance, the summary) read them, so the written cells are the
// same on every platform.
import { createExcelHost } from "../../src/excel/excelHost";
import { BACKUP_SHEET_NAME } from "../../src/excel/backup";
import { EXCEL_NOTICES } from "../../src/messages/excel";
import { FakeExcel, type FakeExcelOptions } from "./fakeExcel";
import { exampleGrid, fakeWith } from "./workbooks";

type Ctx = Excel.RequestContext;
const MERGES_CLEARED = "Range.getMergedAreasOrNullObject";

function setup(options: FakeExcelOptions) {
  const { fake, uninstall } = fakeWith(exampleGrid(), options);
  return { fake, uninstall, host: createExcelHost() };
}

test("the fake: getMergedAreasOrNullObject empties the undo stack on Windows only (office-js#5918)", async () => {
  for (const platform of ["PC", "Mac", "OfficeOnline"] as const) {
    const fake = new FakeExcel({ apiVersion: "1.13", platform });
    const s = fake.addSheet("Dati");
    s.merges.push({ top: 0, left: 0, bottom: 0, right: 1 });
    const uninstall = fake.install();
    try {
      await Excel.run(async (ctx: Ctx) => {
        const areas = ctx.workbook.worksheets.getItem("Dati").getRange("A1:C3").getMergedAreasOrNullObject().load("address");
        await ctx.sync();
        expect(areas.address).toBe("Dati!A1:B1");
      });
      expect(fake.undoStackCleared).toEqual(platform === "PC" ? [MERGES_CLEARED] : []);
    } finally {
      uninstall();
    }
  }
});

describe.each(["1.13", "1.20"])("on Excel for Windows (ExcelApi %s)", (apiVersion) => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => (ctx = setup({ apiVersion, platform: "PC" })));
  afterEach(() => ctx.uninstall());

  test("Verifica (analyze) leaves the user's undo stack intact and says what it cannot do without merges", async () => {
    const { fake, host } = ctx;
    const analysis = await host.analyze();
    expect(analysis.cardCount).toBe(18);
    expect(fake.undoStackCleared).toEqual([]);
    expect(analysis.notices).toEqual([EXCEL_NOTICES.mergesNotRead]);
    expect(EXCEL_NOTICES.mergesNotRead).toMatch(/unite/);
  });

  test("Calcola performance writes the same cells as on the web, where merges are read", async () => {
    const { fake, host } = ctx;
    const before = fake.snapshot();
    const report = await host.writeResults(await host.analyze());
    const onWindows = FakeExcel.changedCells(before, fake.snapshot()).filter((c) => !c.startsWith(`${BACKUP_SHEET_NAME}!`));

    const web = setup({ apiVersion, platform: "OfficeOnline" });
    try {
      const webBefore = web.fake.snapshot();
      const webAnalysis = await web.host.analyze();
      expect(webAnalysis.notices ?? []).toEqual([]);
      const webReport = await web.host.writeResults(webAnalysis);
      const onWeb = FakeExcel.changedCells(webBefore, web.fake.snapshot()).filter((c) => !c.startsWith(`${BACKUP_SHEET_NAME}!`));
      expect(onWindows).toEqual(onWeb);
      expect(report.written).toBe(webReport.written);
      // The objective's cell is the one after the label's merged area, as the web reads it.
      const o = webAnalysis.result.objectives[0];
      expect(onWindows).toContain(`${o.sheet}!${o.input.performanceCell}`);
    } finally {
      web.uninstall();
    }
  });
});
