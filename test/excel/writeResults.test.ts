// "Calcola performance" and "Ripristina" against the strict fake, on the example workbook.
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import type { CellWrite } from "../../src/core/reader/writeback";
import { defaultPolicy } from "../../src/core/policy";
import { createExcelHost } from "../../src/excel/excelHost";
import { ExcelHostError } from "../../src/excel/errors";
import { BACKUP_SHEET_NAME } from "../../src/excel/backup";
import { OWNER_PROPERTY } from "../../src/excel/readGrid";
import { FakeExcel, type FakeExcelOptions } from "./fakeExcel";
import { exampleGrid, fakeWith, scaledSeed } from "./workbooks";

const MB5 = 5 * 1024 * 1024;
// The seed's objective performances (issue 2), in card order.
const EXPECTED = [90.74, 100, 98.12, 99.58, 92.86, 96.72, 100, 80, 99.29, 100, 100, 100, 100, 100, 99.76, 99.53, 93.03, 97.76];

type Snap = { name: string }[];
const userPart = (snap: unknown) => (snap as Snap).filter((s) => s.name !== BACKUP_SHEET_NAME);

function setup(options: FakeExcelOptions = { apiVersion: "1.13" }, grid = exampleGrid()) {
  const { fake, uninstall } = fakeWith(grid, options);
  return { fake, uninstall, host: createExcelHost() };
}

function expectAllSyncsUnder5MB(fake: FakeExcel): void {
  for (const run of fake.runs)
    for (const s of run.syncs) {
      expect(s.requestBytes).toBeLessThan(MB5);
      expect(s.responseBytes).toBeLessThan(MB5);
    }
}

describe("writeResults on the example workbook", () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => (ctx = setup()));
  afterEach(() => ctx.uninstall());

  test("the seed results land in the Performance cells, and only there", async () => {
    const { fake, host } = ctx;
    const analysis = (await host.analyze()) as WorkbookAnalysis;
    const got = analysis.result.objectives.map((o) => (o.performance ?? NaN) * 100);
    got.forEach((p, i) => expect(Math.abs(p - EXPECTED[i])).toBeLessThanOrEqual(0.01));
    const before = fake.snapshot();
    const report = await host.writeResults(analysis);

    const expectedCells = new Set<string>();
    for (const o of analysis.result.objectives) {
      const sheet = fake.sheet(o.sheet as string);
      expect(o.input.performanceCell).toBeDefined();
      const cell = sheet.get(o.input.performanceCell as string);
      expect(cell.value as number).toBeCloseTo(o.performance as number, 12);
      expect(cell.numberFormat).toContain("%");
      expectedCells.add(`${o.sheet}!${o.input.performanceCell}`);
      for (const ind of o.indicators) {
        if (!ind.performanceCell) continue;
        const c = sheet.get(ind.performanceCell);
        // An unreadable Stato is reported, and the card's stated value is left as it was.
        if (ind.status === "unreadable" || ind.status === "blank") {
          expect(c.value).toBe(o.input.indicators.find((i) => i.row === ind.row)!.stated!.value);
          continue;
        }
        expectedCells.add(`${o.sheet}!${ind.performanceCell}`);
        if (ind.performance === null) expect(c.value).toBe("n.d.");
        else expect(c.value as number).toBeCloseTo(ind.performance, 12);
      }
    }
    const changed = FakeExcel.changedCells(userPart(before), userPart(fake.snapshot()));
    expect(changed.length).toBe(report.written);
    expect(report.written).toBe(analysis.writes.length);
    for (const c of changed) expect(expectedCells).toContain(c);
    // The backup is the add-in's: very hidden and marked.
    const backup = fake.sheet(BACKUP_SHEET_NAME);
    expect(backup.visibility).toBe("VeryHidden");
    expect(backup.customProperties.get(OWNER_PROPERTY.toLowerCase())?.value).toBe("backup");
    expect(fake.sheets.map((s) => s.name)).not.toContain("Impostazioni Piano Performance");
    expectAllSyncsUnder5MB(fake);
    expect(fake.maxApiUsed).toBe("1.13");
  });

  test("every run waits for a cell edit; the writes are grouped for undo only where ExcelApi 1.20 exists", async () => {
    const { fake, host } = ctx;
    await host.writeResults(await host.analyze());
    // analyze; the write run, which finds no backup sheet and writes nothing; the backup
    // sheet's own run (docs/excel/excel-add-ins-undo-capabilities.md); the write run again.
    expect(fake.runs.map((r) => r.options)).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true }, { delayForCellEdit: true }, { delayForCellEdit: true }]);
    fake.runs.length = 0;
    await host.writeResults(await host.analyze());
    expect(fake.runs.length).toBe(2);
    const modern = setup({ apiVersion: "1.20" });
    try {
      await modern.host.writeResults(await modern.host.analyze());
      expect(modern.fake.runs.map((r) => r.options.mergeUndoGroup)).toEqual([undefined, true, undefined, true]);
    } finally {
      modern.uninstall();
    }
  });

  test("a cell holding a formula is left as it was (planned or turned into a formula since)", async () => {
    const { fake, host } = ctx;
    const first = (await host.analyze()) as WorkbookAnalysis;
    const [planned, later] = first.writes.filter((w) => w.kind === "indicator");
    // A formula that was there at analysis time…
    fake.sheet(planned.sheet).set(planned.cell, 0.5, { formula: "=PIANO.PERF(E17,F17,G17)", numberFormat: "0%" });
    const analysis = (await host.analyze()) as WorkbookAnalysis;
    expect(analysis.skippedFormulas).toBe(1);
    // …and one typed after the analysis.
    fake.sheet(later.sheet).set(later.cell, 0.25, { formula: "=0.25", numberFormat: "0%" });
    const report = await host.writeResults(analysis);
    expect(report.skippedFormulas).toBe(2);
    expect(fake.sheet(planned.sheet).get(planned.cell)).toMatchObject({ value: 0.5, formula: "=PIANO.PERF(E17,F17,G17)", numberFormat: "0%" });
    expect(fake.sheet(later.sheet).get(later.cell)).toMatchObject({ value: 0.25, formula: "=0.25", numberFormat: "0%" });
  });

  test("running twice changes nothing the second time", async () => {
    const { fake, host } = ctx;
    const first = (await host.analyze()) as WorkbookAnalysis;
    await host.writeResults(first);
    const after1 = fake.snapshot();
    const second = (await host.analyze()) as WorkbookAnalysis;
    expect(second.writes).toEqual([]);
    expect(await host.writeResults(second)).toEqual({ written: 0, skippedFormulas: 0 });
    // Even the stale first analysis finds every cell already up to date.
    expect((await host.writeResults(first)).written).toBe(0);
    expect(fake.snapshot()).toEqual(after1);
  });

  test("Ripristina puts back values, formulas and formats exactly; twice is harmless", async () => {
    const { fake, host } = ctx;
    // Awkward originals: text in General cells that Excel, if it were typed, would turn
    // into a formula (=-meno → #NAME?, =100%), a number (+39 → 39) or a percent (0.47).
    // The fake converts such input like Excel does, so only a text guard brings them back.
    const awkward: [string, string][] = [
      ["-meno", "General"],
      ["+39", "General"],
      ["47%", "General"],
      ["=100%", "General"],
      ["2022-06-30", "General"],
      ["-", "General"],
      ["=100%", "@"],
    ];
    const first = (await host.analyze()) as WorkbookAnalysis;
    const targets = first.writes.filter((w) => w.kind === "indicator").slice(0, awkward.length);
    expect(targets.length).toBe(awkward.length);
    awkward.forEach(([text, numberFormat], i) => fake.sheet(targets[i].sheet).set(targets[i].cell, text, { numberFormat }));
    const before = fake.snapshot();
    expect(await host.canRestore()).toBe(false);

    const report = await host.writeResults(await host.analyze());
    expect(report.written).toBeGreaterThan(30);
    // Every awkward original was overwritten (so the restore below has to write it back).
    const changed = FakeExcel.changedCells(before, fake.snapshot());
    for (const t of targets) expect(changed).toContain(`${t.sheet}!${t.cell}`);
    expect(await host.canRestore()).toBe(true);

    expect(await host.restore()).toBe(report.written);
    awkward.forEach(([text, numberFormat], i) =>
      expect(fake.sheet(targets[i].sheet).get(targets[i].cell)).toMatchObject({ value: text, formula: null, numberFormat, quotePrefix: false }),
    );
    expect(userPart(fake.snapshot())).toEqual(userPart(before));
    expect(await host.canRestore()).toBe(false);
    const afterRestore = fake.snapshot();
    expect(await host.restore()).toBe(0);
    expect(fake.snapshot()).toEqual(afterRestore);
    expect(fake.deletedSheets).toEqual([]);
  });

  test("the backup keeps the original across runs, and a cell the user changed since is left alone", async () => {
    const { fake, host } = ctx;
    const before = fake.snapshot();
    const a1 = (await host.analyze()) as WorkbookAnalysis;
    await host.writeResults(a1);
    // The user corrects a Stato value: the second run rewrites that card's cells.
    const ind = a1.result.objectives[0].indicators[0];
    fake.sheet(a1.result.objectives[0].sheet as string).set(ind.cell as string, 30);
    const a2 = (await host.analyze()) as WorkbookAnalysis;
    expect(a2.writes.length).toBeGreaterThan(0);
    await host.writeResults(a2);
    // …and types over one written Performance cell.
    const mine = a1.writes[5];
    fake.sheet(mine.sheet).set(mine.cell, "mio valore");
    const saved = new Set([...a1.writes, ...a2.writes].map((w) => `${w.sheet}!${w.cell}`));
    const restored = await host.restore();
    expect(restored).toBe(saved.size - 1);
    const now = fake.snapshot();
    const diff = FakeExcel.changedCells(userPart(before), userPart(now));
    expect(diff.sort()).toEqual([`${a1.result.objectives[0].sheet}!${ind.cell}`, `${mine.sheet}!${mine.cell}`].sort());
  });
});

describe("sync counts and payload", () => {
  test.each([
    ["OfficeOnline", 7],
    // On Windows the first write run also reads the merged areas the written cells depend
    // on (a read-only run may not: office-js#5918): one sync more.
    ["PC", 8],
  ] as const)("a Calcola performance run takes the same number of syncs for 2 and for 200 cards (%s)", async (platform, writeSyncs) => {
    const counts: { analyze: number; write: number }[] = [];
    for (const n of [2, 200]) {
      const { fake, host, uninstall } = setup({ apiVersion: "1.13", platform }, exampleGrid(scaledSeed(n)));
      try {
        const analysis = (await host.analyze()) as WorkbookAnalysis;
        expect(analysis.cardCount).toBe(n);
        const report = await host.writeResults(analysis);
        expect(report.written).toBeGreaterThan(n);
        counts.push({ analyze: fake.runs[0].syncs.length, write: fake.runs.slice(1).reduce((k, r) => k + r.syncs.length, 0) });
        // analyze, write (asks for the backup sheet), backup sheet, write (3 syncs).
        expect(fake.runs[3].syncs.length).toBe(3);
        expect(fake.runs.length).toBe(4);
        expectAllSyncsUnder5MB(fake);
      } finally {
        uninstall();
      }
    }
    expect(counts[0]).toEqual(counts[1]);
    expect(counts[0]).toEqual({ analyze: 3, write: writeSyncs });
  });

  test("writes too big for one request are split, each under 5 MB, and restore stays exact", async () => {
    const fake = new FakeExcel({ apiVersion: "1.13" });
    const name = "Indicatori performance 2022";
    const sheet = fake.addSheet(name);
    const rows = 60_000;
    const writes: CellWrite[] = [];
    for (let r = 0; r < rows; r++) {
      sheet.mutableCell(r, 0).value = `indicatore ${r}`;
      Object.assign(sheet.mutableCell(r, 1), { value: r % 3 === 0 ? "n.d." : 0.5, numberFormat: "0%" });
      writes.push({ sheet: name, cell: `B${r + 1}`, value: (r % 100) / 100 + 0.001, numberFormat: "0.00%", kind: "indicator", before: "", beforeFormat: "0%", objective: "o", indicator: `i${r}` });
    }
    const analysis = { cardCount: 1, writes, skippedFormulas: 0, policy: defaultPolicy() } as unknown as WorkbookAnalysis;
    const uninstall = fake.install();
    try {
      const before = fake.snapshot();
      const host = createExcelHost();
      expect((await host.writeResults(analysis)).written).toBe(rows);
      const run = fake.runs[fake.runs.length - 1];
      const writeSyncs = run.syncs.slice(2);
      expect(writeSyncs.length).toBeGreaterThan(1);
      expect(writeSyncs.reduce((n, s) => n + s.requestBytes, 0)).toBeGreaterThan(MB5);
      expect(fake.sheet(name).get("B60000").value).toBeCloseTo(0.991, 12);
      expect(await host.restore()).toBe(rows);
      expectAllSyncsUnder5MB(fake);
      // (compared as JSON: jest's deep equality is slow on 60,000 cells)
      expect(JSON.stringify(userPart(fake.snapshot()))).toBe(JSON.stringify(userPart(before)));
    } finally {
      uninstall();
    }
    // 60,000 cells through the strict fake take ~4 s: close to jest's 5 s default on a
    // shared, loaded machine. This checks correctness, not speed (that is bench/'s job).
  }, 30_000);
});

describe("refusals: a clear Italian message and nothing half-written", () => {
  test("a protected sheet", async () => {
    const { fake, host, uninstall } = setup();
    try {
      const analysis = (await host.analyze()) as WorkbookAnalysis;
      const lockedName = analysis.writes[analysis.writes.length - 1].sheet;
      fake.sheet(lockedName).protected = true;
      const before = fake.snapshot();
      const err = await host.writeResults(analysis).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ExcelHostError);
      expect((err as ExcelHostError).code).toBe("protected");
      expect((err as Error).message).toContain(`«${lockedName}» è protetto`);
      expect((err as Error).message).toContain("nessuna cella è stata modificata");
      expect(fake.snapshot()).toEqual(before);
    } finally {
      uninstall();
    }
  });

  test("Ripristina on a sheet protected since: refused, nothing restored, the backup kept", async () => {
    const { fake, host, uninstall } = setup();
    try {
      const analysis = (await host.analyze()) as WorkbookAnalysis;
      await host.writeResults(analysis);
      fake.sheet(analysis.writes[0].sheet).protected = true;
      const before = fake.snapshot();
      await expect(host.restore()).rejects.toMatchObject({ code: "protected", message: expect.stringContaining(analysis.writes[0].sheet) });
      expect(fake.snapshot()).toEqual(before);
      expect(await host.canRestore()).toBe(true);
    } finally {
      uninstall();
    }
  });

  test("a workbook with no cards", async () => {
    const fake = new FakeExcel({ apiVersion: "1.13" });
    fake.addSheet("Note").set("A1", "Appunti della riunione");
    const uninstall = fake.install();
    try {
      const host = createExcelHost();
      const before = fake.snapshot();
      const analysis = await host.analyze();
      expect(analysis.cardCount).toBe(0);
      await expect(host.writeResults(analysis)).rejects.toMatchObject({ code: "noCards", message: expect.stringContaining("nessuna scheda obiettivo") });
      await expect(host.buildSummary(analysis)).rejects.toMatchObject({ code: "noCards" });
      expect(fake.snapshot()).toEqual(before);
    } finally {
      uninstall();
    }
  });

  test("a cell being edited: on a host that cannot wait, refused; on one that can, it waits", async () => {
    const old = setup({ apiVersion: "1.13", honorsDelayForCellEdit: false });
    try {
      const analysis = await old.host.analyze();
      const before = old.fake.snapshot();
      old.fake.beginCellEdit();
      await expect(old.host.writeResults(analysis)).rejects.toMatchObject({ code: "cellEditing", message: expect.stringContaining("modalità di modifica") });
      expect(old.fake.snapshot()).toEqual(before);
    } finally {
      old.uninstall();
    }
    const modern = setup();
    try {
      const analysis = await modern.host.analyze();
      modern.fake.beginCellEdit();
      const pending = modern.host.writeResults(analysis);
      setTimeout(() => modern.fake.endCellEdit(), 10);
      expect((await pending).written).toBeGreaterThan(0);
    } finally {
      modern.uninstall();
    }
  });

  test("an Excel without the required API set, and a sheet deleted since the analysis", async () => {
    const old = setup({ apiVersion: "1.11" });
    try {
      await expect(old.host.analyze()).rejects.toMatchObject({ code: "apiNotSupported", message: expect.stringContaining("ExcelApi 1.12") });
      expect(old.fake.runs).toHaveLength(0);
    } finally {
      old.uninstall();
    }
    const { fake, host, uninstall } = setup();
    try {
      const analysis = (await host.analyze()) as WorkbookAnalysis;
      const gone = analysis.writes[0].sheet;
      fake.sheets = fake.sheets.filter((s) => s.name !== gone);
      const before = fake.snapshot();
      await expect(host.writeResults(analysis)).rejects.toMatchObject({ code: "sheetMissing", message: expect.stringContaining(gone) });
      expect(fake.snapshot()).toEqual(before);
    } finally {
      uninstall();
    }
  });
});
