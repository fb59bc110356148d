// `calcola --out` writes into the user's package: every part it does not own comes out byte
// for byte, and in the user's sheets only the cells it owns change (issue 14, «--out drops
// what it does not understand»). Workbooks as ExcelJS, LibreOffice and openpyxl save them,
// with charts, images, comments, validation, conditional formats, defined names, external
// links, a pivot cache and a VBA project; each output is opened again by ExcelJS and LibreOffice.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8 } from "fflate";
import { absoluteTargets, addForeignParts, comparePackages, partsOf, plannedWrites, sheetPart, smallPlan, text, withImage } from "./packages";
import { exampleSheetName } from "../../src/adapters/exceljs";
import { seed, tmpDir } from "../reader/helpers";

jest.setTimeout(180_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const first = exampleSheetName(seed.obiettivi[0]);
const dir = tmpDir("piano-perf-preserve-");

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
}, 60_000);

/** LibreOffice as the independent reader: the first sheet of `file` as CSV text. */
function libreOfficeCsv(file: string): string {
  const out = fs.mkdtempSync(path.join(dir, "lo-"));
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "csv", "--outdir", out, file], { encoding: "utf8", timeout: 120_000 });
  const csv = path.join(out, path.basename(file).replace(/\.xls[xm]$/, ".csv"));
  if (!fs.existsSync(csv)) throw new Error(`LibreOffice did not convert ${file}: ${r.stderr}`);
  return fs.readFileSync(csv, "utf8");
}

function libreOfficeResave(file: string, outDir: string): string {
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${outDir}/profile`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, file], { encoding: "utf8", timeout: 120_000 });
  const out = path.join(outDir, path.basename(file).replace(/\.\w+$/, ".xlsx"));
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not save ${file}: ${r.stderr}`);
  return out;
}

async function runAndCompare(input: string, output: string) {
  const before = sha(input);
  const planned = await plannedWrites(input);
  const r = cli(["calcola", input, "--out", output]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0); // the first three cards of the seed have no errors
  expect(r.stdout).toContain(`Copia salvata: ${output}`);
  expect(sha(input)).toBe(before);
  const cmp = comparePackages(partsOf(input), partsOf(output), planned);
  return { cmp, planned, stdout: r.stdout };
}

async function openWithExcelJs(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("package-preserving --out", () => {
  it("an ExcelJS workbook with chart, image, comment, validation, conditional format, defined name, external link, pivot cache: all kept byte for byte", async () => {
    const plain = path.join(dir, "exceljs-plain.xlsx");
    await withImage(smallPlan()).xlsx.writeFile(plain);
    const input = path.join(dir, "exceljs.xlsx");
    fs.writeFileSync(input, addForeignParts(new Uint8Array(fs.readFileSync(plain)), { chartSheet: "Note" }));
    const output = path.join(dir, "exceljs-out.xlsx");
    const { cmp, planned } = await runAndCompare(input, output);

    const inParts = partsOf(input);
    const outParts = partsOf(output);
    // The parts ExcelJS's own round trip drops, and the ones it keeps, all byte-identical.
    for (const p of ["xl/charts/chart1.xml", "xl/drawings/drawing9.xml", "xl/externalLinks/externalLink1.xml", "xl/externalLinks/_rels/externalLink1.xml.rels", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml", "customXml/item1.xml", "xl/media/image1.png", "xl/comments1.xml", "xl/sharedStrings.xml", "xl/theme/theme1.xml"]) {
      expect(inParts[p]).toBeDefined();
      expect(cmp.identical).toContain(p);
    }
    // The card with writes changed only in its Performance cells; the sheet with the chart not at all.
    expect(planned.get(first)?.size).toBeGreaterThan(0);
    expect(cmp.changedCells.get(first)!.length).toBeGreaterThan(0);
    expect(cmp.changedCells.get(first)!.every((c) => /^H\d+$/.test(c) || planned.get(first)!.has(c))).toBe(true);
    expect(cmp.identical).toContain(sheetPart(inParts, "Note"));
    // Validation, conditional format and defined name still in place, word for word.
    const sheetXml = text(outParts, sheetPart(outParts, first));
    expect(sheetXml).toContain('<dataValidation type="decimal"');
    expect(sheetXml).toContain("<conditionalFormatting");
    expect(text(outParts, "xl/workbook.xml")).toContain('<definedName name="StatiPrimaScheda">');
    expect(text(outParts, "xl/workbook.xml")).toContain('<externalReference r:id="rIdExt1"/>');
    // Three new parts: the summary, the (very hidden) restore backup and the settings sheets, each marked as the add-in's.
    expect(cmp.added.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(3);
    expect(cmp.added.filter((n) => /customProperty\d+\.bin$/.test(n)).map((n) => strFromU8(outParts[n]).replace(/\0/g, "")).sort()).toEqual(["backup", "settings", "summary"]);

    // ExcelJS reads the result: the written performances, the summary, the user's note.
    const wb = await openWithExcelJs(output);
    expect(wb.getWorksheet(first)!.getCell("H17").value).toBe(1);
    expect(wb.getWorksheet("Riepilogo performance 2022")!.getCell("A1").value).toBe("Riepilogo performance 2022");
    // (ExcelJS 4.4 does not read notes back; the comments part is there word for word.)
    expect(text(outParts, "xl/comments1.xml")).toContain("Nota del dirigente: verificare il target");
    // LibreOffice reads it too, with the formula through the external link intact.
    expect(libreOfficeCsv(output)).toContain("100");
  });

  it("a second run replaces the add-in's sheets in place and leaves everything else as the first run left it", async () => {
    const input = path.join(dir, "exceljs-out.xlsx");
    const output = path.join(dir, "exceljs-out2.xlsx");
    const before = partsOf(input);
    const r = cli(["calcola", input, "--out", output]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Scritti 0 valori.");
    const after = partsOf(output);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const owned = ["Riepilogo performance 2022", "Impostazioni Piano Performance"].map((n) => sheetPart(before, n));
    // (the restore backup is not rewritten when nothing is written)
    for (const name of Object.keys(before)) {
      if (owned.includes(name) || name === "xl/styles.xml") continue;
      expect([name, Buffer.from(after[name]).equals(Buffer.from(before[name]))]).toEqual([name, true]);
    }
    expect(text(after, "xl/workbook.xml").match(/<sheet /g)).toHaveLength(7);
  });

  it("an .xlsm with a VBA project keeps vbaProject.bin and its macro-enabled content type", async () => {
    const plain = path.join(dir, "macro-plain.xlsx");
    await smallPlan().xlsx.writeFile(plain);
    const input = path.join(dir, "macro.xlsm");
    fs.writeFileSync(input, addForeignParts(new Uint8Array(fs.readFileSync(plain)), { chartSheet: "Note", vba: true }));
    const output = path.join(dir, "macro-out.xlsm");
    const { cmp } = await runAndCompare(input, output);
    expect(cmp.identical).toContain("xl/vbaProject.bin");
    const ct = text(partsOf(output), "[Content_Types].xml");
    expect(ct).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(ct).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    // The add-in's mark parts get their own Override, so the .bin Default still means VBA.
    expect(ct).toMatch(/<Override PartName="\/xl\/customProperty1\.bin" ContentType="application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.customProperty"\/>/);
    const wb = await openWithExcelJs(output);
    expect(wb.getWorksheet(first)!.getCell("H17").value).toBe(1);
  });

  it("a workbook saved by LibreOffice (its own styles, shared strings, chart and external link) keeps every part", async () => {
    const exceljsFile = path.join(dir, "for-lo-plain.xlsx");
    await withImage(smallPlan()).xlsx.writeFile(exceljsFile);
    const plain = path.join(dir, "for-lo.xlsx");
    fs.writeFileSync(plain, addForeignParts(new Uint8Array(fs.readFileSync(exceljsFile)), { chartSheet: "Note" }));
    const loDir = fs.mkdtempSync(path.join(dir, "lo-save-"));
    const saved = libreOfficeResave(plain, loDir);
    const input = path.join(dir, "libreoffice.xlsx");
    fs.copyFileSync(saved, input);
    expect(text(partsOf(input), "docProps/app.xml")).toMatch(/LibreOffice/);
    const output = path.join(dir, "libreoffice-out.xlsx");
    const { cmp, planned } = await runAndCompare(input, output);
    expect(planned.get(first)?.size).toBeGreaterThan(0);
    expect(cmp.changedCells.get(first)!.length).toBe(planned.get(first)!.size);
    // LibreOffice wrote its own chart, drawings, comments and external link: all byte for byte.
    const lo = Object.keys(partsOf(input)).filter((n) => /^xl\/(charts|drawings|media|externalLinks)\/|comments/.test(n));
    expect(lo).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/externalLinks/externalLink1.xml", "xl/media/image1.png", "xl/comments1.xml"]));
    for (const n of lo) expect(cmp.identical).toContain(n);
    const wb = await openWithExcelJs(output);
    expect(wb.getWorksheet(first)!.getCell("H17").value).toBe(1);
    expect(libreOfficeCsv(output)).toContain("100");
  });

  it("a workbook with absolute relationship targets (as openpyxl writes them) is patched in the right parts", async () => {
    const plain = path.join(dir, "openpyxl-plain.xlsx");
    await smallPlan().xlsx.writeFile(plain);
    const input = path.join(dir, "openpyxl.xlsx");
    fs.writeFileSync(input, absoluteTargets(new Uint8Array(fs.readFileSync(plain))));
    expect(text(partsOf(input), "xl/_rels/workbook.xml.rels")).toContain('Target="/xl/worksheets/sheet1.xml"');
    const output = path.join(dir, "openpyxl-out.xlsx");
    const { cmp, planned } = await runAndCompare(input, output);
    expect(cmp.changedCells.get(first)!.length).toBe(planned.get(first)!.size);
    const wb = await openWithExcelJs(output);
    expect(wb.getWorksheet(first)!.getCell("H17").value).toBe(1);
    expect(wb.getWorksheet("Riepilogo performance 2022")).toBeDefined();
  });
});
