// The summary sheet drawn with Office.js, against the strict fake, on the example workbook.
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { readSettings, SETTINGS_SHEET_NAME } from "../../src/core/reader/settings";
import { createExcelHost } from "../../src/excel/excelHost";
import { ExcelHostError } from "../../src/excel/errors";
import { OWNER_PROPERTY } from "../../src/excel/readGrid";
import { cellAddress, FakeExcel, type SheetData } from "./fakeExcel";
import { exampleGrid, fakeWith } from "./workbooks";

const NAME = "Riepilogo performance 2022";

// On the web: there «Verifica» reads merged areas too, so the problems it lists point at
// the same cells as the summary's links (on Windows it may not: see merges.test.ts).
function setup() {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.13", platform: "OfficeOnline" });
  return { fake, uninstall, host: createExcelHost() };
}

/** All cells of a sheet as "A1" → cell. */
function cells(sheet: SheetData) {
  return [...sheet.cells.entries()].map(([k, c]) => {
    const [r, col] = k.split(",").map(Number);
    return { address: cellAddress(r, col), ...c };
  });
}

function sheetSnapshot(fake: FakeExcel, name: string): unknown {
  return (fake.snapshot() as { name: string }[]).find((s) => s.name === name);
}

// The stamp carries the date and time: a fixed clock, so two builds give the same sheet.
const CLOCK = { now: new Date(2026, 11, 1, 9, 30), doNotFake: ["nextTick", "setImmediate", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "clearImmediate", "queueMicrotask"] as const };

describe("buildSummary", () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => {
    jest.useFakeTimers({ now: CLOCK.now, doNotFake: [...CLOCK.doNotFake] });
    ctx = setup();
  });
  afterEach(() => {
    ctx.uninstall();
    jest.useRealTimers();
  });

  test("draws tables, formats, traffic lights, chart, links, frozen header; marks and activates it", async () => {
    const { fake, host } = ctx;
    const analysis = (await host.analyze()) as WorkbookAnalysis;
    expect(await host.buildSummary(analysis)).toBe(NAME);
    const s = fake.sheet(NAME);
    expect(fake.activeSheet).toBe(s);
    expect(s.customProperties.get(OWNER_PROPERTY.toLowerCase())?.value).toBe("summary");
    expect(s.get("A1").value).toBe(NAME);
    // The stamp: date and time, the source workbook (Workbook.name), the rules in words.
    expect(s.get("A3").value).toMatch(/^Prodotto da Piano Performance il \d\d\/\d\d\/\d{4} alle \d\d:\d\d dalla cartella «Cartel1\.xlsx» · impronta [0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(s.get("A4").value).toContain("Limite massimo: 100%");
    expect(s.merges).toContainEqual({ top: 3, left: 0, bottom: 3, right: 12 });
    // Objectives table: title row 6, header row 7, 18 rows from row 8, totals row 26.
    expect(s.get("A6").value).toBe("Obiettivi operativi");
    expect(s.get("L7").value).toBe("Performance");
    const perf = Array.from({ length: 18 }, (_, i) => s.get(`L${8 + i}`));
    perf.forEach((c, i) => expect(c.value as number).toBeCloseTo(analysis.result.objectives[i].performance as number, 12));
    expect(perf[0].numberFormat).toBe("0.00%");
    expect(s.get("H8").numberFormat).toContain("€");
    expect(s.get("H20").value).toBe("risorse interne");
    expect(s.get("E8")).toMatchObject({ numberFormat: "@", formula: null });
    expect(s.get("A26").value).toBe("Totale");
    expect(s.get("L26").value as number).toBeCloseTo(analysis.result.performance as number, 12);
    // A roll-up: its label spans A:F (merged across, one area per row), the numbers keep their own columns.
    expect(s.get("A27").value).toMatch(/^\* Missione non indicata/);
    expect(s.get("A29").value).toBe("Per obiettivo strategico");
    expect(s.get("A30").value).toBe("Obiettivo strategico");
    expect(s.merges).toContainEqual({ top: 29, left: 0, bottom: 29, right: 5 });
    expect(s.merges).toContainEqual({ top: 30, left: 0, bottom: 30, right: 5 });
    expect(s.get("L30").value).toBe("Performance media");
    expect(s.get("L31").value as number).toBeCloseTo(analysis.result.rollups.obiettivoStrategico[0].performance as number, 12);
    // Links from the objectives to their cards, and from the Problemi table to the cells.
    expect(s.get("E8").hyperlink?.documentReference).toBe(`'${analysis.result.objectives[0].sheet}'!${analysis.result.objectives[0].cell}`);
    const linked = cells(s).filter((c) => c.hyperlink);
    const located = analysis.problems.filter((p) => p.sheet && p.cell);
    expect(linked.length).toBeGreaterThanOrEqual(located.length + 18);
    for (const p of located) expect(linked.some((c) => c.hyperlink?.documentReference === `'${p.sheet}'!${p.cell}`)).toBe(true);
    // Traffic lights as conditional formats: 3 per lit column (performance and Semaforo) of the seven
    // tables (objectives, five roll-ups, the indicators by Tipologia).
    expect(s.conditionalFormats.length).toBe(7 * 2 * 3);
    expect(s.conditionalFormats[0]).toMatchObject({ type: "Custom", range: `'${NAME}'!L8:L26` });
    expect(s.conditionalFormats[0].props["custom.rule.formula"]).toBe("=AND(ISNUMBER(L8),L8>=0.9)");
    // The bar chart, in its band under the tables (inside the print area).
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]).toMatchObject({ type: "BarClustered", source: `'${NAME}'!L8:L25`, xAxisValues: `'${NAME}'!E8:E25`, legendVisible: false });
    expect(s.charts[0].title).toBeTruthy();
    expect(s.frozenRows).toBe(2);
    expect(s.columnWidths.size).toBe(13);
    // Registered in the settings sheet for the headless path, with the summary's fingerprint.
    const settings = fake.sheet(SETTINGS_SHEET_NAME);
    const grid = { sheets: [{ name: settings.name, startRow: 0, startCol: 0, values: toMatrix(settings), formats: [], merges: [] }] };
    expect(readSettings(grid).ownedSheets).toContain(NAME);
    expect(readSettings(grid).summaries).toEqual([{ sheet: NAME, fingerprint: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}$/) }]);
    // Nothing beyond the manifest's requirement set (1.13 is the guarded merge read).
    expect(fake.runs[1].options).toEqual({ delayForCellEdit: true });
    expect(["1.12", "1.13"]).toContain(fake.maxApiUsed);
  });

  test("page layout: A4 landscape, one page wide, title rows repeated, print area with the chart, header and footer (ExcelApi 1.9)", async () => {
    const { fake, host } = ctx;
    await host.buildSummary(await host.analyze());
    const s = fake.sheet(NAME);
    const layout = s.pageLayout;
    expect(layout.props).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, centerHorizontally: true });
    const chart = s.charts[0];
    expect(chart.position?.end).toMatch(/^M\d+$/);
    expect(layout.printArea).toBe(`A1:${chart.position!.end}`);
    expect(layout.printTitleRows).toBe("$1:$2");
    expect(layout.headersFooters).toEqual({
      centerHeader: `&B${NAME}`,
      leftFooter: expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d · Cartel1\.xlsx$/),
      rightFooter: "Pagina &P di &N",
    });
  });

  test("names beginning with =, +, -, @ land as text", async () => {
    const { fake, host } = ctx;
    const first = (await host.analyze()) as WorkbookAnalysis;
    const names = ["=SOMMA(1;2)", "+39 obiettivo", "-meno ritardi", "@utenti"];
    first.result.objectives.slice(0, 4).forEach((o, i) => fake.sheet(o.sheet as string).set(o.cell as string, names[i]));
    fake.sheet(first.result.objectives[4].sheet as string).set("C14", "=HYPERLINK(\"http://x\")");
    const analysis = (await host.analyze()) as WorkbookAnalysis;
    await host.buildSummary(analysis);
    const s = fake.sheet(NAME);
    for (const n of names) {
      const found = cells(s).filter((c) => c.value === n);
      expect(found.length).toBeGreaterThan(0);
      for (const c of found) expect(c.formula).toBeNull();
    }
    expect(cells(s).some((c) => c.value === "=HYPERLINK(\"http://x\")" && c.formula === null)).toBe(true);
    expect(cells(s).every((c) => c.formula === null)).toBe(true);
  });

  test("a user's sheet of the same name is untouched: a new name is used", async () => {
    const { fake, host } = ctx;
    const mine = fake.addSheet(NAME);
    mine.set("A1", "Il mio riepilogo");
    mine.set("B2", 0.5, { formula: "=1/2", numberFormat: "0%" });
    const before = sheetSnapshot(fake, NAME);
    const name = await host.buildSummary(await host.analyze());
    expect(name).toBe(`${NAME} (2)`);
    expect(sheetSnapshot(fake, NAME)).toEqual(before);
    expect(fake.sheet(name).get("A1").value).toBe(NAME);
  });

  test("the add-in's own sheet is cleared and refilled, never deleted; twice gives the same sheet", async () => {
    const { fake, host } = ctx;
    const analysis = await host.analyze();
    await host.buildSummary(analysis);
    const s = fake.sheet(NAME);
    const first = sheetSnapshot(fake, NAME);
    // Leftovers a refresh must clear: a stray value far away, and the user renaming nothing.
    s.set("Z200", "vecchio");
    await host.buildSummary(analysis);
    expect(fake.sheet(NAME)).toBe(s);
    expect(fake.deletedSheets).toEqual([]);
    expect(s.get("Z200").value).toBe("");
    expect(s.charts).toHaveLength(1);
    expect(sheetSnapshot(fake, NAME)).toEqual(first);
    expect(fake.sheets.filter((x) => x.name.startsWith("Riepilogo"))).toHaveLength(1);
  });

  test("a protected summary sheet: a clear message and nothing half-written", async () => {
    const { fake, host } = ctx;
    const analysis = await host.analyze();
    await host.buildSummary(analysis);
    fake.sheet(NAME).protected = true;
    const before = fake.snapshot();
    const err = await host.buildSummary(analysis).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelHostError);
    expect((err as Error).message).toContain(`«${NAME}» è protetto`);
    expect(fake.snapshot()).toEqual(before);
  });
});

function toMatrix(sheet: SheetData) {
  const out: (string | number | boolean | null)[][] = [];
  for (const [k, c] of sheet.cells) {
    const [r, col] = k.split(",").map(Number);
    while (out.length <= r) out.push([]);
    while (out[r].length <= col) out[r].push("");
    out[r][col] = c.value;
  }
  return out.map((row) => row.map((v) => v ?? ""));
}
