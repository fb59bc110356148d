// gridFromWorkbook: the open workbook as the reader's cell model, in a constant number of syncs.
import { analyzeWorkbook } from "../../src/core/reader";
import type { WorkbookGrid } from "../../src/core/reader/grid";
import { gridFromWorkbook, parseAreas } from "../../src/excel/readGrid";
import { READ_LIMITS } from "../../src/excel/readBoxes";
import { FakeExcel } from "./fakeExcel";
import { exampleGrid, fakeWith, scaledSeed } from "./workbooks";

async function readVia(_fake: FakeExcel): Promise<WorkbookGrid> {
  return (await Excel.run(async (ctx) => gridFromWorkbook(ctx))) as WorkbookGrid;
}

/** Non-empty cells of a grid as "Sheet!row,col" → [value, format, formula]. */
function cellsOf(grid: WorkbookGrid): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const s of grid.sheets)
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const f = s.formulas?.[r]?.[c] ?? "";
        if (v === "" && f === "") return;
        m.set(`${s.name}!${s.startRow + r},${s.startCol + c}`, [v, s.formats[r][c], f]);
      }),
    );
  return m;
}

describe("gridFromWorkbook", () => {
  test("reads the example workbook back cell for cell, merges included (ExcelApi 1.13)", async () => {
    const grid = exampleGrid();
    const { fake, uninstall } = fakeWith(grid, { apiVersion: "1.13" });
    try {
      const read = await readVia(fake);
      expect(read.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
      expect(cellsOf(read)).toEqual(cellsOf(grid));
      const sortM = (ms: { top: number; left: number }[]) => [...ms].sort((a, b) => a.top - b.top || a.left - b.left);
      read.sheets.forEach((s, i) => expect(sortM(s.merges)).toEqual(sortM(grid.sheets[i].merges)));
      // The reader sees the same plan and results from both.
      const a = analyzeWorkbook(read), b = analyzeWorkbook(grid);
      expect(a.result.objectives.map((o) => o.performance)).toEqual(b.result.objectives.map((o) => o.performance));
      expect(a.cardCount).toBe(18);
    } finally {
      uninstall();
    }
  });

  test("without ExcelApi 1.13 it reads no merges and never calls the 1.13 API", async () => {
    const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.12" });
    try {
      const read = await readVia(fake);
      expect(read.sheets.every((s) => s.merges.length === 0)).toBe(true);
      expect(fake.maxApiUsed).toBe("1.12");
      expect(analyzeWorkbook(read).cardCount).toBe(18);
    } finally {
      uninstall();
    }
  });

  test("the number of syncs is the same for 2 and for 200 cards", async () => {
    const counts: number[] = [];
    for (const n of [2, 200]) {
      const { fake, uninstall } = fakeWith(exampleGrid(scaledSeed(n)), { apiVersion: "1.13" });
      try {
        const read = await readVia(fake);
        expect(read.sheets).toHaveLength(n);
        counts.push(fake.syncCount);
        for (const s of fake.runs[0].syncs) {
          expect(s.requestBytes).toBeLessThan(5 * 1024 * 1024);
          expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
        }
      } finally {
        uninstall();
      }
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBe(3);
  });

  test("formulas, text that looks like a formula, errors, dates and an empty sheet", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("Dati");
    s.set("B2", 0.5, { formula: "=PIANO.PERF(C2;D2)", numberFormat: "0%" });
    s.set("B3", "=non una formula", { numberFormat: "@" });
    s.set("B4", "#N/A");
    s.set("C5", 44742, { numberFormat: "dd/mm/yyyy" });
    fake.addSheet("Vuoto");
    const uninstall = fake.install();
    try {
      const read = await readVia(fake);
      const d = read.sheets[0];
      expect([d.startRow, d.startCol, d.values.length, d.values[0].length]).toEqual([1, 1, 4, 2]);
      expect(d.values[0][0]).toBe(0.5);
      expect(d.formulas?.[0][0]).toBe("=PIANO.PERF(C2;D2)");
      expect(d.values[1][0]).toBe("=non una formula");
      expect(d.formulas?.[1][0]).toBe("");
      expect(d.values[2][0]).toBe("#N/A");
      expect([d.values[3][1], d.formats[3][1]]).toEqual([44742, "dd/mm/yyyy"]);
      expect(read.sheets[1]).toMatchObject({ name: "Vuoto", values: [], merges: [] });
    } finally {
      uninstall();
    }
  });

  test("a large sheet is read in row blocks and split over syncs only past the limits", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("Grande");
    const rows = 30_000;
    for (let r = 0; r < rows; r++) for (let c = 0; c < 6; c++) s.mutableCell(r, c).value = c === 0 ? `riga ${r}` : r * c;
    const uninstall = fake.install();
    try {
      const read = await readVia(fake);
      expect(read.sheets[0].values).toHaveLength(rows);
      expect(read.sheets[0].values[rows - 1][5]).toBe((rows - 1) * 5);
      // 180,000 cells: more than one sync's budget, so the cells take two syncs.
      expect(rows * 6).toBeGreaterThan(READ_LIMITS.cellsPerSync);
      expect(fake.syncCount).toBe(4);
      for (const sy of fake.runs[0].syncs) expect(sy.responseBytes).toBeLessThan(5 * 1024 * 1024);
    } finally {
      uninstall();
    }
  });

  test("a response that would pass 5 MB is split and retried, never lost", async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet("Testi");
    const rows = 3000;
    for (let r = 0; r < rows; r++) {
      s.mutableCell(r, 0).value = `${r} ${"testo lungo ".repeat(80)}`;
      s.mutableCell(r, 1).value = r;
    }
    const uninstall = fake.install();
    try {
      const read = await readVia(fake);
      expect(read.sheets[0].values).toHaveLength(rows);
      expect(read.sheets[0].values[rows - 1][1]).toBe(rows - 1);
      expect(String(read.sheets[0].values[1234][0]).startsWith("1234 ")).toBe(true);
      const syncs = fake.runs[0].syncs;
      const refused = syncs.filter((x) => x.responseBytes > 5 * 1024 * 1024);
      expect(refused.length).toBeGreaterThan(0);
      expect(syncs.length).toBeGreaterThan(3 + refused.length);
    } finally {
      uninstall();
    }
  });

  test("merged-area addresses are parsed, quoted sheet names included", () => {
    expect(parseAreas("'Foglio, uno'!A1:C1, 'Foglio, uno'!B3")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 1, bottom: 2, right: 1 },
    ]);
  });
});
