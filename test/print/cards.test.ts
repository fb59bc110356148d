// «Prepara per la stampa» through the CLI, printed by LibreOffice (the independent reader of
// our page setup): `piano-perf stampa` and `calcola --out --stampa` on the example, and on a
// long card. Each card one page wide (the rightmost column's header on the page with the
// first), the indicator header repeated on the 2nd page of a long card, the sheet's name
// and «Pagina n di N» on every page — and, part by part, nothing else of the package changed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { buildExampleWorkbook, exampleSheetName, type SeedPlan } from "../../src/adapters/exceljs";
import { saveXlsx, seed, tmpDir } from "../reader/helpers";
import { pdfText, requirePrintTools, toPdf } from "./libreoffice";

jest.setTimeout(240_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const example = path.join(root, "assets", "esempio-piano-2022.xlsx");
const cardNames = seed.obiettivi.map(exampleSheetName);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const unzip = (file: string) => unzipSync(new Uint8Array(fs.readFileSync(file)));
const text = (files: Record<string, Uint8Array>, part: string) => strFromU8(files[part]);

/** The page-setup elements «Prepara per la stampa» owns in a worksheet part, removed. */
function withoutPageSetup(xml: string): string {
  return xml
    .replace(/<pageSetUpPr\b[^>]*\/>/g, "")
    .replace(/<sheetPr\s*>\s*<\/sheetPr>|<sheetPr\s*\/>/g, "")
    .replace(/<printOptions\b[^>]*\/>/g, "")
    .replace(/<pageMargins\b[^>]*\/>/g, "")
    .replace(/<pageSetup\b[^>]*\/>/g, "")
    .replace(/<headerFooter\b[\s\S]*?<\/headerFooter>|<headerFooter\b[^>]*\/>/g, "");
}

/** workbook.xml without its print names. */
const withoutPrintNames = (xml: string) => xml.replace(/<definedName name="_xlnm\.Print_(Area|Titles)"[^>]*>[^<]*<\/definedName>/g, "").replace(/<definedNames><\/definedNames>/, "");

let dir: string;
beforeAll(() => {
  requirePrintTools();
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
  dir = tmpDir("piano-perf-cards-");
});

describe("piano-perf stampa on the example", () => {
  let out: string;
  let pages: string[];
  beforeAll(() => {
    out = path.join(dir, "stampa.xlsx");
    const r = cli(["stampa", example, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("18 schede preparate per la stampa");
    pages = pdfText(toPdf(out, dir), true);
  });

  it("prints each card on one A4 landscape page: the header's rightmost column on the page, sheet name and page number", () => {
    // Without the page setup the same workbook prints on 57 Letter portrait pages (columns fall off).
    expect(pages).toHaveLength(cardNames.length);
    const info = spawnSync("pdfinfo", [path.join(dir, "stampa.pdf")], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    pages.forEach((page, i) => {
      // Header: the sheet's name (&A); footer: «Pagina &P di &N».
      expect(page.split("\n").find((l) => l.trim() !== "")?.trim()).toBe(cardNames[i]);
      expect(page).toContain(`Pagina ${i + 1} di ${pages.length}`);
      // The table's first and last headers («Indicatori» in A, «Peso indicatori» in I) on one line pair.
      // (OO11's header has the seed's typo «Sttao 2022».)
      expect(page).toMatch(/Indicatori\s+Algoritmo\s+Tipologia\s+UdM\s+St\w+ 2022\s+Operatore\s+Target 2022\s+Performance/);
      expect(page).toMatch(/Peso/);
      // The last indicator's weight (column I) is on the page too.
      const o = seed.obiettivi[i];
      expect(page).toContain(o.indicatori[o.indicatori.length - 1].nome.slice(0, 20));
    });
  });

  it("changes no cell and no other part: only the page setup of the card sheets and their print names", () => {
    const before = unzip(example);
    const after = unzip(out);
    // (The example's zip lists folder entries, "xl/"; the package writer writes files only.)
    const files = (z: Record<string, Uint8Array>) => Object.keys(z).filter((k) => !k.endsWith("/")).sort();
    expect(files(after)).toEqual(files(before));
    const sheetParts = Object.keys(before).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheetParts).toHaveLength(18);
    for (const part of files(before)) {
      if (sheetParts.includes(part)) {
        const a = text(before, part);
        const b = text(after, part);
        expect(b).not.toBe(a);
        // Cells, merges, columns, formats: identical once the page-setup elements are set aside.
        for (const el of ["sheetData", "mergeCells", "cols", "sheetViews", "sheetFormatPr", "conditionalFormatting", "dataValidations"])
          expect({ part, el, xml: new RegExp(`<${el}\\b[\\s\\S]*?</${el}>`).exec(b)?.[0] }).toEqual({ part, el, xml: new RegExp(`<${el}\\b[\\s\\S]*?</${el}>`).exec(a)?.[0] });
        expect(withoutPageSetup(b)).toBe(withoutPageSetup(a));
        expect(b).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
        expect(b).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
      } else if (part === "xl/workbook.xml") {
        expect(withoutPrintNames(text(after, part))).toBe(withoutPrintNames(text(before, part)));
      } else {
        expect({ part, same: Buffer.from(after[part]).equals(Buffer.from(before[part])) }).toEqual({ part, same: true });
      }
    }
    const wb = text(after, "xl/workbook.xml");
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'${cardNames[0]}'!$16:$16</definedName>`);
    expect(wb).toMatch(new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="17">'${cardNames[17]}'!\\$A\\$1:\\$I\\$\\d+</definedName>`));
  });

  it("prepares the same sheets a second time without piling up names or elements", () => {
    const again = path.join(dir, "stampa2.xlsx");
    expect(cli(["stampa", out, "--out", again]).code).toBe(0);
    const a = unzip(out);
    const b = unzip(again);
    for (const part of Object.keys(a)) expect({ part, same: Buffer.from(a[part]).equals(Buffer.from(b[part])) }).toEqual({ part, same: true });
  });
});

describe("a long card", () => {
  it("prints on two pages or more, the indicator header repeated at the top of the 2nd", async () => {
    const plan = JSON.parse(JSON.stringify(seed)) as SeedPlan;
    const card = plan.obiettivi[0];
    card.indicatori = Array.from({ length: 6 }, (_v, k) => card.indicatori.map((ind, i) => ({ ...ind, nome: `Indicatore ${k * card.indicatori.length + i + 1} — ${ind.nome}` }))).flat();
    plan.obiettivi = [card, plan.obiettivi[1]];
    const file = await saveXlsx(buildExampleWorkbook(new ExcelJS.Workbook(), plan), path.join(dir, "lunga.xlsx"));
    const out = path.join(dir, "lunga-stampa.xlsx");
    const r = cli(["calcola", file, "--out", out, "--stampa"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("2 schede preparate per la stampa");
    // LibreOffice prints a hidden sheet that has a print area (Excel does not), so the card's
    // pages are told apart by their header (the sheet's name) in the whole workbook's PDF.
    const name = exampleSheetName(card);
    const pages = pdfText(toPdf(out, dir), true).filter((p) => p.split("\n").find((l) => l.trim() !== "")?.trim() === name);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const header = /Indicatori\s+Algoritmo\s+Tipologia\s+UdM\s+Stato 2022\s+Operatore\s+Target 2022\s+Performance/;
    pages.forEach((page, i) => {
      expect(page).toMatch(header);
      expect(page).toContain(`Pagina ${i + 1} di `);
    });
    // Page 2 starts with the repeated header, not with the card's title block.
    expect(pages[1]).not.toContain("Missione:");
    const lines = pages[1].split("\n").filter((l) => l.trim() !== "");
    expect(lines.slice(0, 4).join("\n")).toMatch(/Indicatori/);
    // The written performances are there too (calcola): the last indicator's row on the last page.
    expect(pages[pages.length - 1]).toContain(`Indicatore ${card.indicatori.length} —`);
  });
});

describe("usage", () => {
  it.each([
    [["stampa", example], "Indicare dove salvare la copia pronta per la stampa"],
    [["calcola", example, "--stampa"], "L'opzione --stampa richiede --out"],
    [["verifica", example, "--stampa"], "L'opzione --stampa non vale per il comando «verifica»"],
    [["stampa", example, "--out", example], "Il file di uscita coincide con quello di ingresso"],
    [["stampa"], "Manca il file: piano-perf stampa FILE.xlsx"],
  ])("%j → exit 2 with the Italian message", (args, message) => {
    const r = cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  it("a workbook without cards: exit 1, nothing written", () => {
    const notes = path.join(dir, "note.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Note").getCell("A1").value = "appunti";
    return wb.xlsx.writeFile(notes).then(() => {
      const out = path.join(dir, "note-stampa.xlsx");
      const r = cli(["stampa", notes, "--out", out]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("Nessuna scheda da preparare per la stampa");
      expect(fs.existsSync(out)).toBe(false);
    });
  });

  it("the help lists stampa and --stampa", () => {
    const r = cli(["--help"]);
    expect(r.stdout).toContain("piano-perf stampa FILE.xlsx --out COPIA.xlsx");
    expect(r.stdout).toContain("[--stampa]");
  });
});
