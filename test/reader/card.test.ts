// A card as people really type it: a title row, labels in capitals without colons in
// any column, merged value cells, header synonyms with a year, the operator inside the
// target cell, Italian text values, blank rows; plus a sheet of notes that is skipped.
import ExcelJS from "exceljs";
import { analyzeWorkbook, readWorkbook } from "../../src/core/reader";
import { serialFromYmd } from "../../src/core/dates";
import { exampleWorkbook, gridViaFile, tmpDir } from "./helpers";

function messyWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("Note");
  notes.getCell("A1").value = "Appunti per la relazione";
  notes.getCell("A3").value = "Indicatori da rivedere con gli uffici";
  notes.getCell("B5").value = 42;

  const ws = wb.addWorksheet("Scheda difficile");
  ws.mergeCells("A1:J1");
  ws.getCell("A1").value = "PIANO DEGLI INDICATORI 2023 - SCHEDA OBIETTIVO";
  ws.getCell("B3").value = "MISSIONE";
  ws.mergeCells("D3:H3");
  ws.getCell("D3").value = "032 - Servizi istituzionali e generali delle amministrazioni pubbliche";
  ws.getCell("B4").value = "Programma :";
  ws.getCell("C4").value = "003 - Servizi e affari generali per le amministrazioni di competenza";
  ws.getCell("D5").value = "obiettivo strategico";
  ws.getCell("F5").value = "Semplificazione";
  ws.mergeCells("A6:B6");
  ws.getCell("A6").value = "OBIETTIVO OPERATIVO";
  ws.mergeCells("C6:H6");
  ws.getCell("C6").value = "Digitalizzazione dei servizi";
  ws.getCell("B7").value = "AREA DI RESPONSABILITA'";
  ws.getCell("C7").value = "Area anagrafica";
  ws.getCell("A8").value = "Ufficio:";
  ws.getCell("C8").value = "Registro imprese";
  ws.getCell("B9").value = "Risorse economiche";
  ws.getCell("C9").value = "12.500,00 €";
  ws.getCell("A10").value = "Ambito strategico";
  ws.getCell("B10").value = "Competitività";
  ws.getCell("D10").value = "DESCRIZIONE";
  ws.getCell("E10").value = "Servizi in rete per le imprese";

  // Row.values arrays start at column B here (index 0 is column A, left empty).
  ws.getRow(12).values = [undefined, "Indicatore", "Tipo", "Unità di misura", "Valore consuntivo 2023", "Valore atteso 2023", "Grado di raggiungimento", "Peso %"];
  ws.getRow(13).values = [undefined, "Pratiche evase\nNumero di pratiche evase nell'anno", "Volume", "n.", "5.441", ">= 1.500", "100%", "25%"];
  ws.getRow(15).values = [undefined, "Tempo medio\nGiorni medi di evasione", "Efficienza", "gg", 12, "<= 10", 0.83, 0.25];
  ws.getCell("G15").numFmt = "0%";
  ws.getCell("H15").numFmt = "0%";
  ws.getRow(16).values = [undefined, "Pubblicazione del rapporto", "Efficienza", "data", "15/07/2023", "<=  30/06/2023", "", "25,0%"];
  ws.getRow(17).values = [undefined, "Regolamento approvato", "Qualità", "si/no", "si", "= si", "100%", "12,5%"];
  ws.getRow(18).values = [undefined, "Customer satisfaction", "Qualità", "n.", "n.d.", ">= 7", "n.d.", "12,5%"];
  ws.mergeCells("B20:F20");
  ws.getCell("B20").value = "PERFORMANCE OBIETTIVO";
  ws.getCell("B22").value = "* dati al 31/12/2023";
  return wb;
}

describe("a messy card", () => {
  let grid: Awaited<ReturnType<typeof gridViaFile>>["grid"];
  beforeAll(async () => {
    grid = (await gridViaFile(messyWorkbook(), tmpDir())).grid;
  });

  it("reads the header block whatever the case, colon, column or merge", () => {
    const read = readWorkbook(grid);
    expect(read.skippedSheets).toEqual(["Note"]);
    expect(read.cardCount).toBe(1);
    expect(read.year).toBe(2023);
    const o = read.plan.objectives[0];
    expect(o).toMatchObject({
      sheet: "Scheda difficile",
      cell: "C6",
      missione: "032 - Servizi istituzionali e generali delle amministrazioni pubbliche",
      programma: "003 - Servizi e affari generali per le amministrazioni di competenza",
      obiettivoStrategico: "Semplificazione",
      obiettivoOperativo: "Digitalizzazione dei servizi",
      areaResponsabilita: "Area anagrafica",
      ufficio: "Registro imprese",
      ambitoStrategico: "Competitività",
      descrizione: "Servizi in rete per le imprese",
      performanceCell: "G20",
      risorseEconomiche: { value: "12.500,00 €", address: "C9" },
    });
    expect(o.fieldCells).toMatchObject({ missione: "D3", programma: "C4", obiettivoStrategico: "F5", obiettivoOperativo: "C6" });
  });

  it("reads the table: synonyms, name and algorithm in one cell, blank rows skipped, addresses", () => {
    const o = readWorkbook(grid).plan.objectives[0];
    expect(o.indicators.map((i) => i.row)).toEqual([1, 2, 3, 4, 5]);
    expect(o.indicators[0]).toMatchObject({
      name: "Pratiche evase",
      algorithm: "Numero di pratiche evase nell'anno",
      type: "Volume",
      unit: "n.",
      actual: { value: "5.441", address: "E13" },
      target: { value: ">= 1.500", address: "F13" },
      stated: { value: "100%", address: "G13" },
      weight: { value: "25%", address: "H13" },
    });
    expect(o.indicators[0].operator).toBeUndefined();
    expect(o.indicators[1].actual).toMatchObject({ value: 12, address: "E15" });
    expect(o.indicators[2].algorithm).toBeUndefined();
    expect(o.indicators[4].actual.address).toBe("E18");
  });

  it("computes with the operator inside the target and Italian text values", () => {
    const a = analyzeWorkbook(grid);
    const ind = a.result.objectives[0].indicators;
    expect(ind[0].performance).toBe(1);
    expect(ind[1].performance).toBeCloseTo(10 / 12, 10);
    const day = (m: number, d: number) => serialFromYmd(2023, m, d) - serialFromYmd(2023, 1, 1) + 1;
    expect(ind[2].performance).toBeCloseTo(day(6, 30) / day(7, 15), 10);
    expect(ind[3].performance).toBe(1);
    expect(ind[4].status).toBe("na");
    const expected = (1 * 0.25 + (10 / 12) * 0.25 + (day(6, 30) / day(7, 15)) * 0.25 + 1 * 0.125) / 0.875;
    expect(a.result.objectives[0].performance).toBeCloseTo(expected, 10);
    expect(a.result.objectives[0].resources).toBe(12500);
    // The objective's cell is planned; the n.d. indicator's "n.d." is already right.
    expect(a.writes.find((w) => w.kind === "objective")).toMatchObject({ sheet: "Scheda difficile", cell: "G20", before: "" });
    expect(a.writes.find((w) => w.cell === "G18")).toBeUndefined();
    expect(a.skippedSheets).toEqual(["Note"]);
    expect(a.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});

describe("header recognition", () => {
  async function oneSheet(build: (ws: ExcelJS.Worksheet) => void) {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet("S"));
    return (await gridViaFile(wb, tmpDir())).grid;
  }

  it("tolerates a typo of one or two letters (Sttao, Tagret) and reads the year", async () => {
    const grid = await oneSheet((ws) => {
      ws.getCell("A1").value = "Obiettivo operativo";
      ws.getCell("B1").value = "Prova";
      ws.getRow(3).values = ["Indicatori", "Sttao 2024", "Operatore", "Tagret 2024", "Pseo"];
      ws.getRow(4).values = ["A", 5, ">=", 10, 1];
    });
    const read = readWorkbook(grid);
    expect(read.year).toBe(2024);
    expect(read.plan.objectives[0].indicators[0]).toMatchObject({ actual: { value: 5, address: "B4" }, target: { value: 10, address: "D4" }, weight: { address: "E4" } });
  });

  it("reports a card whose table lacks a required column, with its cell", async () => {
    const grid = await oneSheet((ws) => {
      ws.getCell("A1").value = "Obiettivo operativo";
      ws.getCell("B1").value = "Prova";
      ws.getRow(3).values = ["Indicatori", "Stato", "Target", "Performance"];
      ws.getRow(4).values = ["A", 5, 10, 0.5];
    });
    const read = readWorkbook(grid);
    expect(read.problems).toEqual([expect.objectContaining({ code: "READER_MISSING_COLUMN", severity: "error", sheet: "S", cell: "A3" })]);
    expect(read.problems[0].message).toMatch(/Peso/);
  });

  it("reports a sheet with card labels but no table, and an empty workbook", async () => {
    const grid = await oneSheet((ws) => {
      ws.getCell("A1").value = "Missione";
      ws.getCell("A2").value = "Programma";
      ws.getCell("A3").value = "Obiettivo operativo";
      ws.getCell("B3").value = "Da compilare";
    });
    const read = readWorkbook(grid);
    expect(read.skippedSheets).toEqual(["S"]);
    expect(read.problems.map((p) => p.code)).toEqual(["READER_NO_TABLE", "READER_NO_CARDS"]);
    expect(readWorkbook({ sheets: [] }).problems[0]).toMatchObject({ code: "READER_NO_CARDS", severity: "error" });
  });

  it("groups a table by Obiettivo operativo; a blank one (vertically merged) continues the previous", async () => {
    const grid = await oneSheet((ws) => {
      ws.getRow(1).values = ["Obiettivo operativo", "Indicatore", "Valore", "Valore atteso", "Peso", "Performance obiettivo"];
      ws.getRow(2).values = ["Alfa", "a1", 5, ">= 10", 0.5];
      ws.getRow(3).values = [null, "a2", 10, ">= 10", 0.5];
      ws.mergeCells("A2:A3");
      ws.getRow(4).values = ["Beta", "b1", "si", "= si", 1];
      ws.getRow(5).values = ["alfa ", "a3", 1, "<= 2", 0];
    });
    const read = readWorkbook(grid);
    expect(read.skippedSheets).toEqual([]);
    expect(read.plan.objectives.map((o) => [o.obiettivoOperativo, o.cell, o.performanceCell, o.indicators.map((i) => `${i.row}:${i.name}:${i.actual.address}`)])).toEqual([
      ["Alfa", "A2", "F2", ["1:a1:C2", "2:a2:C3", "3:a3:C5"]],
      ["Beta", "A4", "F4", ["1:b1:C4"]],
    ]);
    const a = analyzeWorkbook(grid);
    expect(a.result.objectives[0].performance).toBeCloseTo(0.75, 12);
    expect(a.writes.filter((w) => w.kind === "objective").map((w) => w.cell)).toEqual(["F2", "F4"]);
  });
});

describe("the 'Performance obiettivo' cell when merges are unknown", () => {
  it("is the card's Performance column on that row, not the cell inside the label's merged area", async () => {
    const { grid } = await gridViaFile(exampleWorkbook(), tmpDir());
    const withMerges = readWorkbook(grid).plan.objectives[0].performanceCell;
    // Office.js before ExcelApi 1.13 gives no merged areas: the reader must land on the same cell.
    const noMerges = readWorkbook({ sheets: grid.sheets.map((s) => ({ ...s, merges: [], mergesUnknown: true })) }).plan.objectives[0].performanceCell;
    expect(withMerges).toMatch(/^H\d+$/);
    expect(noMerges).toBe(withMerges);
  });
});
