// Undo groups in real Excel. Microsoft documents which APIs have no undo support, per
// platform (docs/excel/excel-add-ins-undo-capabilities.md in OfficeDev/office-js-docs-pr):
// inside `Excel.run({ mergeUndoGroup: true })` such an API throws `UndoNotSupported`.
// Worksheet.visibility is one on Windows and Mac. Issues seen in the field with grouped runs:
// office-js#6001 (crash after undo when a run adds a very hidden sheet and updates cells),
// #6711 (Excel on the web: any grouped run throws), #6491 (UndoNotSupported for a plain
// formula write), #6255 (internal error with mergeUndoGroup).
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { createExcelHost } from "../../src/excel/excelHost";
import { BACKUP_SHEET_NAME } from "../../src/excel/backup";
import { OWNER_PROPERTY } from "../../src/excel/readGrid";
import { EXCEL_NOTICES } from "../../src/messages/excel";
import { FakeExcel, UNDO_TABLE, undoSupported, type FakeExcelOptions, type FakePlatform } from "./fakeExcel";
import { exampleGrid, fakeWith } from "./workbooks";

type Ctx = Excel.RequestContext;
const SUMMARY = "Riepilogo performance 2022";

function setup(options: FakeExcelOptions) {
  const { fake, uninstall } = fakeWith(exampleGrid(), options);
  return { fake, uninstall, host: createExcelHost() };
}

describe("the fake follows Microsoft's undo table", () => {
  test("the table rows the add-in meets, as the doc gives them", () => {
    expect(UNDO_TABLE["Worksheet.visibility"]).toEqual({ web: true, desktop: false });
    expect(UNDO_TABLE["Worksheet.name"]).toEqual({ web: true, desktop: false });
    expect(UNDO_TABLE["Worksheet.position"]).toEqual({ web: true, desktop: false });
    expect(UNDO_TABLE["Worksheet.delete"]).toEqual({ web: false, desktop: false });
    expect(UNDO_TABLE["Style.numberFormat"]).toEqual({ web: false, desktop: true });
    expect(undoSupported("Range.values", "PC")).toBe(true);
    expect(undoSupported("Worksheet.visibility", "Mac")).toBe(false);
    expect(undoSupported("Worksheet.visibility", "OfficeOnline")).toBe(true);
  });

  test.each<[FakePlatform, boolean]>([
    ["PC", true],
    ["Mac", true],
    ["OfficeOnline", false],
  ])("UndoNotSupported: Worksheet.visibility inside mergeUndoGroup on %s throws: %s", async (platform, throws) => {
    const fake = new FakeExcel({ apiVersion: "1.20", platform });
    fake.addSheet("Dati");
    fake.addSheet("Altro");
    const uninstall = fake.install();
    try {
      const run = Excel.run({ mergeUndoGroup: true } as Excel.RunOptions, async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Altro").visibility = "Hidden";
        await ctx.sync();
      });
      if (throws) await expect(run).rejects.toMatchObject({ code: "UndoNotSupported" });
      else await run;
      expect(fake.sheet("Altro").visibility).toBe(throws ? "Visible" : "Hidden");
      // Outside a group the same call works, and wipes the user's undo history on desktop.
      await Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Altro").visibility = "Visible";
        await ctx.sync();
      });
      expect(fake.undoStackCleared).toEqual(throws ? ["Worksheet.visibility"] : []);
    } finally {
      uninstall();
    }
  });
});

describe.each<FakePlatform>(["PC", "Mac"])("UndoNotSupported on desktop ExcelApi 1.20 (%s)", (platform) => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => (ctx = setup({ apiVersion: "1.20", platform })));
  afterEach(() => ctx.uninstall());

  test("UndoNotSupported: the first Calcola performance succeeds and leaves the backup very hidden and marked", async () => {
    const { fake, host } = ctx;
    const analysis = (await host.analyze()) as WorkbookAnalysis;
    const report = await host.writeResults(analysis);
    expect(report.written).toBeGreaterThan(0);
    const backup = fake.sheet(BACKUP_SHEET_NAME);
    expect(backup.visibility).toBe("VeryHidden");
    expect(backup.customProperties.get(OWNER_PROPERTY.toLowerCase())?.value).toBe("backup");
    expect(backup.usedBox(true)).not.toBeNull();
    // The cells went in one undo group: Ctrl+Z takes the whole run back.
    const grouped = fake.runs.filter((r) => r.options.mergeUndoGroup === true);
    expect(grouped.length).toBeGreaterThan(0);
    // Hiding the new backup sheet emptied the undo history before the run (the doc's tip:
    // "the user's undo stack is cleared starting from that API call"), and so did reading
    // the cards' merged areas on Windows (office-js#5918): the user is told.
    expect(fake.undoStackCleared).toContain("Worksheet.visibility");
    expect(report.notices).toEqual([EXCEL_NOTICES.undoHistoryCleared]);
    // The next run touches no visibility, needs no merged areas, and says nothing.
    const cleared = fake.undoStackCleared.length;
    const again = await host.writeResults(await host.analyze());
    expect(again).toEqual({ written: 0, skippedFormulas: report.skippedFormulas });
    expect(fake.undoStackCleared.length).toBe(cleared);
    // And Ripristina still puts everything back.
    expect(await host.restore()).toBe(report.written);
  });

  test("UndoNotSupported: the backup sheet is created and hidden in a run of its own that writes no cell (office-js#6001)", async () => {
    const { fake, host } = ctx;
    const analysis = (await host.analyze()) as WorkbookAnalysis;
    const first = fake.runs.length;
    // A picture of the workbook as each run starts (at its first sync), and at the end.
    const starts: unknown[] = [];
    fake.beforeSync = () => {
      if (fake.runs.length - first > starts.length) starts.push(fake.snapshot());
    };
    await host.writeResults(analysis);
    starts.push(fake.snapshot());
    const runs = fake.runs.slice(first);
    expect(runs.length).toBe(starts.length - 1);
    const userSheets = fake.sheets.filter((s) => s.name !== BACKUP_SHEET_NAME).map((s) => s.name);
    const names = (snap: unknown) => (snap as { name: string }[]).map((s) => s.name);
    const creator = runs.findIndex((_, i) => !names(starts[i]).includes(BACKUP_SHEET_NAME) && names(starts[i + 1]).includes(BACKUP_SHEET_NAME));
    expect(creator).toBeGreaterThanOrEqual(0);
    expect(runs[creator].options.mergeUndoGroup).toBeUndefined();
    const changed = FakeExcel.changedCells(starts[creator], starts[creator + 1]).filter((c) => userSheets.some((n) => c.startsWith(`${n}!`)));
    expect(changed).toEqual([]);
    // The user's cells change in a grouped run, which hides no sheet.
    const writer = runs.findIndex((_, i) => FakeExcel.changedCells(starts[i], starts[i + 1]).some((c) => userSheets.some((n) => c.startsWith(`${n}!`))));
    expect(writer).toBeGreaterThan(creator);
    expect(runs[writer].options.mergeUndoGroup).toBe(true);
  });

  test("UndoNotSupported: refreshing an existing summary works, also after the user hid it", async () => {
    const { fake, host } = ctx;
    expect(await host.buildSummary(await host.analyze())).toBe(SUMMARY);
    // The first build created the settings sheet, hidden in a run of its own (settingsVisibility.ts): once.
    expect(fake.undoStackCleared.filter((api) => api.startsWith("Worksheet."))).toEqual(["Worksheet.visibility"]);
    fake.undoStackCleared.length = 0;
    expect(await host.buildSummary(await host.analyze())).toBe(SUMMARY);
    expect(fake.sheet(SUMMARY).visibility).toBe("Visible");
    // A visible summary is refreshed without touching its visibility (nor the hidden settings sheet's).
    expect(fake.undoStackCleared.filter((api) => api.startsWith("Worksheet."))).toEqual([]);
    fake.sheet(SUMMARY).visibility = "Hidden";
    expect(await host.buildSummary(await host.analyze())).toBe(SUMMARY);
    expect(fake.sheet(SUMMARY).visibility).toBe("Visible");
    expect(fake.activeSheet?.name).toBe(SUMMARY);
  });
});

describe.each<[FakePlatform, string]>([
  ["OfficeOnline", "GeneralException"], // office-js#6711, #6255
  ["PC", "UndoNotSupported"], // office-js#6491
])("a host that refuses the undo group (%s, %s)", (platform, code) => {
  let ctx: ReturnType<typeof setup>;
  let warn: jest.SpyInstance;
  beforeEach(() => {
    ctx = setup({ apiVersion: "1.20", platform, rejectUndoGroupWith: code });
    warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    ctx.uninstall();
    // The refusal is logged for the developer (once per session).
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  test("the run is retried once without mergeUndoGroup, and the user is told Ctrl+Z will not undo it", async () => {
    const { fake, host } = ctx;
    const analysis = (await host.analyze()) as WorkbookAnalysis;
    const report = await host.writeResults(analysis);
    expect(report.written).toBeGreaterThan(0);
    expect(report.notices).toContain(EXCEL_NOTICES.undoUnavailable);
    expect(EXCEL_NOTICES.undoUnavailable).toMatch(/Ctrl\+Z/);
    expect(EXCEL_NOTICES.undoUnavailable).toMatch(/Ripristina/);
    const grouped = fake.runs.filter((r) => r.options.mergeUndoGroup === true);
    const plain = fake.runs.filter((r) => r.options.mergeUndoGroup !== true && r.syncs.length > 0);
    expect(grouped.length).toBe(1);
    expect(plain.length).toBeGreaterThan(0);
    expect(fake.sheet(BACKUP_SHEET_NAME).visibility).toBe("VeryHidden");
    // Ripristina still works after an ungrouped run.
    expect(await host.restore()).toBe(report.written);
    // The other actions that group their runs succeed too.
    expect(await host.buildSummary(await host.analyze())).toBe(SUMMARY);
  });
});
