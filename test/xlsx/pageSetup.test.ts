// The page-setup splice of «Prepara per la stampa» on worksheet parts as other writers leave
// them: every element in CT_Worksheet's order (ECMA-376 Part 1, §18.3.1.99), existing ones
// edited in place (a printer-settings r:id, gridlines, the user's paper size kept), prefixed
// namespaces, and nothing outside those elements touched.
import { withPageSetup } from "../../src/adapters/xlsx/pageSetup";
import { cardPrintOf } from "../../src/core/print";
import type { SheetGrid } from "../../src/core/reader/grid";

const grid: SheetGrid = {
  name: "Scheda",
  startRow: 0,
  startCol: 0,
  values: [
    ["Obiettivo operativo", "Digitale", "", "", ""],
    ["Indicatore", "Stato 2022", "Operatore", "Target 2022", "Peso"],
    ["A", 1, ">=", 1, 1],
  ],
  formats: [],
  merges: [],
};
const setup = cardPrintOf(grid)!;

/** Local names of the root's children, in order. */
const order = (xml: string) => [...xml.replace(/^<\?xml[^>]*\?>/, "").matchAll(/<(?:\w+:)?(\w+)[\s/>]/g)].map((m) => m[1]);

describe("withPageSetup", () => {
  it("decides from the geometry: portrait for five default columns, header row 2 repeated, area A1:E3", () => {
    expect(setup).toMatchObject({ orientation: "portrait", area: "A1:E3", titleRows: "2:2", fitToWidth: 1, fitToHeight: 0 });
  });

  it("inserts the elements in schema order around what the part has (mergeCells before, drawing and tableParts after)", () => {
    const xml =
      '<?xml version="1.0"?><worksheet xmlns="m" xmlns:r="r"><dimension ref="A1:E3"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="B1:E1"/></mergeCells><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks><drawing r:id="rId2"/><tableParts count="0"/></worksheet>';
    const out = withPageSetup(xml, setup);
    const names = order(out).filter((n) => !["row", "c", "v", "mergeCell", "hyperlink", "pageSetUpPr", "oddHeader", "oddFooter"].includes(n));
    expect(names).toEqual(["worksheet", "sheetPr", "dimension", "sheetData", "mergeCells", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "drawing", "tableParts"]);
    // Everything that was there is still there, byte for byte.
    for (const piece of ['<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>', '<mergeCells count="1"><mergeCell ref="B1:E1"/></mergeCells>', '<drawing r:id="rId2"/>']) expect(out).toContain(piece);
    expect(out).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    expect(out).toContain("<oddHeader>&amp;C&amp;A</oddHeader><oddFooter>&amp;RPagina &amp;P di &amp;N</oddFooter>");
  });

  it("edits existing elements in place: the printer settings and paper kept, the old header replaced, sheetPr's children kept", () => {
    const xml =
      '<x:worksheet xmlns:x="m" xmlns:r="r"><x:sheetPr codeName="Foglio1"><x:tabColor rgb="FFFF0000"/><x:outlinePr summaryBelow="0"/></x:sheetPr><x:sheetData/>' +
      '<x:printOptions gridLines="1"/><x:pageMargins left="1" right="1" top="1" bottom="1" header="0.5" footer="0.5"/>' +
      '<x:pageSetup paperSize="8" orientation="portrait" scale="55" r:id="rId7"/><x:headerFooter differentFirst="1"><x:oddHeader>Vecchia</x:oddHeader><x:firstHeader>Prima</x:firstHeader></x:headerFooter><x:legacyDrawing r:id="rId3"/></x:worksheet>';
    const out = withPageSetup(xml, { ...setup, orientation: "landscape" });
    expect(out).toContain('<x:sheetPr codeName="Foglio1"><x:tabColor rgb="FFFF0000"/><x:outlinePr summaryBelow="0"/><x:pageSetUpPr fitToPage="1"/></x:sheetPr>');
    expect(out).toContain('<x:printOptions gridLines="1" horizontalCentered="1"/>');
    expect(out).toContain('<x:pageSetup paperSize="8" orientation="landscape" scale="55" r:id="rId7" fitToWidth="1" fitToHeight="0"/>');
    expect(out).toContain('<x:headerFooter><x:oddHeader>&amp;C&amp;A</x:oddHeader><x:oddFooter>&amp;RPagina &amp;P di &amp;N</x:oddFooter></x:headerFooter><x:legacyDrawing r:id="rId3"/>');
    expect(out).not.toContain("Vecchia");
    expect(out).toContain('<x:pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>');
  });

  it("is idempotent", () => {
    const xml = '<worksheet xmlns="m"><sheetData/></worksheet>';
    const once = withPageSetup(xml, setup);
    expect(withPageSetup(once, setup)).toBe(once);
  });
});
