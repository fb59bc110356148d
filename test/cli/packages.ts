// Workbook packages for the package-preserving tests: fixtures with the parts a real
// workbook carries (charts, external links, pivot caches, a VBA project…), added to an
// ExcelJS-written file with fflate, and a part-by-part comparison of input and output.
import fs from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { buildExampleWorkbook, gridFromExcelJs } from "../../src/adapters/exceljs";
import { listSheets, readPackageInfo, withPackageInfo, XlsxPackage } from "../../src/adapters/xlsx";
import { analyzeWorkbook } from "../../src/core/reader";
import { seed } from "../reader/helpers";

export type Parts = Record<string, Uint8Array>;

export const partsOf = (file: string): Parts => unzipSync(new Uint8Array(fs.readFileSync(file)));
export const text = (p: Parts, name: string) => strFromU8(p[name]);

/** A small plan (three cards) as the example writes it, with what users add by hand. */
export function smallPlan(): ExcelJS.Workbook {
  const wb = buildExampleWorkbook(new ExcelJS.Workbook(), { ...seed, obiettivi: seed.obiettivi.slice(0, 3) });
  const ws = wb.worksheets[0];
  ws.getCell("K2").note = "Nota del dirigente: verificare il target";
  (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations.add("I17:I30", { type: "decimal", operator: "between", formulae: [0, 1], allowBlank: true });
  ws.addConditionalFormatting({ ref: "H17:H30", rules: [{ type: "cellIs", operator: "lessThan", formulae: ["0.5"], priority: 1, style: { font: { color: { argb: "FFFF0000" } } } }] });
  wb.definedNames.add(`'${ws.name}'!$E$17:$E$20`, "StatiPrimaScheda");
  const note = wb.addWorksheet("Note");
  note.getCell("A1").value = "Appunti";
  note.getCell("B1").value = { formula: "[1]Foglio1!$A$1*2", result: 4 };
  return wb;
}

/** A 1×1 PNG. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex");

export function withImage(wb: ExcelJS.Workbook): ExcelJS.Workbook {
  const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  wb.worksheets[0].addImage(id, { tl: { col: 11, row: 2 }, ext: { width: 40, height: 40 } });
  return wb;
}

const CT = (p: Parts) => text(p, "[Content_Types].xml");
const setText = (p: Parts, name: string, s: string) => (p[name] = strToU8(s));
const addOverride = (p: Parts, part: string, type: string) => setText(p, "[Content_Types].xml", CT(p).replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`));
const addRel = (p: Parts, rels: string, id: string, type: string, target: string, external = false) => {
  const base = p[rels] ? text(p, rels) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  setText(p, rels, base.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/></Relationships>`));
};
const RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Which worksheet part holds sheet `name`. */
export function sheetPart(p: Parts, name: string): string {
  const pkg = new XlsxPackage(p);
  const s = listSheets(pkg).find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s.part;
}

/**
 * Adds, as Excel would have saved them: a chart on sheet `chartSheet` (drawing + chart part),
 * an external link (the [1] of the "Note" formula), a pivot cache with records, a custom XML
 * part, and — for an .xlsm — a VBA project.
 */
export function addForeignParts(bytes: Uint8Array, opts: { chartSheet: string; vba?: boolean }): Uint8Array {
  const p = unzipSync(bytes);
  // Chart: drawing + chart, anchored on the given sheet (which must have no drawing yet).
  const part = sheetPart(p, opts.chartSheet);
  const sheetRels = part.replace(/([^/]+)$/, "_rels/$1.rels");
  setText(
    p,
    "xl/charts/chart1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Note!$B$1</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>',
  );
  setText(
    p,
    "xl/drawings/drawing9.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafico 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
  );
  addRel(p, "xl/drawings/_rels/drawing9.xml.rels", "rId1", `${RT}/chart`, "../charts/chart1.xml");
  addRel(p, sheetRels, "rIdChart", `${RT}/drawing`, "../drawings/drawing9.xml");
  setText(p, part, text(p, part).replace("</worksheet>", '<drawing r:id="rIdChart"/></worksheet>'));
  addOverride(p, "xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  addOverride(p, "xl/drawings/drawing9.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");

  // External link [1] and a pivot cache, referenced from the workbook part.
  setText(
    p,
    "xl/externalLinks/externalLink1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Foglio1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>2</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
  );
  addRel(p, "xl/externalLinks/_rels/externalLink1.xml.rels", "rId1", `${RT}/externalLinkPath`, "file:///C:/Dati/altro.xlsx", true);
  addOverride(p, "xl/externalLinks/externalLink1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml");
  setText(
    p,
    "xl/pivotCache/pivotCacheDefinition1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1" recordCount="1"><cacheSource type="worksheet"><worksheetSource ref="A1:B1" sheet="Note"/></cacheSource><cacheFields count="2"><cacheField name="Appunti" numFmtId="0"><sharedItems/></cacheField><cacheField name="Valore" numFmtId="0"><sharedItems containsNumber="1" minValue="4" maxValue="4"/></cacheField></cacheFields></pivotCacheDefinition>',
  );
  setText(p, "xl/pivotCache/pivotCacheRecords1.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"><r><s v="x"/><n v="4"/></r></pivotCacheRecords>');
  addRel(p, "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", "rId1", `${RT}/pivotCacheRecords`, "pivotCacheRecords1.xml");
  addOverride(p, "xl/pivotCache/pivotCacheDefinition1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml");
  addOverride(p, "xl/pivotCache/pivotCacheRecords1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml");
  addRel(p, "xl/_rels/workbook.xml.rels", "rIdExt1", `${RT}/externalLink`, "externalLinks/externalLink1.xml");
  addRel(p, "xl/_rels/workbook.xml.rels", "rIdPiv1", `${RT}/pivotCacheDefinition`, "pivotCache/pivotCacheDefinition1.xml");
  let wbXml = text(p, "xl/workbook.xml").replace("</sheets>", '</sheets><externalReferences><externalReference r:id="rIdExt1"/></externalReferences>');
  wbXml = wbXml.replace("</workbook>", '<pivotCaches><pivotCache cacheId="1" r:id="rIdPiv1"/></pivotCaches></workbook>');
  setText(p, "xl/workbook.xml", wbXml);

  // A custom XML part nobody here understands.
  setText(p, "customXml/item1.xml", '<?xml version="1.0" encoding="UTF-8"?><dati xmlns="urn:ente:dati"><protocollo>2022/123</protocollo></dati>');
  addRel(p, "xl/_rels/workbook.xml.rels", "rIdCx1", `${RT}/customXml`, "../customXml/item1.xml");

  if (opts.vba) {
    const vba = new Uint8Array(2048);
    for (let i = 0; i < vba.length; i++) vba[i] = (i * 37 + 11) & 0xff;
    vba.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    p["xl/vbaProject.bin"] = vba;
    addRel(p, "xl/_rels/workbook.xml.rels", "rIdVba1", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin");
    setText(
      p,
      "[Content_Types].xml",
      CT(p)
        .replace("<Default ", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ')
        .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
    );
  }
  return zipSync(p);
}

/** openpyxl writes absolute relationship targets ("/xl/worksheets/sheet1.xml"): emulate it on the workbook's relationships. */
export function absoluteTargets(bytes: Uint8Array): Uint8Array {
  const p = unzipSync(bytes);
  const rels = "xl/_rels/workbook.xml.rels";
  setText(p, rels, text(p, rels).replace(/Target="(?!\/|file:|https?:|\.\.)([^"]+)"/g, 'Target="/xl/$1"'));
  return zipSync(p);
}

/** The cells of a worksheet part: address → the <c> element's exact text. */
export function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) out.set(m[1], m[0]);
  return out;
}

/** The analysis' writes by sheet name (what --out may change), computed on the input file. */
export async function plannedWrites(file: string): Promise<Map<string, Set<string>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const analysis = analyzeWorkbook(withPackageInfo(gridFromExcelJs(wb), readPackageInfo(bytes)));
  const out = new Map<string, Set<string>>();
  for (const w of analysis.writes) out.set(w.sheet, (out.get(w.sheet) ?? new Set()).add(w.cell));
  return out;
}

const STRUCTURAL = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml"]);

export interface Comparison {
  /** Parts byte-identical in input and output. */
  identical: string[];
  /** User sheets whose part changed, with the cells that changed. */
  changedCells: Map<string, string[]>;
  /** Parts only in the output. */
  added: string[];
}

/**
 * Compares input and output part by part, with expect(): every input part is in the output;
 * byte-identical unless structural (then only additions) or a user sheet with planned
 * writes (then only those cells differ, and the text outside sheetData is the same but for
 * <dimension>); the add-in's own sheets (listed in `ownedSheets`) may be replaced.
 */
export function comparePackages(input: Parts, output: Parts, planned: Map<string, Set<string>>, ownedSheets: string[] = []): Comparison {
  const identical: string[] = [];
  const changedCells = new Map<string, string[]>();
  const partToSheet = new Map<string, string>();
  for (const s of listSheets(new XlsxPackage(input))) partToSheet.set(s.part, s.name);
  const ownedParts = new Set([...partToSheet].filter(([, n]) => ownedSheets.includes(n)).map(([p]) => p));
  for (const name of Object.keys(input)) {
    if (name.endsWith("/")) continue;
    expect(output[name]).toBeDefined();
    const a = input[name];
    const b = output[name];
    if (Buffer.from(a).equals(Buffer.from(b))) {
      identical.push(name);
      continue;
    }
    if (ownedParts.has(name) || [...ownedParts].some((p) => name === p.replace(/([^/]+)$/, "_rels/$1.rels"))) continue;
    if (STRUCTURAL.has(name)) {
      checkAdditive(name, strFromU8(a), strFromU8(b));
      continue;
    }
    const sheet = partToSheet.get(name);
    if (!sheet) throw new Error(`part ${name} changed`);
    const before = strFromU8(a);
    const after = strFromU8(b);
    const outside = (s: string) => s.replace(/<sheetData>[\s\S]*<\/sheetData>/, "").replace(/<dimension ref="[^"]*"\/>/, "");
    expect(outside(after)).toBe(outside(before));
    const ca = cellsOf(before);
    const cb = cellsOf(after);
    const changed = [...new Set([...ca.keys(), ...cb.keys()])].filter((k) => ca.get(k) !== cb.get(k));
    const allowed = planned.get(sheet) ?? new Set();
    expect(changed.filter((c) => !allowed.has(c))).toEqual([]);
    changedCells.set(sheet, changed);
  }
  const added = Object.keys(output).filter((n) => !(n in input));
  for (const n of added) expect(n).toMatch(/^xl\/(worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels|customProperty\d+\.bin|styles\.xml)$/);
  return { identical, changedCells, added };
}

/** A structural part may only gain entries: removing what the writer adds gives back the input. */
export function checkAdditive(name: string, before: string, after: string): void {
  let stripped = after;
  if (name === "[Content_Types].xml") stripped = after.replace(/<Override PartName="\/xl\/(worksheets\/sheet\d+\.xml|customProperty\d+\.bin)" ContentType="[^"]*"\/>/g, (m) => (before.includes(m) ? m : ""));
  if (name === "xl/_rels/workbook.xml.rels") stripped = after.replace(/<Relationship Id="rIdPp\d+"[^>]*\/>/g, "");
  if (name === "xl/workbook.xml") {
    // The add-in's sheets, and the print area and titles of its summary.
    stripped = after.replace(/<sheet name="[^"]*" sheetId="\d+"( state="[^"]*")? r:id="rIdPp\d+"\/>/g, "").replace(/<definedName name="_xlnm\.Print_\w+"[^>]*>[^<]*<\/definedName>/g, (m) => (before.includes(m) ? m : ""));
    if (!before.includes("<definedNames>")) stripped = stripped.replace("<definedNames></definedNames>", "");
  }
  if (name === "docProps/app.xml") {
    // Only the sheet count and titles change.
    const norm = (s: string) => s.replace(/<TitlesOfParts>[\s\S]*<\/TitlesOfParts>/, "").replace(/<vt:i4>\d+<\/vt:i4>/, "");
    expect(norm(after)).toBe(norm(before));
    return;
  }
  if (name === "xl/styles.xml") {
    for (const section of ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"]) {
      const re = new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`);
      const inner = re.exec(before)?.[1];
      if (inner !== undefined) expect(re.exec(after)?.[1].startsWith(inner)).toBe(true);
    }
    const norm = (s: string) => s.replace(/<(numFmts|fonts|fills|borders|cellStyleXfs|cellXfs|cellStyles|dxfs)\b[^>]*>[\s\S]*?<\/\1>|<(numFmts|fonts|fills|borders|cellStyleXfs|cellXfs|cellStyles|dxfs)\b[^>]*\/>/g, "");
    expect(norm(after)).toBe(norm(before));
    return;
  }
  expect(stripped).toBe(before);
}
