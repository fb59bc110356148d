// The example workbook (the 18 seed cards in the card layout, a real .xlsx) gives the
// engine's seed results, now with sheet and cell; the same plan as a table with shuffled
// columns gives the same numbers.
import path from "node:path";
import { EXAMPLE_LAYOUT, gridFromExcelJs } from "../../src/adapters/exceljs";
import { analyzeWorkbook } from "../../src/core/reader";
import type { WorkbookGrid } from "../../src/core/reader/grid";
import { parseA1 } from "../../src/core/reader/grid";
import { serialFromYmd } from "../../src/core/dates";
import { exampleWorkbook, gridViaFile, loadXlsx, rng, SEED_PERFORMANCES, seed, sheetNames, sheetOf, shuffle, TABLE_COLUMNS, tableWorkbook, tmpDir } from "./helpers";

const L = EXAMPLE_LAYOUT;
const row = (k: number) => L.firstIndicatorRow + k - 1;

describe("example workbook (card layout, typed cells)", () => {
  let analysis: ReturnType<typeof analyzeWorkbook>;
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = (await gridViaFile(exampleWorkbook(), tmpDir(), "esempio.xlsx")).grid;
    analysis = analyzeWorkbook(grid);
  });

  it("holds typed cells as a real workbook does, and the seed's anomalies as text", () => {
    const cell = (card: string, address: string) => {
      const s = grid.sheets.find((x) => x.name === sheetOf(card))!;
      const p = parseA1(address)!;
      return { value: s.values[p.row - s.startRow][p.col - s.startCol], format: s.formats[p.row - s.startRow][p.col - s.startCol] };
    };
    expect(cell("PID", `E${row(1)}`)).toEqual({ value: 101, format: "General" });
    expect(cell("PID", `H${row(1)}`)).toEqual({ value: 1, format: "0%" });
    expect(cell("PID", `I${row(1)}`)).toEqual({ value: 0.125, format: "0.0%" });
    expect(cell("PID", `E${row(5)}`)).toEqual({ value: 0.6, format: "0.0" });
    expect(cell("PID", "C11")).toEqual({ value: 335374.13, format: '#,##0.00 "€"' });
    expect(cell("Valorizzazione degli spazi", `E${row(1)}`)).toEqual({ value: 5441, format: "#,##0" });
    expect(cell("Sito camerale", `E${row(1)}`)).toEqual({ value: serialFromYmd(2022, 6, 27), format: "dd/mm/yyyy" });
    expect(cell("Sito camerale", `E${row(3)}`)).toEqual({ value: serialFromYmd(2022, 9, 23), format: "dd/mm/yy" });
    expect(cell("Salute finanziaria", `E${row(8)}`)).toEqual({ value: -0.02, format: "0%" });
    expect(cell("Composizione negoziata", `E${row(1)}`).value).toBe("11:22");
    expect(cell("Trasparenza", `E${row(1)}`).value).toBe("dal 28.10 al 14.11 2022");
    expect(cell("Trasparenza", `E${row(4)}`).value).toBe("6");
    expect(cell("Trasparenza", `G${row(4)}`).value).toBe("si");
    expect(cell("Processo di riorganizzazione", `E${row(10)}`).value).toBe("n.d.");
    expect(cell("Processo di riorganizzazione", "C11").value).toBe("risorse interne");
    const composizione = grid.sheets.find((x) => x.name === sheetOf("Composizione negoziata"))!;
    expect(composizione.values[L.headerRow - 1 - composizione.startRow][4]).toBe("Sttao 2022");
  });

  it("reads 18 cards, one per sheet, with the plan year from the headers", () => {
    expect(analysis.cardCount).toBe(18);
    expect(analysis.year).toBe(2022);
    expect(analysis.skippedSheets).toEqual([]);
    expect(analysis.result.objectives.map((o) => o.sheet)).toEqual(sheetNames);
    expect(analysis.result.objectives.map((o) => o.indicators.length)).toEqual(seed.obiettivi.map((o) => o.indicatori.length));
    expect(analysis.result.objectives.map((o) => o.name)).toEqual(seed.obiettivi.map((o) => o.obiettivoOperativo));
  });

  it("gives the 18 objective performances of the seed", () => {
    const got = analysis.result.objectives.map((o) => o.performance! * 100);
    got.forEach((p, i) => expect(Math.abs(p - SEED_PERFORMANCES[i])).toBeLessThanOrEqual(0.01));
  });

  it("reports exactly the 10 indicators of the engine issue, with sheet and cell", () => {
    const reported = analysis.problems
      .filter((p) => p.indicatorRow !== undefined)
      .map((p) => ({ sheet: p.sheet, row: p.indicatorRow, code: p.code, cell: p.cell }));
    const stated = (card: string, k: number) => ({ sheet: sheetOf(card), row: k, code: "STATED_MISMATCH", cell: `${L.columns.stated}${row(k)}` });
    const unreadable = (card: string, k: number) => ({ sheet: sheetOf(card), row: k, code: "VALUE_UNREADABLE", cell: `${L.columns.actual}${row(k)}` });
    expect(reported).toEqual([
      stated("Sostegno del turismo", 5),
      stated("Infrastrutture", 2),
      unreadable("Composizione negoziata", 1),
      unreadable("Composizione negoziata", 6),
      stated("Sito camerale", 3),
      unreadable("Trasparenza", 4),
      stated("Salute organizzativa", 3),
      stated("Salute organizzativa", 5),
      stated("Salute organizzativa", 11),
      stated("Salute organizzativa", 13),
    ]);
  });

  it("locates every indicator: Stato cell and Performance cell on its sheet", () => {
    const o = analysis.result.objectives[0];
    expect(o.cell).toBe("C8");
    expect(o.indicators[2]).toMatchObject({ sheet: sheetNames[0], cell: `E${row(3)}`, performanceCell: `H${row(3)}`, performance: 0.3 });
    expect(o.input.performanceCell).toBe(`H${row(8) + 2}`);
    expect(o.input.risorseEconomiche?.value).toBeCloseTo(335374.13, 2);
  });

  it("plans writes for the objectives' cells and the differing stated performances only", () => {
    const objectiveWrites = analysis.writes.filter((w) => w.kind === "objective");
    expect(objectiveWrites).toHaveLength(18);
    for (const w of analysis.writes) expect(w.cell).toMatch(/^H\d+$/);
    const sostegno = analysis.writes.find((w) => w.sheet === sheetOf("Sostegno del turismo") && w.cell === `H${row(5)}`);
    expect(sostegno).toMatchObject({ kind: "indicator", before: 0.47, value: 0.5 });
    // An already right "100%" is not rewritten.
    expect(analysis.writes.find((w) => w.sheet === sheetNames[0] && w.cell === `H${row(1)}`)).toBeUndefined();
    expect(analysis.changes).toHaveLength(analysis.writes.length);
  });
});

describe("the same plan as one table with shuffled columns", () => {
  it("gives the same numbers as the cards", async () => {
    const dir = tmpDir();
    const cards = analyzeWorkbook((await gridViaFile(exampleWorkbook(), dir, "cards.xlsx")).grid);
    const order = shuffle(TABLE_COLUMNS, rng(7));
    expect(order).not.toEqual(TABLE_COLUMNS);
    const table = analyzeWorkbook((await gridViaFile(tableWorkbook(seed, order), dir, "table.xlsx")).grid);
    expect(table.cardCount).toBe(18);
    expect(table.year).toBe(2022);
    expect(table.result.objectives.map((o) => o.name)).toEqual(cards.result.objectives.map((o) => o.name));
    table.result.objectives.forEach((o, i) => {
      const c = cards.result.objectives[i];
      expect(o.sheet).toBe("Piano");
      expect(o.performance).toBeCloseTo(c.performance!, 12);
      expect(o.indicators.map((x) => x.performance)).toEqual(c.indicators.map((x) => x.performance));
      expect(o.resources).toBe(c.resources);
      expect(o.input.missione).toBe(c.input.missione);
    });
    const codes = (a: typeof table) => a.problems.filter((p) => p.indicatorRow !== undefined).map((p) => `${p.code}:${p.indicatorRow}`);
    expect(codes(table).sort()).toEqual(codes(cards).sort());
    for (const p of table.problems.filter((x) => x.indicatorRow !== undefined)) expect(p).toMatchObject({ sheet: "Piano", cell: expect.stringMatching(/^[A-Q]\d+$/) });
    expect(table.result.rollups).toEqual(cards.result.rollups);
  });
});

describe("the committed example (assets/esempio-piano-2022.xlsx)", () => {
  it("is what `npm run esempio` builds from assets/seed/pira-2022.json", async () => {
    const committed = gridFromExcelJs(await loadXlsx(path.join(__dirname, "..", "..", "assets", "esempio-piano-2022.xlsx")));
    const fresh = (await gridViaFile(exampleWorkbook(), tmpDir(), "fresh.xlsx")).grid;
    expect(committed).toEqual(fresh);
  });
});
