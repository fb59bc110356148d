// The calculation chain after the add-in replaced one of its sheets (src/adapters/xlsx/calcChain.ts):
// entries naming cells that are no longer formulas go, the sheet of the entries after them stays
// right (an entry without `i` belongs to the previous entry's sheet, ECMA-376 Part 1 §18.6.1),
// and an empty chain goes with its relationship and content type.
import { strFromU8, strToU8 } from "fflate";
import { formulaCells, pruneCalcChain } from "../../src/adapters/xlsx/calcChain";
import { XlsxPackage } from "../../src/adapters/xlsx";

const WB_RELS = (extra = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${extra}</Relationships>`;
const CHAIN_REL = '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/>';
const CHAIN_CT = '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>';

function pkgWith(chain: string): XlsxPackage {
  const parts: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>${CHAIN_CT}</Types>`,
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": "<workbook/>",
    "xl/_rels/workbook.xml.rels": WB_RELS(CHAIN_REL),
    "xl/calcChain.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${chain}</calcChain>`,
  };
  return new XlsxPackage(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}
const sheet = (cells: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;

describe("formulaCells", () => {
  it("finds <f> children, shared formulas' children and prefixed cells; not values or empty cells", () => {
    const xml = sheet('<c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f t="shared" si="0"/><v>2</v></c><c r="C1" s="3"/><c r="D1" t="s"><v>0</v></c><x:c r="E1" t="str"><x:f>"a"</x:f><x:v>a</x:v></x:c><c r="F1" t="inlineStr"><is><t>f</t></is></c>');
    expect([...formulaCells(xml)].sort()).toEqual(["A1", "B1", "E1"]);
  });
});

describe("pruneCalcChain", () => {
  it("drops the replaced sheet's entries that are no longer formulas; the next entry names its sheet", () => {
    const pkg = pkgWith('<c r="A1" i="3" l="1"/><c r="B1"/><c r="C1"/><c r="A1" i="5"/><c r="A2"/>');
    pruneCalcChain(pkg, new Map([[3, sheet('<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f>1</f><v>1</v></c>')]]));
    expect(pkg.xml("xl/calcChain.xml")).toContain('<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C1" i="3"/><c r="A1" i="5"/><c r="A2"/></calcChain>');
  });

  it("keeps every entry, and does not touch the part, when the new content still has those formulas", () => {
    const pkg = pkgWith('<c r="A1" i="3"/><c r="A1" i="5"/>');
    pruneCalcChain(pkg, new Map([[3, sheet('<c r="A1"><f>1</f><v>1</v></c>')]]));
    expect(pkg.changed("xl/calcChain.xml")).toBe(false);
  });

  it("an empty chain goes, with its relationship and content type", () => {
    const pkg = pkgWith('<c r="A1" i="3"/><c r="B1"/>');
    pruneCalcChain(pkg, new Map([[3, sheet('<c r="A1"><v>1</v></c>')]]));
    expect(pkg.has("xl/calcChain.xml")).toBe(false);
    expect(pkg.xml("xl/_rels/workbook.xml.rels")).toBe(WB_RELS());
    expect(pkg.xml("[Content_Types].xml")).not.toContain("calcChain");
    const written = XlsxPackage.read(pkg.write());
    expect(written.names()).not.toContain("xl/calcChain.xml");
    expect(strFromU8(written.bytes("xl/_rels/workbook.xml.rels")!)).toBe(WB_RELS());
  });
});
