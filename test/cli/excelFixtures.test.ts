// Workbooks genuinely saved by Microsoft Excel (issue 14: «no fixture saved by real Excel»).
// test/fixtures/real/excel/ holds three files exactly as Excel for Mac saved them (readxl's
// and openxlsx's test data, MIT: see the README there); scripts/fixtures/make_excel.mjs
// transplants the example plan's 18 cards into each at the XML level — no library re-saves
// them — so calcChain, theme, tables, shared formulas, pivot caches, the 1904 date system,
// x14ac/xr markup and extLst are still Excel's. On them: `verifica` and `calcola --json` give
// the example's numbers and problems; `calcola --out` keeps every part it does not own byte for
// byte (./packages' comparison), Excel's own parts identical to the original Excel file; the
// output opens in ExcelJS and LibreOffice; a second run changes nothing more; and a
// Performance cell that is a formula in calcChain (plain, shared, t="str") is left alone, so
// calcChain never names a cell that is no longer a formula (Excel «repairs» such a file:
// ECMA-376 Part 1 §18.6, calcChain lists formula cells only).
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { checkAdditive, comparePackages, partsOf, sheetPart, text, type Parts } from "./packages";
import { buildCli, calcolaOut, cli, fixtures, planned, verifica, type Json } from "./realHelpers";
import { listSheets, XlsxPackage } from "../../src/adapters/xlsx";
import { pdfPages, requirePrintTools, toPdf } from "../print/libreoffice";
import { tmpDir } from "../reader/helpers";
import { differences, viaExcelJs, viaPackage } from "../xlsx/readers";

jest.setTimeout(240_000);

const dir = tmpDir("piano-perf-excel-");
beforeAll(buildCli, 60_000);

/** The parts make_excel.mjs edits (each only gains entries); every other part of the Excel file is copied as is. */
const EDITED = ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml", "docProps/app.xml"];

const FIXTURES: { fixture: string; excel: string; app: RegExp; excelSheets: string[]; constructs: string[] }[] = [
  {
    fixture: "esempio-excel-deaths.xlsx",
    excel: "deaths.xlsx",
    app: /<Application>Microsoft Macintosh Excel<\/Application>[\s\S]*<AppVersion>15\.0300<\/AppVersion>/,
    excelSheets: ["arts", "other"],
    constructs: ["xl/calcChain.xml", "xl/tables/table1.xml", "xl/tables/table2.xml", "xl/theme/theme1.xml", "docProps/thumbnail.jpeg", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"],
  },
  {
    fixture: "esempio-excel-type-me.xlsx",
    excel: "type-me.xlsx",
    app: /<Application>Microsoft Macintosh Excel<\/Application>[\s\S]*<AppVersion>15\.0300<\/AppVersion>/,
    excelSheets: ["logical_coercion", "numeric_coercion", "date_coercion", "text_coercion"],
    constructs: ["xl/calcChain.xml", "xl/theme/theme1.xml", "docProps/thumbnail.jpeg", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet4.xml"],
  },
  {
    fixture: "esempio-excel-pivot.xlsx",
    excel: "loadPivotTables.xlsx",
    app: /<Application>Microsoft Macintosh Excel<\/Application>[\s\S]*<AppVersion>16\.0300<\/AppVersion>/,
    excelSheets: ["iris", "iris_pivot", "penguins", "penguins_pivot1", "penguins_pivot2"],
    constructs: ["xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords2.xml", "xl/tables/table1.xml", "xl/theme/theme1.xml", "xl/worksheets/sheet1.xml"],
  },
];

const excelFile = (name: string) => path.join(fixtures, "excel", name);
const reference = (() => {
  let ref: Json | undefined;
  return () => (ref ??= verifica(path.join(fixtures, "esempio-exceljs.xlsx")));
})();
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => !!a && !!b && Buffer.from(a).equals(Buffer.from(b));

/** calcChain.xml (ECMA-376 Part 1 §18.6.1): each <c r i> must name a formula cell of the sheet whose sheetId is i (i carries over from the previous entry when absent). */
function calcChainProblems(p: Parts): string[] {
  if (!p["xl/calcChain.xml"]) return [];
  const sheets = new Map(listSheets(new XlsxPackage(p)).map((s) => [s.sheetId, s.part]));
  const out: string[] = [];
  let i = 0;
  for (const m of text(p, "xl/calcChain.xml").matchAll(/<c\b([^>]*)\/>/g)) {
    i = Number(/\si="(\d+)"/.exec(m[1])?.[1] ?? i);
    const ref = /\sr="([A-Z]+\d+)"/.exec(m[1])![1];
    const part = sheets.get(i);
    const cell = part ? new RegExp(`<c r="${ref}"[^>]*?(?:/>|>([\\s\\S]*?)</c>)`).exec(text(p, part)) : null;
    if (!cell || !/<f[\s>/]/.test(cell[1] ?? "")) out.push(`${i}!${ref}`);
  }
  return out;
}

describe("the Excel files are Excel's, and the fixtures keep them", () => {
  it.each(FIXTURES)("$excel: saved by Microsoft Excel; $fixture keeps every part of it", ({ fixture, excel, app }) => {
    const orig = partsOf(excelFile(excel));
    // Excel's signature: docProps/app.xml, <fileVersion appName="xl">, its markup-compatibility namespaces.
    expect(text(orig, "docProps/app.xml")).toMatch(app);
    expect(text(orig, "xl/workbook.xml")).toMatch(/<fileVersion appName="xl" lastEdited="\d+" lowestEdited="\d+" rupBuild="\d+"\/>/);
    expect(text(orig, "xl/styles.xml")).toMatch(/mc:Ignorable="x14ac/);
    for (const s of listSheets(new XlsxPackage(orig))) expect(text(orig, s.part)).toMatch(/mc:Ignorable="x14ac[^"]*"[\s\S]*x14ac:dyDescent=/);
    const fix = partsOf(path.join(fixtures, fixture));
    for (const name of Object.keys(orig)) {
      expect([name, name in fix]).toEqual([name, true]);
      if (!EDITED.includes(name)) expect([name, same(orig[name], fix[name])]).toEqual([name, true]);
    }
    // The edited parts only gain: Excel's text is there up to where the new entries start
    // (the shared strings' counts aside); in the styles, each list keeps Excel's entries first.
    const counts = (s: string) => s.replace(/<sst\b[^>]*>/, (t) => t.replace(/\s(count|uniqueCount)="\d+"/g, ""));
    for (const name of ["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/sharedStrings.xml"]) {
      const a = counts(text(orig, name));
      const b = counts(text(fix, name));
      const cut = a.search(/<\/(Types|Relationships|sheets|sst)>/);
      expect(cut).toBeGreaterThan(0);
      expect(b.slice(0, cut)).toBe(a.slice(0, cut));
      expect(b.slice(b.length - (a.length - cut))).toBe(a.slice(cut));
    }
    checkAdditive("xl/styles.xml", text(orig, "xl/styles.xml"), text(fix, "xl/styles.xml"));
    // The new parts are the example's 18 sheets, nothing else.
    const added = Object.keys(fix).filter((n) => !(n in orig));
    expect(added).toHaveLength(18);
    for (const n of added) expect(n).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
  });

  it("type-me.xlsx is in the 1904 date system; deaths.xlsx has shared formulas and a calcChain naming them", () => {
    expect(text(partsOf(excelFile("type-me.xlsx")), "xl/workbook.xml")).toContain('<workbookPr date1904="1"/>');
    expect(text(partsOf(excelFile("type-me.xlsx")), "xl/worksheets/sheet1.xml")).toMatch(/<c r="[A-Z]+\d+"[^>]* t="str"><f>/);
    const deaths = partsOf(excelFile("deaths.xlsx"));
    expect(text(deaths, "xl/worksheets/sheet1.xml")).toMatch(/<f t="shared" ref="C\d+:C\d+" si="0">/);
    expect(text(deaths, "xl/calcChain.xml").match(/<c /g)).toHaveLength(20);
    expect(calcChainProblems(deaths)).toEqual([]);
  });
});

describe.each(FIXTURES)("$fixture (Excel-saved package with the example plan)", ({ fixture, excelSheets, constructs, excel }) => {
  const input = path.join(fixtures, fixture);
  const out = path.join(dir, fixture.replace(/\.xlsx$/, "-out.xlsx"));

  it("verifica and calcola --json: the example's 18 performances and the same problems (dates read in the workbook's date system)", () => {
    const ref = reference();
    const got = verifica(input);
    expect(ref.objectives).toHaveLength(18);
    expect(got.objectives.map((o) => o.sheet)).toEqual(ref.objectives.map((o) => o.sheet));
    got.objectives.forEach((o, i) => expect(o.performance).toBeCloseTo(ref.objectives[i].performance as number, 12));
    // Same problems word for word: a date read in the wrong system (1904 vs 1900) would show here.
    expect(got.problems).toEqual(ref.problems);
    expect((got as unknown as { skippedSheets: string[] }).skippedSheets).toEqual(excelSheets);
    const r = cli(["calcola", input, "--json"]);
    expect(r.status).toBe(1);
    const calc = JSON.parse(r.stdout) as Json;
    calc.objectives.forEach((o, i) => expect(o.performance).toBeCloseTo(ref.objectives[i].performance as number, 12));
  });

  it("calcola --out: Excel's parts byte for byte, only planned cells changed, calcChain valid; ExcelJS and LibreOffice open it; a second run changes nothing more", async () => {
    const { cmp, outParts } = await calcolaOut(input, out);
    for (const p of constructs) expect(cmp.identical).toContain(p);
    expect([...cmp.changedCells.values()].reduce((n, c) => n + c.length, 0)).toBeGreaterThan(0);
    // No Excel sheet is written into (none is a card).
    for (const s of excelSheets) expect(cmp.changedCells.has(s)).toBe(false);
    // Every part of the Excel file that make_excel.mjs did not touch is still Excel's, byte for byte.
    const orig = partsOf(excelFile(excel));
    for (const name of Object.keys(orig).filter((n) => !EDITED.includes(n))) expect([name, same(orig[name], outParts[name])]).toEqual([name, true]);
    expect(calcChainProblems(outParts)).toEqual([]);
    // One selected tab, Excel's active one (sheetView tabSelected, ECMA-376 Part 1 §18.3.1.87: in
    // sync with the workbook's activeTab); several selected tabs open grouped in Excel.
    const tabs = listSheets(new XlsxPackage(outParts));
    const selected = tabs.filter((s) => /<sheetView\b[^>]*\stabSelected="1"/.test(text(outParts, s.part))).map((s) => s.name);
    const active = Number(/<workbookView\b[^>]*\sactiveTab="(\d+)"/.exec(text(outParts, "xl/workbook.xml"))?.[1] ?? "0");
    expect(selected).toEqual([tabs[active].name]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining([...excelSheets, "Riepilogo performance 2022"]));
    const again = verifica(out);
    again.objectives.forEach((o, i) => expect(o.performance).toBeCloseTo(reference().objectives[i].performance as number, 12));

    requirePrintTools();
    const pdfDir = fs.mkdtempSync(path.join(dir, "pdf-"));
    expect(pdfPages(toPdf(out, pdfDir))).toBeGreaterThan(18);

    const out2 = path.join(dir, fixture.replace(/\.xlsx$/, "-out2.xlsx"));
    const r2 = cli(["calcola", out, "--out", out2]);
    expect(r2.status).toBe(1);
    expect(r2.stdout).toContain("Scritti 0 valori.");
    const second = partsOf(out2);
    expect(Object.keys(second).sort()).toEqual(Object.keys(outParts).sort());
    const owned = ["Riepilogo performance 2022", "Impostazioni Piano Performance"].map((n) => sheetPart(outParts, n));
    for (const name of Object.keys(outParts)) {
      if (owned.includes(name) || name === "xl/styles.xml") continue;
      expect([name, same(outParts[name], second[name])]).toEqual([name, true]);
    }
  });
});

const cellOf = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml)?.[0];

/** A copy of the deaths fixture with `cells` of sheet `sheet` replaced (whole <c> elements) and calcChain entries added. */
function withFormulaCells(sheet: string, cells: Record<string, (old: string) => string>, file: string): { file: string; sheetId: number } {
  const p = unzipSync(new Uint8Array(fs.readFileSync(path.join(fixtures, "esempio-excel-deaths.xlsx"))));
  const entry = listSheets(new XlsxPackage(p)).find((s) => s.name === sheet)!;
  let xml = strFromU8(p[entry.part]);
  for (const [ref, make] of Object.entries(cells)) {
    const old = cellOf(xml, ref);
    if (!old) throw new Error(`no cell ${ref}`);
    xml = xml.replace(old, make(old));
  }
  p[entry.part] = strToU8(xml);
  // As Excel lists a new formula: at the head of the chain, with its sheet's id.
  const chain = Object.keys(cells).map((ref) => `<c r="${ref}" i="${entry.sheetId}"/>`).join("");
  p["xl/calcChain.xml"] = strToU8(strFromU8(p["xl/calcChain.xml"]).replace(/(<calcChain[^>]*>)/, `$1${chain}`));
  const out = path.join(dir, file);
  fs.writeFileSync(out, zipSync(p));
  return { file: out, sheetId: entry.sheetId };
}

describe("Excel's formula constructs in a Performance cell listed in calcChain (deaths fixture)", () => {
  const style = (old: string) => /\ss="\d+"/.exec(old)?.[0] ?? "";
  // H24: the first card's 8th indicator (stated 96%, computed 95.95%: the plan writes it); H26: its «Performance obiettivo».
  const cases: [string, Record<string, (old: string) => string>][] = [
    ["an indicator's Performance as a formula", { H24: (o) => `<c r="H24"${style(o)}><f>0.96</f><v>0.96</v></c>` }],
    ["«Performance obiettivo» as a formula", { H26: (o) => `<c r="H26"${style(o)}><f>SUMPRODUCT(H17:H24,I17:I24)/SUM(I17:I24)</f><v>0.9</v></c>` }],
    ["a shared formula (master and child)", { H24: (o) => `<c r="H24"${style(o)}><f t="shared" ref="H24:H26" si="7">0.96</f><v>0.96</v></c>`, H26: (o) => `<c r="H26"${style(o)}><f t="shared" si="7"/><v>0.96</v></c>` }],
    ['a text formula (t="str")', { H24: (o) => `<c r="H24"${style(o)} t="str"><f>"96%"</f><v>96%</v></c>` }],
  ];
  it.each(cases)("%s: left as Excel wrote it, calcChain unchanged and still valid", async (label, cells) => {
    const ref = reference();
    const sheet = ref.objectives[0].sheet;
    const before = await planned(path.join(fixtures, "esempio-excel-deaths.xlsx"));
    for (const c of Object.keys(cells)) expect(before.get(sheet)?.has(c)).toBe(true); // cells the plan writes when they hold values
    const { file } = withFormulaCells(sheet, cells, `formula-${label.replace(/\W+/g, "-")}.xlsx`);
    const input = partsOf(file);
    expect(calcChainProblems(input)).toEqual([]);
    // Both headless readers see the formula (a shared formula's child has only <f t="shared" si/>).
    const bytes = new Uint8Array(fs.readFileSync(file));
    expect(differences(await viaExcelJs(bytes), viaPackage(bytes))).toEqual([]);
    const grid = viaPackage(bytes).sheets.find((s) => s.name === sheet)!;
    for (const c of Object.keys(cells)) {
      const at = /^([A-Z]+)(\d+)$/.exec(c)!;
      expect(grid.formulas?.[Number(at[2]) - 1 - grid.startRow]?.[at[1].charCodeAt(0) - 65 - grid.startCol]).toMatch(/^=/);
    }
    const plan = await planned(file);
    for (const c of Object.keys(cells)) expect(plan.get(sheet)?.has(c) ?? false).toBe(false);
    const out = path.join(dir, path.basename(file).replace(/\.xlsx$/, "-out.xlsx"));
    const r = cli(["calcola", file, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Scritt[oi] \d+ valor[ei]; \d+ cell[ae] con formula lasciat[ae] com'era\./);
    const outParts = partsOf(out);
    const cmp = comparePackages(input, outParts, plan);
    expect(cmp.identical).toContain("xl/calcChain.xml");
    const part = sheetPart(outParts, sheet);
    for (const c of Object.keys(cells)) expect(cellOf(text(outParts, part), c)).toBe(cellOf(text(input, part), c));
    expect(calcChainProblems(outParts)).toEqual([]);
  });
});

// The package reader (src/adapters/xlsx/grid.ts) against the ExcelJS reader on Excel's own
// sheets — shared formulas moved per cell, t="str" results, 1904 dates, pivot tables' cells —
// and on the fixtures' cards: the same cell model.
describe("the package reader on files saved by Excel: the same cell model as the ExcelJS reader", () => {
  it.each([...FIXTURES.map((f) => `excel/${f.excel}`), ...FIXTURES.map((f) => f.fixture)])("%s", async (name) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
    expect(differences(await viaExcelJs(bytes), viaPackage(bytes))).toEqual([]);
  });
});

// The output opened and saved in Excel gets a calcChain that lists the summary's HYPERLINK
// formulas (Excel lists every formula cell it calculated: ECMA-376 Part 1 §18.6.2). If the
// next run replaces the summary with other content, calcChain must not go on naming cells
// that are no longer formulas (Excel then says the file has unreadable content and drops the
// chain: «Removed Records: Formula from /xl/calcChain.xml part»).
describe("calcChain after Excel saved our output and the plan changed", () => {
  it("the replaced summary's cells leave calcChain; Excel's own entries stay", async () => {
    const first = path.join(dir, "chain-out1.xlsx");
    expect(cli(["calcola", path.join(fixtures, "esempio-excel-deaths.xlsx"), "--out", first]).status).toBe(1);
    const p = unzipSync(new Uint8Array(fs.readFileSync(first)));
    const sheets = listSheets(new XlsxPackage(p));
    const summary = sheets.find((s) => s.name === "Riepilogo performance 2022")!;
    // As Excel saves it: every formula cell of the summary listed (at the head of the chain, with its sheetId).
    const formulas = [...strFromU8(p[summary.part]).matchAll(/<c r="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>).)*<f>/g)].map((m) => m[1]);
    expect(formulas.length).toBeGreaterThan(20);
    const excelChain = strFromU8(p["xl/calcChain.xml"]);
    p["xl/calcChain.xml"] = strToU8(excelChain.replace(/(<calcChain[^>]*>)/, `$1${formulas.map((r) => `<c r="${r}" i="${summary.sheetId}"/>`).join("")}`));
    // The user fixes the three unreadable Stato cells: the summary's list of problems (and its links) gets shorter.
    const fix = (sheet: string, ref: string, content: string) => {
      const part = sheets.find((s) => s.name === sheet)!.part;
      const xml = strFromU8(p[part]);
      const old = cellOf(xml, ref)!;
      p[part] = strToU8(xml.replace(old, `<c r="${ref}"${/\ss="\d+"/.exec(old)?.[0] ?? ""}${content}</c>`));
    };
    fix("OO11 Composizione negoziata", "E17", "><v>12</v>");
    fix("OO11 Composizione negoziata", "E22", "><v>2</v>");
    fix("OO14 Trasparenza", "E20", ' t="inlineStr"><is><t>si</t></is>');
    const saved = path.join(dir, "chain-saved.xlsx");
    fs.writeFileSync(saved, zipSync(p));
    expect(calcChainProblems(p)).toEqual([]);

    const second = path.join(dir, "chain-out2.xlsx");
    const r = cli(["calcola", saved, "--out", second]);
    expect(r.stderr).toBe("");
    const out = partsOf(second);
    expect(text(out, sheetPart(out, "Riepilogo performance 2022")).match(/<f>/g)!.length).toBeLessThan(formulas.length);
    expect(calcChainProblems(out)).toEqual([]);
    // Excel's own entries (its sheets' shared formulas) are still there, in Excel's order.
    expect(text(out, "xl/calcChain.xml")).toContain(excelChain.slice(excelChain.indexOf("<c "), excelChain.indexOf("</calcChain>")));
  });
});

// Print names are scoped by tab position (definedName localSheetId, ECMA-376 Part 1 §18.2.5):
// in Excel's file the cards come after five Excel sheets, one of which has its own
// _xlnm._FilterDatabase (localSheetId 2), which must stay as Excel wrote it.
describe("calcola --out --stampa on the Excel pivot fixture", () => {
  it("each card's print area and titles name the card's own tab position; Excel's autofilter name untouched", () => {
    const out = path.join(dir, "pivot-stampa.xlsx");
    const r = cli(["calcola", path.join(fixtures, "esempio-excel-pivot.xlsx"), "--out", out, "--stampa"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const p = partsOf(out);
    const wb = text(p, "xl/workbook.xml");
    expect(wb).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">penguins!$A$1:$G$1</definedName>');
    const tabs = listSheets(new XlsxPackage(p)).map((s) => s.name);
    const cards = reference().objectives.map((o) => o.sheet);
    for (const kind of ["Print_Area", "Print_Titles"]) {
      const names = [...wb.matchAll(new RegExp(`<definedName name="_xlnm\\.${kind}" localSheetId="(\\d+)">([^<]*)</definedName>`, "g"))];
      for (const card of cards) {
        const own = names.filter((m) => m[2].replace(/&apos;/g, "'").startsWith(`'${card}'!`));
        expect([kind, card, own.map((m) => Number(m[1]))]).toEqual([kind, card, [tabs.indexOf(card)]]);
      }
    }
    expect(tabs.indexOf(cards[0])).toBe(5);
  });
});
