// Issue 10: the optional indicator columns and «Peso obiettivo», found by label (any case,
// accents or not, trailing colon, synonyms) in the card layout and the table layout alike.
import ExcelJS from "exceljs";
import { analyzeWorkbook, readWorkbook } from "../../src/core/reader";
import { gridViaFile, tmpDir } from "./helpers";

function card(headers: string[], weightLabel: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Scheda 1");
  ws.getCell("A1").value = "Obiettivo operativo";
  ws.getCell("B1").value = "Digitalizzazione";
  ws.getCell("A2").value = weightLabel;
  ws.getCell("B2").value = 0.3;
  ws.getCell("B2").numFmt = "0%";
  ws.getRow(4).values = headers;
  ws.getRow(5).values = ["Pratiche", 75, ">=", 100, 0.5, "Progressione", 50, "", "", "", ""];
  ws.getRow(6).values = ["Tempo", 125, ">=", 100, 0.5, "Soglie", "", 50, 150, 0.55, "revisione del target"];
  return wb;
}

describe("optional indicator columns", () => {
  it.each([
    [["Indicatore", "Stato", "Operatore", "Target", "Peso", "Regola", "Baseline", "Soglia minima", "Soglia massima", "Performance forzata", "Nota"], "Peso obiettivo"],
    [["INDICATORE", "Consuntivo 2022", "Operatore", "Target 2022", "Peso:", "Metodo di calcolo:", "Valore di partenza", "Valore minimo", "Eccellenza", "Forzatura", "Motivazione"], "PESO DELL'OBIETTIVO:"],
    [["Indicatore", "Stato", "Operatore", "Target", "Peso", "Modalità di calcolo", "Storico", "Soglia", "Valore massimo", "Valutazione forzata", "Note"], "Peso obiettivo"],
  ])("card layout with headers %j", async (headers, weightLabel) => {
    const { grid } = await gridViaFile(card(headers, weightLabel), tmpDir());
    const read = readWorkbook(grid);
    const o = read.plan.objectives[0];
    expect(o.objectiveWeight).toMatchObject({ value: 0.3, address: "B2" });
    const [a, b] = o.indicators;
    expect(a.rule).toMatchObject({ value: "Progressione", address: "F5" });
    expect(a.baseline).toMatchObject({ value: 50, address: "G5" });
    expect(b.thresholdMin).toMatchObject({ value: 50, address: "H6" });
    expect(b.thresholdMax).toMatchObject({ value: 150, address: "I6" });
    expect(b.forced).toMatchObject({ value: 0.55, address: "J6" });
    expect(b.note).toMatchObject({ value: "revisione del target", address: "K6" });
    const analysis = analyzeWorkbook(grid);
    const [ra, rb] = analysis.result.objectives[0].indicators;
    expect(ra.performance).toBeCloseTo(0.5, 12);
    expect(ra.rule).toBe("baseline");
    expect(rb.override).toMatchObject({ kind: "forced", note: "revisione del target", cell: "J6" });
    expect(analysis.result.objectives[0].objectiveWeight).toBe(0.3);
  });

  it("table layout: the same columns, and Peso obiettivo as a column", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Piano");
    ws.addRow(["Obiettivo operativo", "Peso obiettivo", "Indicatore", "Stato", "Operatore", "Target", "Peso", "Criterio di calcolo", "Baseline", "Performance forzata", "Nota"]);
    ws.addRow(["A", "60%", "x", 12, "<=", 10, "50%", "baseline", 15, "", ""]);
    ws.addRow(["", "", "y", 1, ">=", 10, "50%", "", "", "n.v.", "dato non pervenuto"]);
    const { grid } = await gridViaFile(wb, tmpDir());
    const analysis = analyzeWorkbook(grid);
    const o = analysis.result.objectives[0];
    expect(o.input.objectiveWeight).toMatchObject({ value: "60%", address: "B2" });
    expect(o.indicators[0].performance).toBeCloseTo(0.6, 12);
    expect(o.indicators[1].override).toMatchObject({ kind: "excluded", note: "dato non pervenuto" });
    expect(o.performance).toBeCloseTo(0.6, 12);
    expect(analysis.problems.map((p) => p.code)).toContain("OVERRIDE_EXCLUDED");
  });
});
