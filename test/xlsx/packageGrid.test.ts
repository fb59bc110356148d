// The package reader (src/adapters/xlsx/grid.ts) against the ExcelJS reader: on every kind of
// workbook the tests have — the example, the real fixtures saved by openpyxl and LibreOffice,
// card and table plans, the phases' plans, hostile sheets — both give the same cell model
// (values, formats, formulas, merges, hidden states, marks). Then what only the package
// reader does as Office.js does, on hand-written parts: shared formulas moved to each cell,
// inline and rich text, phonetic runs, `_xHHHH_` escapes, 1904 dates, prefixed XML.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { gridFromPackage } from "../../src/adapters/xlsx/grid";
import { PackageError, XlsxPackage } from "../../src/adapters/xlsx";
import { analyzeWorkbook } from "../../src/core/reader";
import { packageColumnPoints } from "../../src/adapters/xlsx/columns";
import { excelJsColumnPoints } from "../../src/adapters/exceljs/print";
import { inspectPackage } from "../../src/adapters/xlsx/inspect";
import { shiftFormula } from "../../src/adapters/xlsx/sharedFormula";
import { bytesOf, differences, viaExcelJs, viaPackage } from "./readers";
import { exampleWorkbook, seed, tableWorkbook, TABLE_COLUMNS } from "../reader/helpers";
import { comparePreventivo, compareConsuntivo } from "../phases/workbooks";

const root = path.join(__dirname, "..", "..");

describe("the package reader gives the ExcelJS reader's cell model", () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ["the example (18 cards)", () => bytesOf(exampleWorkbook())],
    ["the example saved by openpyxl", async () => new Uint8Array(fs.readFileSync(path.join(root, "test/fixtures/real/esempio-openpyxl.xlsx")))],
    ["the example saved by LibreOffice", async () => new Uint8Array(fs.readFileSync(path.join(root, "test/fixtures/real/esempio-libreoffice.xlsx")))],
    ["the example as one table", () => bytesOf(tableWorkbook(seed, TABLE_COLUMNS))],
    ["a preventivo", () => bytesOf(comparePreventivo())],
    ["a consuntivo", () => bytesOf(compareConsuntivo())],
    [
      "typed cells of every kind",
      async () => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("Tipi");
        ws.getCell("B2").value = 0.125;
        ws.getCell("B2").numFmt = "0.0%";
        ws.getCell("C2").value = new Date(Date.UTC(2022, 11, 31));
        ws.getCell("C2").numFmt = "dd/mm/yyyy";
        ws.getCell("D2").value = true;
        ws.getCell("E2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
        ws.getCell("F2").value = { formula: "B2*2", result: 0.25 } as ExcelJS.CellFormulaValue;
        ws.getCell("G2").value = { formula: "H9" } as ExcelJS.CellFormulaValue;
        ws.getCell("H2").value = { richText: [{ text: "Nota " }, { font: { bold: true }, text: "grassetto" }] };
        ws.getCell("I2").value = { text: "sito", hyperlink: "https://example.org" };
        ws.getCell("J2").value = "con & < > \" ' e\u00e0";
        ws.getCell("K9").numFmt = "0%";
        ws.mergeCells("B4:D5");
        ws.getCell("B4").value = "Unita";
        const hidden = wb.addWorksheet("Nascosto", { state: "hidden" });
        hidden.getCell("A1").value = 1;
        const very = wb.addWorksheet("Molto nascosto", { state: "veryHidden" });
        very.getCell("A1").value = "x";
        wb.addWorksheet("Vuoto");
        return bytesOf(wb);
      },
    ],
  ];
  it.each(cases)("%s", async (_name, make) => {
    const bytes = await make();
    const a = await viaExcelJs(bytes);
    const b = viaPackage(bytes);
    expect(differences(a, b)).toEqual([]);
    expect(b.marksRead).toBe(true);
  });

  it("the analysis of the example is the same through both readers", async () => {
    const bytes = await bytesOf(exampleWorkbook());
    const a = analyzeWorkbook(await viaExcelJs(bytes));
    const b = analyzeWorkbook(viaPackage(bytes));
    expect(a.result.objectives).toHaveLength(18);
    expect(b.result.objectives.map((o) => o.performance)).toEqual(a.result.objectives.map((o) => o.performance));
    expect(b.result).toEqual(a.result);
    expect(b.problems).toEqual(a.problems);
    expect(b.writes).toEqual(a.writes);
  });
});

// ---- what the package reader reads as Office.js does, on parts written by hand --------

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function handWritten(sheetXml: string, opts: { strings?: string; styles?: string; workbookPr?: string; prefix?: string } = {}): Uint8Array {
  const parts: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": strToU8(`<?xml version="1.0"?><workbook ${NS}>${opts.workbookPr ?? ""}<sheets><sheet name="Foglio1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
    "xl/sharedStrings.xml": strToU8(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.strings ?? ""}</sst>`),
    "xl/styles.xml": strToU8(
      opts.styles ??
        '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/></cellXfs></styleSheet>',
    ),
  };
  return zipSync(parts);
}

const sheet = (rows: string, after = "") => `<?xml version="1.0"?><worksheet ${NS}><sheetData>${rows}</sheetData>${after}</worksheet>`;
const only = (bytes: Uint8Array) => gridFromPackage(XlsxPackage.read(bytes)).sheets[0];

describe("what the package reader reads as Office.js does", () => {
  it("moves a shared formula to each cell of its range (ECMA-376 Part 1, §18.3.1.40)", () => {
    const g = only(
      handWritten(
        sheet(
          '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1+SUM(A$1:A1)</f><v>3</v></c></row>' +
            '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>' +
            '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>9</v></c></row>',
        ),
      ),
    );
    expect(g.formulas?.map((r) => r[1])).toEqual(["=A1*2+$A$1+SUM(A$1:A1)", "=A2*2+$A$1+SUM(A$1:A2)", "=A3*2+$A$1+SUM(A$1:A3)"]);
    expect(g.values.map((r) => r[1])).toEqual([3, 6, 9]);
  });

  it("moves only references: texts, quoted sheets, functions, names, whole rows and columns as Excel does", () => {
    expect(shiftFormula('IF(A1>0,"B2",\'Foglio 2\'!C3)', 1, 1)).toBe('IF(B2>0,"B2",\'Foglio 2\'!D4)');
    expect(shiftFormula("SUM(B:B)+SUM(2:3)+LOG10(A1)+Tabella1[Peso]+Target", 2, 1)).toBe("SUM(C:C)+SUM(4:5)+LOG10(B3)+Tabella1[Peso]+Target");
    expect(shiftFormula("Foglio1!A1+[1]Dati!$B$2", -1, 0)).toBe("Foglio1!#REF!+[1]Dati!$B$2");
    expect(shiftFormula("1E+5*A1", 1, 0)).toBe("1E+5*A2");
  });

  it("joins rich-text runs and leaves out phonetic runs; decodes entities and _xHHHH_ escapes", () => {
    const g = only(
      handWritten(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve"> linea</t></r></is></c></row>'), {
        strings: '<si><r><t>Peso </t></r><r><rPr><b/></rPr><t>&amp; target</t></r><rPh sb="0" eb="1"><t>ペ</t></rPh></si><si><t>A_x000D_B_x005F_x0041_</t></si>',
      }),
    );
    expect(g.values[0]).toEqual(["Peso & target", "A\rB_x0041_", "in linea"]);
  });

  it("reads 1904 dates as the 1900 serials the reader expects (ECMA-376 Part 1, §18.2.28 date1904)", () => {
    const g = only(handWritten(sheet('<row r="1"><c r="A1" s="2"><v>43464</v></c><c r="B1" s="1"><v>0.5</v></c></row>'), { workbookPr: '<workbookPr date1904="1"/>' }));
    // 43464 in 1904 is 31/12/2022 (1462 days later in 1900's count); a percentage is not moved.
    expect(g.values[0]).toEqual([44926, 0.5]);
    expect(g.formats[0]).toEqual(["dd/mm/yyyy", "0%"]);
  });

  it("reads prefixed XML, cells without references, ISO dates, booleans and errors", () => {
    const x = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const g = only(handWritten(`<?xml version="1.0"?><x:worksheet ${x}><x:sheetData><x:row r="2"><x:c><x:v>7</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c t="d" s="2"><x:v>2022-12-31T12:00:00</x:v></x:c></x:row></x:sheetData></x:worksheet>`));
    expect(g.startRow).toBe(1);
    expect(g.values[0]).toEqual([7, true, "#DIV/0!", 44926.5]);
  });

  it("keeps only the top-left cell of a merged area, whatever the file holds under it", () => {
    const g = only(handWritten(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2" s="1"/><c r="B2"><v>4</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>')));
    expect(g.values).toEqual([[1]]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });

  it("reads strict Open XML (ISO/IEC 29500 Strict relationship types): styles and shared strings found", () => {
    const bytes = handWritten(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.75</v></c></row>'), { strings: "<si><t>Peso</t></si>" });
    const parts = unzipSync(bytes);
    const strictRels = strFromU8(parts["xl/_rels/workbook.xml.rels"]).replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\//g, "http://purl.oclc.org/ooxml/officeDocument/relationships/");
    const strict = zipSync({ ...parts, "xl/_rels/workbook.xml.rels": strToU8(strictRels) });
    const g = only(strict);
    expect(g.values[0]).toEqual(["Peso", 0.75]);
    expect(g.formats[0][1]).toBe("0%");
  });

  it("refuses a sheet cut short instead of reading fewer cells", () => {
    const cut = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2').replace(/<\/sheetData>[\s\S]*$/, "");
    expect(() => only(handWritten(cut))).toThrow(PackageError);
    expect(() => only(handWritten(sheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace("</sheetData>", "")))).toThrow(/interrotto/);
  });
});

describe("column widths for «Prepara per la stampa» from the package, as ExcelJS read them", () => {
  const files = ["test/fixtures/real/esempio-exceljs.xlsx", "test/fixtures/real/esempio-openpyxl.xlsx", "test/fixtures/real/esempio-libreoffice.xlsx", "test/fixtures/real/esempio-excel-deaths.xlsx"];
  it.each(files)("%s", async (file) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(root, file)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(inspectPackage(bytes).bytes) as unknown as ArrayBuffer);
    const grid = viaPackage(bytes);
    const fromPackage = packageColumnPoints(XlsxPackage.read(bytes), grid);
    const fromExcelJs = excelJsColumnPoints(wb);
    let compared = 0;
    for (const s of grid.sheets) {
      const width = s.values[0]?.length ?? 0;
      const a = fromPackage(s.name) ?? [];
      const b = fromExcelJs(s.name) ?? [];
      for (let c = 0; c < s.startCol + width; c++) {
        expect([s.name, c, a[c]]).toEqual([s.name, c, b[c]]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

