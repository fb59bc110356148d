// Workbook grids for the task-pane tests, in the cell model Office.js gives (numbers,
// fractions with "0%" formats, "" for empty): cards laid out as the staff's workbook.
import type { CellValue } from "../../src/core/types";
import type { SheetGrid, WorkbookGrid } from "../../src/core/reader/grid";

export interface TestIndicator {
  name: string;
  actual: CellValue;
  operator: string;
  target: CellValue;
  /** Stated performance (fraction, "0%" format) or "" when not filled in. */
  stated: CellValue;
  /** Fraction. */
  weight: number;
  unit?: string;
}

export interface TestCard {
  sheet: string;
  objective: string;
  strategic?: string;
  area?: string;
  missione?: string;
  indicators: TestIndicator[];
  /** Adds a "Performance obiettivo" line below the table. */
  objectivePerformance?: boolean;
}

const HEADER = ["Indicatori", "Algoritmo", "Tipologia", "UdM", "Stato 2022", "Operatore", "Target 2022", "Performance", "Peso"];
const WIDTH = HEADER.length;

function row(cells: CellValue[]): CellValue[] {
  const r = cells.slice();
  while (r.length < WIDTH) r.push("");
  return r;
}

/** A card sheet: header block from row 1 (labels in A, values in B), a blank row, the table. */
export function cardSheet(card: TestCard): SheetGrid {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const push = (cells: CellValue[], fmts: Record<number, string> = {}) => {
    values.push(row(cells));
    formats.push(Array.from({ length: WIDTH }, (_v, i) => fmts[i] ?? "General"));
  };
  push(["Missione", card.missione ?? "011 - Competitività e sviluppo delle imprese"]);
  push(["Programma", "005 - Promozione"]);
  push(["Ambito strategico", "Sviluppo del territorio"]);
  push(["Obiettivo strategico", card.strategic ?? "Digitalizzazione"]);
  push(["Obiettivo operativo", card.objective]);
  push(["Area di responsabilità", card.area ?? "Promozione"]);
  push(["Ufficio", "Ufficio studi"]);
  push([""]);
  push(HEADER);
  for (const ind of card.indicators) {
    push(
      [ind.name, "", "Efficacia", ind.unit ?? "numero", ind.actual, ind.operator, ind.target, ind.stated, ind.weight],
      { 7: "0.00%", 8: "0%" },
    );
  }
  if (card.objectivePerformance) {
    push([""]);
    push(["Performance obiettivo", ""], { 1: "0.00%" });
  }
  return { name: card.sheet, startRow: 0, startCol: 0, values, formats, merges: [] };
}

export function workbook(...cards: TestCard[]): WorkbookGrid {
  return { sheets: cards.map(cardSheet) };
}

/** Two cards: one fully met, one partly met with a stale stated value and an unreadable Stato. */
export function twoCards(): WorkbookGrid {
  return workbook(
    {
      sheet: "OO01",
      objective: "Punto Impresa Digitale",
      indicators: [
        { name: "Assessment digitali", actual: 120, operator: ">=", target: 100, stated: 1, weight: 0.5 },
        { name: "Eventi organizzati", actual: 8, operator: ">=", target: 10, stated: 0.5, weight: 0.5 },
      ],
      objectivePerformance: true,
    },
    {
      sheet: "OO02",
      objective: "Tempi di pagamento",
      strategic: "Efficienza",
      area: "Servizi interni",
      indicators: [
        { name: "Giorni medi di pagamento", actual: 40, operator: "<=", target: 30, stated: "", weight: 0.6 },
        { name: "Pratiche evase", actual: "circa cento", operator: ">=", target: 100, stated: "", weight: 0.4 },
      ],
    },
  );
}

/** A workbook with a single sheet of notes: no card at all. */
export function notesOnly(): WorkbookGrid {
  return {
    sheets: [
      { name: "Note", startRow: 0, startCol: 0, values: [["Appunti della riunione"], ["Da completare"]], formats: [["General"], ["General"]], merges: [] },
    ],
  };
}
