// The print decision of «Prepara per la stampa» (src/core/print/cardPrint.ts), from the
// reader's geometry only: which sheets, which rows repeat, the print area, the orientation.
import { cardPrintOf, columnCharsToPoints, planCardPrint, printableWidth } from "../../src/core/print";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import type { SheetGrid, WorkbookGrid } from "../../src/core/reader/grid";

function card(name: string, over: Partial<SheetGrid> = {}): SheetGrid {
  return {
    name,
    startRow: 2,
    startCol: 1,
    values: [
      ["Obiettivo operativo", name, "", "", ""],
      ["", "", "", "", ""],
      ["Indicatore", "Stato 2022", "Operatore", "Target 2022", "Peso"],
      ["A", 1, ">=", 1, 0.5],
      ["B", 2, ">=", 1, 0.5],
    ],
    formats: [],
    merges: [],
    ...over,
  };
}

describe("planCardPrint", () => {
  it("the sheets of the plan only (not the user's notes, not the add-in's sheets), in workbook order, in sheet coordinates", () => {
    const notes: SheetGrid = { name: "Note", startRow: 0, startCol: 0, values: [["appunti"]], formats: [], merges: [] };
    const summary: SheetGrid = { ...card("Riepilogo"), ownedBy: "summary" };
    const grid: WorkbookGrid = { sheets: [card("S2"), notes, summary, card("S1")] };
    const prints = planCardPrint(grid, analyzeWorkbook(grid).plan);
    expect(prints.map((p) => p.sheet)).toEqual(["S2", "S1"]);
    // Used range from B3: the header is on sheet row 5; the area B3:F7.
    expect(prints[0]).toMatchObject({ titleRows: "5:5", area: "B3:F7", orientation: "portrait" });
  });

  it("a header merged down over two rows repeats both; a title merged across widens the area", () => {
    const p = cardPrintOf(card("S", { merges: [{ top: 4, left: 1, bottom: 5, right: 1 }, { top: 2, left: 1, bottom: 2, right: 8 }] }))!;
    expect(p.titleRows).toBe("5:6");
    expect(p.area).toBe("B3:I7");
  });

  it("portrait while the card fits a portrait A4's printable width, landscape beyond", () => {
    const fits = printableWidth("portrait");
    const widths = (w: number) => [undefined, w, w, w, w, w];
    expect(cardPrintOf(card("S"), widths(Math.floor(fits / 5)))!.orientation).toBe("portrait");
    expect(cardPrintOf(card("S"), widths(Math.ceil(fits / 5) + 1))!.orientation).toBe("landscape");
    expect(columnCharsToPoints(8.43)).toBeCloseTo(48, 0);
  });

  it("a flat table: its header row repeats", () => {
    const table: SheetGrid = {
      name: "Piano",
      startRow: 0,
      startCol: 0,
      values: [["Obiettivo operativo", "Indicatore", "Stato 2022", "Operatore", "Target 2022", "Peso"], ...Array.from({ length: 40 }, (_v, i) => [`O${i % 4}`, `I${i}`, 1, ">=", 1, 0.25])],
      formats: [],
      merges: [],
    };
    const [p] = planCardPrint({ sheets: [table] }, analyzeWorkbook({ sheets: [table] }).plan);
    expect(p).toMatchObject({ sheet: "Piano", titleRows: "1:1", area: "A1:F41" });
  });
});
