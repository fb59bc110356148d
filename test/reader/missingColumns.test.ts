// Issue 13: a card whose indicator table lost a header. Each header of the example workbook
// is deleted in turn on two cards: one error per card naming the column and the card, the
// column without a header named where it holds what the missing one would, no per-indicator
// messages repeating it, and nothing written to those cards (the pane lists them).
import ExcelJS from "exceljs";
import { analyzeWorkbook } from "../../src/core/reader";
import { exampleWorkbook, gridViaFile, tmpDir } from "./helpers";

const HEADERS = ["Indicatori", "Algoritmo", "Tipologia", "UdM", "Stato", "Operatore", "Target", "Performance", "Peso"];
const ARTICLE: Record<string, string> = {
  Indicatori: "la colonna Indicatori",
  Algoritmo: "l'Algoritmo",
  Tipologia: "la Tipologia",
  UdM: "l'UdM",
  Stato: "lo Stato",
  Operatore: "l'Operatore",
  Target: "il Target",
  Performance: "la Performance",
  Peso: "il Peso",
};
const TOUCHED = [0, 12]; // OO01 PID and OO13 Sito camerale

/** The header row of a card and the columns of its table (1-based, ExcelJS). */
function headerOf(ws: ExcelJS.Worksheet): { row: number; cols: Map<string, number> } {
  for (let r = 1; r <= ws.rowCount; r++) {
    const cols = new Map<string, number>();
    ws.getRow(r).eachCell((cell, c) => {
      const t = String(cell.value ?? "");
      const h = HEADERS.find((x) => t.startsWith(x));
      if (h) cols.set(h, c);
    });
    if (cols.size === HEADERS.length) return { row: r, cols };
  }
  throw new Error(`no header in ${ws.name}`);
}

/** The example, with the touched cards' first Performance cell emptied (so a run would write them) and `header` deleted there. */
function workbook(header: string | null): { wb: ExcelJS.Workbook; sheets: string[]; letters: string[] } {
  const wb = exampleWorkbook();
  const sheets: string[] = [];
  const letters: string[] = [];
  for (const i of TOUCHED) {
    const ws = wb.worksheets[i];
    sheets.push(ws.name);
    const h = headerOf(ws);
    const perf = h.cols.get("Performance")!;
    // The first indicator's Performance emptied: a run writes it (the others keep their values).
    ws.getRow(h.row + 1).getCell(perf).value = null;
    if (header) {
      const c = h.cols.get(header)!;
      ws.getRow(h.row).getCell(c).value = null;
      letters.push(ws.getRow(h.row).getCell(c).address.replace(/\d+/g, ""));
    }
  }
  return { wb, sheets, letters };
}

const key = (p: { code: string; cell?: string }) => `${p.code}@${p.cell ?? ""}`;

describe("una colonna mancante in una scheda dell'esempio", () => {
  let control: ReturnType<typeof analyzeWorkbook>;
  let sheets: string[];
  beforeAll(async () => {
    const w = workbook(null);
    sheets = w.sheets;
    control = analyzeWorkbook((await gridViaFile(w.wb, tmpDir())).grid);
  });

  test("controllo: con tutte le intestazioni le schede toccate sono scritte e nessuna è esclusa", () => {
    for (const s of sheets) expect(control.writes.some((w) => w.sheet === s && w.kind === "indicator")).toBe(true);
    expect(control.leftOutCards).toEqual([]);
    expect(control.problems.filter((p) => p.code === "READER_MISSING_COLUMN")).toEqual([]);
  });

  test.each(HEADERS)("senza l'intestazione «%s»", async (header) => {
    const w = workbook(header);
    const analysis = analyzeWorkbook((await gridViaFile(w.wb, tmpDir())).grid);
    w.sheets.forEach((sheet, k) => {
      const missing = analysis.problems.filter((p) => p.code === "READER_MISSING_COLUMN" && p.sheet === sheet);
      // One error per card, naming the column and the card, with the column that holds it.
      expect(missing).toHaveLength(1);
      expect(missing[0].severity).toBe("error");
      expect(missing[0].message).toContain(`Manca la colonna ${header} nella scheda «${sheet}»`);
      expect(missing[0].message).toContain(`la colonna ${w.letters[k]} senza intestazione sembra ${ARTICLE[header]}`);
      expect(missing[0].cell).toMatch(new RegExp(`^${w.letters[k]}\\d+$`));
      // No message repeating it per indicator: nothing on that card that the complete card did not have.
      const before = new Set(control.problems.filter((p) => p.sheet === sheet).map(key));
      const extra = analysis.problems.filter((p) => p.sheet === sheet && p !== missing[0] && !before.has(key(p)));
      expect(extra).toEqual([]);
      expect(analysis.problems.some((p) => p.sheet === sheet && /«»/.test(p.message))).toBe(false);
      // Nothing written to that card, and the card listed as left out.
      expect(analysis.writes.filter((x) => x.sheet === sheet)).toEqual([]);
      expect(analysis.leftOutCards).toContainEqual(expect.objectContaining({ sheet, columns: [header] }));
    });
    // The other cards are written as before.
    const others = (ws: { sheet: string }[]) => ws.filter((x) => !w.sheets.includes(x.sheet)).map((x) => x.sheet + "!" + (x as { cell?: string }).cell);
    expect(others(analysis.writes)).toEqual(others(control.writes));
    expect(analysis.leftOutCards).toHaveLength(2);
  });

  test("Stato, Target e Peso mancano davvero (nessuna colonna al loro posto): l'errore c'è, senza suggerimento", async () => {
    const wb = exampleWorkbook();
    const ws = wb.worksheets[0];
    const h = headerOf(ws);
    ws.spliceColumns(h.cols.get("Target")!, 1);
    const analysis = analyzeWorkbook((await gridViaFile(wb, tmpDir())).grid);
    const missing = analysis.problems.filter((p) => p.code === "READER_MISSING_COLUMN");
    expect(missing).toHaveLength(1);
    expect(missing[0].message).toMatch(/^Manca la colonna Target nella scheda «OO01[^»]*»\. Aggiungere la colonna/);
    expect(analysis.problems.filter((p) => p.sheet === ws.name && p.code === "VALUE_UNREADABLE")).toEqual([]);
  });

  test("una colonna di note senza intestazione in una scheda completa non è un errore", async () => {
    const wb = exampleWorkbook();
    const ws = wb.worksheets[0];
    const h = headerOf(ws);
    ws.getRow(h.row + 1).getCell(12).value = "da verificare con l'ufficio";
    const analysis = analyzeWorkbook((await gridViaFile(wb, tmpDir())).grid);
    expect(analysis.problems.filter((p) => p.code === "READER_MISSING_COLUMN")).toEqual([]);
  });
});
