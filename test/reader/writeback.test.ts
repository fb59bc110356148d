// The write plan: only Performance cells, never a formula, nothing the second time.
import ExcelJS from "exceljs";
import { applyWritesWithBackup, gridFromExcelJs, restoreWrites } from "../../src/adapters/exceljs";
import { analysisAfterWrites, analyzeWorkbook, applyWritesToGrid } from "../../src/core/reader";
import { evaluatePlan } from "../../src/core/plan";
import { exampleGrid } from "../excel/workbooks";
import { gridViaFile, tmpDir } from "./helpers";

function card(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Scheda");
  ws.getCell("A1").value = "Obiettivo operativo:";
  ws.getCell("B1").value = "Servizi";
  ws.getRow(3).values = ["Indicatori", "Stato 2022", "Operatore", "Target 2022", "Performance", "Peso"];
  ws.getRow(4).values = ["Uno", 3, ">=", 10, 0.3, 0.25];
  ws.getRow(5).values = ["Due", 8, ">=", 10, "70%", 0.25]; // stated as text: rewritten typed
  ws.getRow(6).values = ["Tre", 9, ">=", 10, { formula: "B6/D6", result: 0.9 }, 0.25];
  ws.getRow(7).values = ["Quattro", "11:22", ">=", 10, 1, 0.25]; // unreadable: its stated 100% stays
  ws.getRow(8).values = ["Cinque", "n.d.", ">=", 10, 1, 0.25]; // not available: "n.d." is written
  for (const r of [4, 6, 7, 8]) ws.getCell(`E${r}`).numFmt = "0%";
  ws.getCell("A9").value = "Performance obiettivo";
  return wb;
}

describe("write plan", () => {
  it("writes Performance cells and the objective's cell, skips formulas, then nothing", async () => {
    const dir = tmpDir();
    const first = await gridViaFile(card(), dir, "a.xlsx");
    const a = analyzeWorkbook(first.grid);
    expect(a.skippedFormulas).toBe(1);
    expect(a.writes.map((w) => [w.cell, w.kind, w.value, w.numberFormat, w.before])).toEqual([
      ["E5", "indicator", 0.8, "0.00%", "70%"],
      ["E8", "indicator", null, "0%", 1],
      ["B9", "objective", (0.3 + 0.8 + 0.9) / 3, "0.00%", ""],
    ]);
    expect(a.changes[0]).toEqual({ sheet: "Scheda", cell: "E5", objective: "Servizi", indicator: "Due", before: "70%", after: 0.8 });

    // As the CLI and the preview do: the writes, and the backup of what they replace.
    expect(applyWritesWithBackup(first.wb, a)).toBe(3);
    const second = await gridViaFile(first.wb, dir, "b.xlsx");
    const s = second.grid.sheets[0];
    expect(s.values[4][4]).toBe(0.8);
    expect(s.formats[4][4]).toBe("0.00%");
    expect(s.values[6][4]).toBe(1);
    expect(s.values[7][4]).toBe("n.d.");
    expect(s.formulas?.[5][4]).toBe("=B6/D6");
    // The in-memory view of the written grid matches the file.
    const predicted = applyWritesToGrid(first.grid, a.writes).sheets[0];
    expect(predicted.values).toEqual(s.values);

    const again = analyzeWorkbook(second.grid);
    expect(again.writes).toEqual([]);
    // Predicting the written workbook without reading it gives the same analysis.
    const predictedAnalysis = analysisAfterWrites(a);
    expect(predictedAnalysis.problems).toEqual(again.problems);
    // The stated 70% is still the reference: a correction, on every later run.
    expect(again.rectifications).toEqual([expect.objectContaining({ sheet: "Scheda", cell: "E5", original: 0.7, computed: 0.8, state: "written" })]);
    expect(again.problems.filter((p) => p.code === "RECTIFIED").map((p) => p.cell)).toEqual(["E5"]);
    expect(predictedAnalysis.result.objectives.map((o) => o.indicators.map((i) => [i.performance, i.stated]))).toEqual(again.result.objectives.map((o) => o.indicators.map((i) => [i.performance, i.stated])));
    expect(predictedAnalysis.writes).toEqual([]);
    // Only the objectives with a written cell are evaluated again: the result is the whole plan's.
    const whole = evaluatePlan(predictedAnalysis.plan, predictedAnalysis.policy);
    expect(JSON.parse(JSON.stringify(predictedAnalysis.result))).toEqual(JSON.parse(JSON.stringify(whole)));
    expect(again.skippedFormulas).toBe(1);
    expect(again.result.objectives[0].performance).toBeCloseTo(a.result.objectives[0].performance!, 12);

    restoreWrites(second.wb, a.writes);
    const restored = gridFromExcelJs(second.wb).sheets[0];
    expect(restored.values[4][4]).toBe("70%");
    expect(restored.values[7][4]).toBe(1);
    expect(restored.values.length).toBe(first.grid.sheets[0].values.length);
  });

  it("grows the grid when a write lands outside the used range", () => {
    const grid = { sheets: [{ name: "S", startRow: 2, startCol: 1, values: [["x"]], formats: [["General"]], merges: [] }] };
    const out = applyWritesToGrid(grid, [{ sheet: "S", cell: "D5", value: 0.5, numberFormat: "0%", kind: "objective", before: "", beforeFormat: "General", objective: "o", indicator: "" }]);
    expect(out.sheets[0]).toMatchObject({ startRow: 2, startCol: 1, values: [["x", "", ""], ["", "", ""], ["", "", 0.5]] });
    expect(grid.sheets[0].values).toEqual([["x"]]);
  });
});

describe("the analysis after the writes, on the example (18 cards, 7 corrections written)", () => {
  it("evaluates again only the cards with a written cell, and equals the whole plan's evaluation", () => {
    const a = analyzeWorkbook(exampleGrid());
    expect(a.writes.length).toBeGreaterThan(0);
    const after = analysisAfterWrites(a);
    const whole = evaluatePlan(after.plan, after.policy);
    expect(JSON.parse(JSON.stringify(after.result))).toEqual(JSON.parse(JSON.stringify(whole)));
    // Cards without an indicator write keep their result objects; the others are evaluated again.
    const writtenSheets = new Set(a.writes.filter((w) => w.kind === "indicator").map((w) => w.sheet));
    after.result.objectives.forEach((o, k) => {
      if (writtenSheets.has(o.sheet ?? "")) expect(o).not.toBe(a.result.objectives[k]);
      else expect(o).toBe(a.result.objectives[k]);
    });
    expect(after.result.objectives.some((o, k) => o === a.result.objectives[k])).toBe(true);
  });
});
