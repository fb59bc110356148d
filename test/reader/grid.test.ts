// The ExcelJS adapter gives the reader exactly the Office.js cell model, from a real file.
import ExcelJS from "exceljs";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { serialFromYmd } from "../../src/core/dates";
import { gridViaFile, tmpDir } from "./helpers";

describe("gridFromExcelJs", () => {
  let sheet: ReturnType<typeof gridFromExcelJs>["sheets"][number];
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Celle");
    ws.getCell("B2").value = 12.5;
    ws.getCell("C2").value = 0.125;
    ws.getCell("C2").numFmt = "0.0%";
    ws.getCell("D2").value = new Date(Date.UTC(2022, 5, 30));
    ws.getCell("D2").numFmt = "dd/mm/yyyy";
    ws.getCell("E2").value = 44742; // a plain serial with a date format: ExcelJS returns a Date
    ws.getCell("E2").numFmt = "dd/mm/yyyy";
    ws.getCell("F2").value = { formula: "B2*2", result: 25 };
    ws.getCell("G2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("H2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("B3").value = { richText: [{ text: "ricco " }, { font: { bold: true }, text: "testo" }] };
    ws.getCell("C3").value = { text: "sito", hyperlink: "https://example.org" };
    ws.getCell("D3").value = true;
    ws.getCell("E3").value = "=non una formula";
    ws.mergeCells("B4:D5");
    ws.getCell("B4").value = "unito";
    ws.getCell("H5").value = "ultimo";
    sheet = (await gridViaFile(wb, tmpDir())).grid.sheets[0];
  });

  it("starts at the used range and keeps its shape", () => {
    expect(sheet).toMatchObject({ name: "Celle", startRow: 1, startCol: 1 });
    expect(sheet.values).toHaveLength(4);
    for (const row of sheet.values) expect(row).toHaveLength(7);
    expect(sheet.formats[0]).toHaveLength(7);
  });

  it("turns typed cells into Office.js values", () => {
    const [r2, r3, r4, r5] = sheet.values;
    expect(r2[0]).toBe(12.5);
    expect(r2[1]).toBe(0.125);
    expect(sheet.formats[0][1]).toBe("0.0%");
    expect(r2[2]).toBe(serialFromYmd(2022, 6, 30));
    expect(r2[3]).toBe(44742);
    expect(sheet.formats[0][3]).toBe("dd/mm/yyyy");
    expect(r2[4]).toBe(25);
    expect(r2[5]).toBe("#N/A");
    expect(r2[6]).toBe("#DIV/0!");
    expect(r3.slice(0, 4)).toEqual(["ricco testo", "sito", true, "=non una formula"]);
    expect(r4.slice(0, 3)).toEqual(["unito", "", ""]);
    expect(r5.slice(0, 3)).toEqual(["", "", ""]);
    expect(r5[6]).toBe("ultimo");
    expect(r4[4]).toBe("");
  });

  it("gives formulas only where a cell holds one, and the merged areas", () => {
    expect(sheet.formulas?.[0][4]).toBe("=B2*2");
    expect(sheet.formulas?.[0][6]).toBe("=1/0");
    expect(sheet.formulas?.[1][3]).toBe("");
    expect(sheet.merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 3 }]);
  });

  it("gives an empty grid for an empty sheet", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Vuoto");
    expect(gridFromExcelJs(wb).sheets[0]).toMatchObject({ name: "Vuoto", values: [], merges: [] });
  });
});
