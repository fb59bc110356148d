// Workbooks for the phases of the year, in card and table layouts, built with ExcelJS and
// read back through a real file (see test/reader/helpers.ts).
import ExcelJS from "exceljs";

export type Row = (string | number | null)[];

/** One card per sheet: header block, then the indicator table with `headers`. */
export function cardWorkbook(cards: { sheet: string; name: string; headers: string[]; rows: Row[]; resources?: string | number }[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const c of cards) {
    const ws = wb.addWorksheet(c.sheet);
    ws.getCell("A1").value = "Missione";
    ws.getCell("B1").value = "032 - Servizi istituzionali e generali delle amministrazioni pubbliche";
    ws.getCell("A2").value = "Programma";
    ws.getCell("B2").value = "004 - Servizi generali, formativi ed approvvigionamenti per le amministrazioni pubbliche";
    ws.getCell("A3").value = "Obiettivo strategico";
    ws.getCell("B3").value = "Efficienza della struttura";
    ws.getCell("A4").value = "Obiettivo operativo";
    ws.getCell("B4").value = c.name;
    ws.getCell("A5").value = "Risorse economiche";
    ws.getCell("B5").value = c.resources ?? 10000;
    ws.getRow(7).values = c.headers;
    c.rows.forEach((r, i) => (ws.getRow(8 + i).values = r));
  }
  return wb;
}

/** One table, a row per indicator: first column Obiettivo operativo, then `headers`. */
export function flatWorkbook(headers: string[], rows: Row[], sheet = "Piano"): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(["Missione", "Programma", "Obiettivo operativo", ...headers]);
  for (const r of rows) ws.addRow(r);
  return wb;
}

const PREVENTIVO_HEADERS = ["Indicatore", "Operatore", "Target 2023", "Target 2024", "Peso"];
const CONSUNTIVO_HEADERS = ["Indicatore", "Stato 2023", "Operatore", "Target 2023", "Performance", "Peso"];

/** A preventivo 2023–2024 of two cards (the «confronta» cases of the CLI, the pane and the preview). */
export function comparePreventivo(): ExcelJS.Workbook {
  return cardWorkbook([
    { sheet: "O1", name: "Digitalizzazione", headers: PREVENTIVO_HEADERS, rows: [["Pratiche telematiche", ">=", 100, 110, 0.5], ["Tempo medio", "<=", 10, 9, 0.5]] },
    { sheet: "O2", name: "Trasparenza", headers: PREVENTIVO_HEADERS, rows: [["Pubblicazioni", ">=", 12, 12, 0.5], ["Controlli", ">=", 4, 4, 0.5]] },
  ]);
}

/** The consuntivo built from it: Stato added; one target changed, one indicator removed, one added. */
export function compareConsuntivo(): ExcelJS.Workbook {
  return cardWorkbook([
    { sheet: "O1", name: "Digitalizzazione", headers: CONSUNTIVO_HEADERS, rows: [["Pratiche telematiche", 120, ">=", 100, 1, 0.5], ["Tempo medio", 8, "<=", 12, 1, 0.5]] },
    { sheet: "O2", name: "Trasparenza", headers: CONSUNTIVO_HEADERS, rows: [["Pubblicazioni", 12, ">=", 12, 1, 0.5], ["Accessi civici evasi", 9, ">=", 8, 1, 0.5]] },
  ]);
}
