// The summary as it prints: the seed example through the CLI (`calcola --out`), the saved
// workbook printed to PDF by LibreOffice (an independent reader of our page setup) and
// read back as text. Issue 12: ≤ 4 A4 pages, every figure visible, no JSON, no internal
// code, settings and backup sheets never printed, the corrections kept through a second run.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { JsonReport } from "../../src/cli/report";
import { tmpDir } from "../reader/helpers";
import { onlySheetVisible, pdfPages, pdfPictures, pdfText, requirePrintTools, toPdf } from "./libreoffice";
import { VOCABULARY } from "../../src/messages/engine";

jest.setTimeout(240_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const seedFile = path.join(root, "assets", "esempio-piano-2022.xlsx");
const SUMMARY = "Riepilogo performance 2022";

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** "0.9708…" as LibreOffice prints a "0.00%" cell under the Italian locale: "97,08%". */
const printed = (x: number) => (x * 100).toFixed(2).replace(".", ",") + "%";

let dir: string;
let out: string;
let report: JsonReport;
let fullPages: string[];
let summaryPdf: string;
let summaryPages: string[];

beforeAll(() => {
  requirePrintTools();
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
  dir = tmpDir("piano-perf-print-");
  out = path.join(dir, "X.xlsx");
  const run = cli(["calcola", seedFile, "--out", out]);
  expect(run.stderr).toBe("");
  expect(fs.existsSync(out)).toBe(true);
  report = JSON.parse(cli(["calcola", out, "--json"]).stdout) as JsonReport;
  fullPages = pdfText(toPdf(out, dir));
  summaryPdf = toPdf(onlySheetVisible(out, SUMMARY, path.join(dir, "solo-riepilogo.xlsx")), dir);
  summaryPages = pdfText(summaryPdf, true);
});

describe("the summary printed by LibreOffice", () => {
  it("fits on at most 4 A4 landscape pages, with the title, date and page number on each", () => {
    const pages = pdfPages(summaryPdf);
    expect(pages).toBeLessThanOrEqual(4);
    expect(summaryPages).toHaveLength(pages);
    const info = spawnSync("pdfinfo", [summaryPdf], { encoding: "utf8" }).stdout;
    // A4 landscape: 842 × 595 points.
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    summaryPages.forEach((text, i) => {
      expect(text).toContain(SUMMARY); // header and the repeated title rows
      expect(text).toContain(`Pagina ${i + 1} di ${pages}`);
      expect(text).toMatch(/\d\d\/\d\d\/\d{4} \d\d:\d\d · esempio-piano-2022\.xlsx/);
    });
    // The same pages are in the whole workbook's PDF (the cards print too, each with its own setup).
    expect(fullPages.filter((p) => p.includes(`Riepilogo performance complessiva`) || p.includes("Performance complessiva: ")).length).toBe(pages);
  });

  it("shows every objective's and every roll-up's performance, the totals and the plan's", () => {
    const text = summaryPages.join("\n");
    const need = new Map<string, number>();
    const want = (x: number | null) => x !== null && need.set(printed(x), (need.get(printed(x)) ?? 0) + 1);
    for (const o of report.objectives) want(o.performance);
    for (const rows of Object.values(report.rollups)) for (const r of rows) want(r.performance);
    for (const [s, n] of need) expect({ s, found: text.split(s).length - 1 >= n }).toEqual({ s, found: true });
    expect(text).toContain("Performance complessiva: 97,08%");
    // Six tables with a totals row (objectives + five roll-ups), each ending on the plan's 97,08%.
    expect(text.match(/Totale[^\n]*97,08%/g)).toHaveLength(6);
    for (const title of ["Obiettivi operativi", "Per obiettivo strategico", "Per ambito strategico", "Per area di responsabilità", "Per missione", "Per missione e programma", "Rettifiche", "Forzature", "Problemi"])
      expect(text).toContain(title);
  });

  it("writes «risorse interne», the rules in words, the corrections; no JSON, no internal code", () => {
    const text = summaryPages.join("\n");
    expect(text).toContain("risorse interne");
    expect(text).not.toMatch(/(^|\s)0,00 €/m);
    expect(text).toContain("Regole SMVP applicate");
    expect(text).toContain(`${VOCABULARY.cap}: 100%`);
    expect(text).toMatch(/ricavata dal Programma/);
    expect(text).toMatch(/OO13 Sito[\s\S]*0,00%\s+100,00%/);
    expect(text).toMatch(/Tasso di assenza\s+15,00%\s+55,56%/);
    for (const page of fullPages) {
      expect(page).not.toMatch(/\{"/);
      expect(page).not.toMatch(/\b[A-Z]+(_[A-Z]+)+\b/); // STATED_MISMATCH, VALUE_UNREADABLE…
      expect(page).not.toContain("Politica (JSON)");
      expect(page).not.toContain("Contenuto precedente"); // the backup sheet
    }
    expect(text).not.toContain("qui non disponibile"); // no note about a missing chart
  });

  it("settings and backup sheets are hidden in --out (hidden sheets are not printed)", () => {
    const files = unzipSync(new Uint8Array(fs.readFileSync(out)));
    const wbXml = strFromU8(files["xl/workbook.xml"]);
    expect(wbXml).toMatch(/<sheet [^>]*name="Impostazioni Piano Performance"[^>]*state="hidden"/);
    expect(wbXml).toMatch(/<sheet [^>]*name="Ripristino Piano Performance"[^>]*state="veryHidden"/);
    // The picture of the objectives: in-cell data bars on the performance column.
    const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets.some((f) => /<cfRule type="dataBar"/.test(strFromU8(files[f])))).toBe(true);
  });

  it("writes pictures of the pages to look at", () => {
    const pngs = pdfPictures(summaryPdf, path.join(dir, "riepilogo"));
    expect(pngs.length).toBe(pdfPages(summaryPdf));
    for (const p of pngs) expect(fs.statSync(p).size).toBeGreaterThan(5_000);
  });
});

describe("the corrections survive --out", () => {
  it("a second calcola on the first run's --out lists the seed's seven corrections with the seed's original values", () => {
    const first = JSON.parse(cli(["calcola", seedFile, "--json"]).stdout) as JsonReport;
    expect(first.rectifications).toHaveLength(7);
    expect(report.rectifications).toEqual(first.rectifications);
    const byCell = Object.fromEntries(report.rectifications.map((r) => [`${r.sheet}!${r.cell}`, [r.original, r.computed]]));
    expect(byCell["OO13 Sito camerale!H19"]).toEqual([0, 1]);
    expect(byCell["OO17 Salute organizzativa!H29"][0]).toBeCloseTo(0.15, 12);
    expect(byCell["OO17 Salute organizzativa!H29"][1]).toBeCloseTo(5 / 9, 12);
    expect(byCell["OO07 Infrastrutture!H18"]).toEqual([1.23, 1]);
    // …and a third run on a copy of the second's output still does.
    const out2 = path.join(dir, "Y.xlsx");
    expect(cli(["calcola", out, "--out", out2]).code).toBe(1);
    const third = JSON.parse(cli(["calcola", out2, "--json"]).stdout) as JsonReport;
    expect(third.rectifications).toEqual(first.rectifications);
    // Same warnings before and after the writes: the corrections are reported, not lost.
    const warnings = (r: JsonReport) => r.problems.filter((p) => p.severity === "warning").length;
    expect(warnings(report)).toBe(warnings(first));
  });
});
