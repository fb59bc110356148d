// The browser preview's host, run under node with the real ExcelJS: it must compute what
// the CLI computes on the example workbook, write and restore exactly, build the summary,
// and fail in Italian on a file that is not a workbook.
import ExcelJS from "exceljs";
import seedJson from "../../assets/seed/pira-2022.json";
import { buildExampleWorkbook, gridFromExcelJs, type SeedPlan } from "../../src/adapters/exceljs";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { readSettings } from "../../src/core/reader/settings";
import { defaultPolicy } from "../../src/core/policy";
import { PreviewHost } from "../../src/preview/previewHost";
import { cellText } from "../../src/preview/cellText";

// The example has 18 cards: opening, computing and downloading it takes seconds on a busy machine.
jest.setTimeout(30_000);

const SEED_PERCENT = [90.74, 100, 98.12, 99.58, 92.86, 96.72, 100, 80, 99.29, 100, 100, 100, 100, 100, 99.76, 99.53, 93.03, 97.76];

async function exampleBytes(): Promise<ArrayBuffer> {
  const wb = buildExampleWorkbook(new ExcelJS.Workbook(), seedJson as SeedPlan);
  const buf = await wb.xlsx.writeBuffer();
  return buf as ArrayBuffer;
}

function newHost(bytes: () => Promise<ArrayBuffer | null> = exampleBytes): PreviewHost {
  return new PreviewHost({ loadExcelJs: async () => ExcelJS, fetchExample: bytes });
}

async function reload(blob: Blob): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await blob.arrayBuffer());
  return wb;
}

describe("preview host", () => {
  test("opens the example and computes the seed's 18 objective performances", async () => {
    const host = newHost();
    await host.openExample();
    const a = await host.analyze();
    expect(a.cardCount).toBe(18);
    // The seed prints two decimals (98,12 for 98,125…): equal within half a hundredth.
    a.result.objectives.forEach((o, i) => expect(Math.abs(o.performance! * 100 - SEED_PERCENT[i])).toBeLessThanOrEqual(0.0051));
    // Exactly what the CLI path computes from the same bytes.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exampleBytes());
    const cli = analyzeWorkbook(gridFromExcelJs(wb));
    expect(a.result).toEqual(cli.result);
    expect(host.getSnapshot().sheetNames).toHaveLength(18);
  });

  test("writes the results, restores exactly, and the download holds what the pane shows", async () => {
    const host = newHost();
    await host.openExample();
    const before = await reload(await host.download());
    const a = await host.analyze();
    const writes = (a as unknown as { writes: { sheet: string; cell: string; value: number | null }[] }).writes;
    expect(writes.length).toBeGreaterThan(0);
    const report = await host.writeResults(a);
    expect(report.written).toBe(writes.length);
    expect(await host.canRestore()).toBe(true);

    const after = await reload(await host.download());
    for (const w of writes) {
      const v = after.getWorksheet(w.sheet)!.getCell(w.cell).value;
      if (w.value === null) expect(v).toBe("n.d.");
      else expect(v).toBeCloseTo(w.value, 12);
    }
    // A second analysis has nothing left to write.
    expect((await host.analyze()).changes).toEqual([]);

    expect(await host.restore()).toBe(writes.length);
    expect(await host.canRestore()).toBe(false);
    const restored = await reload(await host.download());
    for (const w of writes) {
      const c0 = before.getWorksheet(w.sheet)!.getCell(w.cell);
      const c1 = restored.getWorksheet(w.sheet)!.getCell(w.cell);
      expect(c1.value).toEqual(c0.value);
      // Formats of the indicators' cells come back; see the next test for the objectives'.
      if ((w as { kind?: string }).kind === "indicator") expect(c1.numFmt).toEqual(c0.numFmt);
    }
  });

  // Issue 13: «Ripristina» after two runs puts back what was there before the FIRST run, as the
  // backup sheet does in Excel (it keeps a cell's first original), not the first run's values.
  test("Ripristina after two runs (rules changed in between) gives back the original workbook, cell for cell", async () => {
    const host = newHost();
    await host.openExample();
    const before = await reload(await host.download());
    const first = await host.analyze();
    await host.writeResults(first);
    // A different cap: the second run rewrites cells the first one wrote, and writes others.
    await host.savePolicy({ ...defaultPolicy(), cap: 1.2 });
    const second = await host.analyze();
    const firstCells = new Set((first as unknown as { writes: { sheet: string; cell: string }[] }).writes.map((w) => `${w.sheet}!${w.cell}`));
    const secondWrites = (second as unknown as { writes: { sheet: string; cell: string }[] }).writes;
    expect(secondWrites.some((w) => firstCells.has(`${w.sheet}!${w.cell}`))).toBe(true);
    expect(secondWrites.some((w) => !firstCells.has(`${w.sheet}!${w.cell}`))).toBe(true);
    await host.writeResults(second);
    await host.restore();
    const restored = await reload(await host.download());
    let cells = 0;
    const differ: string[] = [];
    for (const ws0 of before.worksheets) {
      const ws1 = restored.getWorksheet(ws0.name)!;
      const rows = Math.max(ws0.rowCount, ws1.rowCount);
      const cols = Math.max(ws0.columnCount, ws1.columnCount);
      for (let r = 1; r <= rows; r++) {
        for (let c = 1; c <= cols; c++) {
          const c0 = ws0.getCell(r, c);
          const c1 = ws1.getCell(r, c);
          if (JSON.stringify([c1.value, c1.numFmt]) !== JSON.stringify([c0.value, c0.numFmt])) differ.push(`${ws0.name}!${c0.address}: ${JSON.stringify(c1.value)} ≠ ${JSON.stringify(c0.value)}`);
          cells++;
        }
      }
    }
    expect(differ).toEqual([]);
    expect(cells).toBeGreaterThan(2000);
  }, 30_000);

  // An EMPTY cell formatted "0.00%" (the example's "Performance obiettivo" cells) must keep
  // its format through Calcola and Ripristina, as Office.js reports it.
  test("restore gives an empty percent-formatted objective cell its format back", async () => {
    const host = newHost();
    await host.openExample();
    const before = await reload(await host.download());
    const a = await host.analyze();
    const objectiveWrites = (a as unknown as { writes: { sheet: string; cell: string; kind: string }[] }).writes.filter((w) => w.kind === "objective");
    expect(objectiveWrites.length).toBeGreaterThan(0);
    await host.writeResults(a);
    await host.restore();
    const restored = await reload(await host.download());
    for (const w of objectiveWrites) {
      expect(restored.getWorksheet(w.sheet)!.getCell(w.cell).numFmt).toEqual(before.getWorksheet(w.sheet)!.getCell(w.cell).numFmt);
    }
  });

  test("summary sheet: built, registered as the add-in's own, refreshed in place, shown", async () => {
    const host = newHost();
    await host.openExample();
    const name = await host.buildSummary(await host.analyze());
    expect(name).toBe("Riepilogo performance 2022");
    expect(host.getSnapshot().activeSheet).toBe(name);
    const grid = host.sheetGrid(name)!;
    expect(grid.values.flat()).toContain("Riepilogo performance 2022");
    const again = await host.buildSummary(await host.analyze());
    expect(again).toBe(name);
    const names = host.getSnapshot().sheetNames;
    expect(names.filter((n) => n.startsWith("Riepilogo performance"))).toHaveLength(1);
    // The reader skips the add-in's sheets: still 18 cards.
    expect((await host.analyze()).cardCount).toBe(18);
  });

  test("selectCell shows the sheet and the cell; an unknown sheet is an Italian error", async () => {
    const host = newHost();
    await host.openExample();
    const sheet = host.getSnapshot().sheetNames[3];
    await host.selectCell(sheet, "$e$20");
    expect(host.getSnapshot()).toMatchObject({ activeSheet: sheet, selected: { sheet, cell: "E20" } });
    await expect(host.selectCell("Non esiste", "A1")).rejects.toThrow("Il foglio «Non esiste» non esiste nella cartella.");
  });

  test("policy saved in the workbook changes the numbers; the empty card is a card", async () => {
    const host = newHost();
    await host.openExample();
    const p = defaultPolicy();
    p.cap = null;
    await host.savePolicy(p);
    expect(await host.loadPolicy()).toEqual(p);
    const wb = await reload(await host.download());
    expect(readSettings(gridFromExcelJs(wb)).policy).toEqual(p);

    const name = await host.insertEmptyCard();
    expect(name).toBe("Nuova scheda");
    const a = await host.analyze();
    expect(a.skippedSheets).not.toContain(name);
    expect(a.result.objectives.some((o) => o.sheet === name)).toBe(true);
  });

  test("an empty workbook has no cards", async () => {
    const host = newHost(async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Note").getCell("A1").value = "appunti";
      return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    });
    await host.openExample();
    const a = await host.analyze();
    expect(a.cardCount).toBe(0);
    expect(a.skippedSheets).toEqual(["Note"]);
  });

  test("opens a user's own .xlsx (read in memory) and computes it", async () => {
    const host = newHost();
    await host.openExample();
    // A one-card workbook of the user's, in the card layout.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mia scheda");
    ws.getCell("A1").value = "Obiettivo operativo:";
    ws.getCell("B1").value = "Sportello digitale";
    ws.getRow(3).values = ["Indicatori", "Stato 2023", "Operatore", "Target 2023", "Performance", "Peso"];
    ws.getRow(4).values = ["Pratiche", 30, ">=", 40, null, 0.5];
    ws.getRow(5).values = ["Tempi", 12, "<=", 10, null, 0.5];
    await host.open((await wb.xlsx.writeBuffer()) as ArrayBuffer, "mio-piano.xlsx");
    const a = await host.analyze();
    expect(a.cardCount).toBe(1);
    expect(a.result.year).toBe(2023);
    expect(a.result.objectives[0].name).toBe("Sportello digitale");
    expect(a.result.objectives[0].performance).toBeCloseTo((0.75 + 10 / 12) / 2, 12);
  });

  test("a file that is not a workbook: Italian message, previous workbook kept", async () => {
    const host = newHost();
    await host.openExample();
    const junk = new TextEncoder().encode("questo non è un file xlsx").buffer as ArrayBuffer;
    await expect(host.open(junk, "note.txt")).rejects.toThrow("Impossibile aprire «note.txt»");
    expect(host.getSnapshot().loadError).toMatch(/non è una cartella di lavoro/);
    expect((await host.analyze()).cardCount).toBe(18);
  });

  test("no example available and nothing opened: operations fail with a clear message", async () => {
    const host = newHost(async () => null);
    await expect(host.openExample()).rejects.toThrow(/esempio non è disponibile/);
    await expect(host.analyze()).rejects.toThrow("Nessuna cartella aperta");
  });
});

describe("preview grid text", () => {
  test("shows values as Excel would in Italian", () => {
    expect(cellText(0.9074, "0.00%")).toBe("90,74%");
    expect(cellText(0.5, "0%")).toBe("50%");
    expect(cellText(44742, "dd/mm/yyyy")).toBe("30/06/2022");
    expect(cellText(335374.13, '#,##0.00 "€"')).toBe("335.374,13 €");
    expect(cellText(5441, "General")).toBe("5.441");
    expect(cellText(true, "General")).toBe("VERO");
    expect(cellText("", "General")).toBe("");
    expect(cellText("=SOMMA(A1)", "@")).toBe("=SOMMA(A1)");
  });
});

describe("preview: files the package check refuses (issue 14)", () => {
  test("an .ods-like zip and a huge merge: Italian message saying what, previous workbook kept", async () => {
    const { zipParts, bytes, tampered, addMerge } = await import("../xlsx/hostile");
    const host = newHost();
    await host.openExample();
    const ods = zipParts({ mimetype: bytes("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": bytes("<x/>"), "META-INF/manifest.xml": bytes("<m/>") });
    await expect(host.open(new Uint8Array(ods).buffer as ArrayBuffer, "piano.ods")).rejects.toThrow("Impossibile aprire «piano.ods»: il file è un foglio di calcolo OpenDocument");
    expect(host.getSnapshot().fileName).toBe("esempio-piano-2022.xlsx");
    const merge = await tampered((p) => addMerge(p, "A1:XFD1048576"));
    await expect(host.open(new Uint8Array(merge).buffer as ArrayBuffer, "unione.xlsx")).rejects.toThrow("l'unione di celle A1:XFD1048576");
    expect((await host.analyze()).cardCount).toBe(18);
  });
});

describe("preview: the sheet view's cached grid (issue 14)", () => {
  test("is kept across selections but rebuilt after a write", async () => {
    const host = newHost();
    await host.openExample();
    const a = await host.analyze();
    const w = (a as unknown as { writes: { sheet: string; cell: string }[] }).writes[0];
    const before = host.sheetView(w.sheet);
    await host.selectCell(w.sheet, w.cell);
    expect(host.sheetView(w.sheet)).toBe(before);
    await host.writeResults(a);
    expect(host.sheetView(w.sheet)).not.toBe(before);
  });
});
