// Accepted corrections stay in sight of the OIV (issue 12 follow-up), through the bundled bin on
// the example: `calcola --out A.xlsx`, then `calcola A.xlsx --out B.xlsx --accetta-rettifiche=<one
// cell>`: B's summary sheet (read with ExcelJS) lists that cell as «accettata il 01/01/2026» and
// the other six as open; `documento B.xlsx` lists it in the annex's «Rettifiche accettate»,
// after the open ones. SOURCE_DATE_EPOCH fixes the acceptance date (buildTime in src/cli/main.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { loadXlsx, tmpDir } from "../reader/helpers";
import { docxParts } from "../document/helpers";
import { onlySheetVisible, pdfPages, pdfText, requirePrintTools, toPdf } from "../print/libreoffice";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const example = path.join(root, "assets", "esempio-piano-2022.xlsx");
// 1767225600 = 2026-01-01T00:00:00Z.
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600", TZ: "UTC" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const SITO = "OO13 Sito camerale";

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
}, 60_000);

const plain = (v: ExcelJS.CellValue): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "result" in v) return (v.result as string | number) ?? null;
  return v as string | number;
};

/** The «Rettifiche» block of the summary sheet: sheet, cell, original, computed, state per data row. */
function rectificationRows(ws: ExcelJS.Worksheet): { rows: (string | number | null)[][]; after: string[] } {
  let title = 0;
  ws.eachRow((row, n) => {
    if (!title && String(plain(row.getCell(1).value) ?? "").startsWith("Rettifiche (")) title = n;
  });
  expect(title).toBeGreaterThan(0);
  expect(plain(ws.getCell(title + 1, 12).value)).toBe("Stato della cella");
  const rows: (string | number | null)[][] = [];
  let n = title + 2;
  // Data rows have a cell address in column B; the notes under the table do not.
  for (; /^[A-Z]+\d+$/.test(String(plain(ws.getCell(n, 2).value) ?? "")); n++) {
    const c = (col: number) => plain(ws.getCell(n, col).value);
    rows.push([c(1), c(2), c(6), c(7), c(12)]);
  }
  const after: string[] = [];
  for (; plain(ws.getCell(n, 1).value) !== null; n++) after.push(String(plain(ws.getCell(n, 1).value)));
  return { rows, after };
}

describe("accepted corrections in the summary sheet and the document", () => {
  const dir = tmpDir("accepted-summary-");
  const a = path.join(dir, "A.xlsx");
  const b = path.join(dir, "B.xlsx");
  const x = path.join(dir, "X.docx");

  beforeAll(() => {
    expect(cli(["calcola", example, "--out", a]).code).toBe(1); // the example's 3 errors
    const r = cli(["calcola", a, "--out", b, `--accetta-rettifiche=${SITO}!H19`]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Rettifiche accettate: 1");
  });

  it("A's summary: seven open corrections, none accepted", async () => {
    const ws = (await loadXlsx(a)).worksheets.find((w) => w.name.startsWith("Riepilogo performance"))!;
    const { rows, after } = rectificationRows(ws);
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r[4] === "rettificata nella scheda")).toBe(true);
    expect(after.join(" ")).not.toContain("accettat");
  });

  it("B's summary: the accepted cell with its original, computed value and date; the other six open", async () => {
    const ws = (await loadXlsx(b)).worksheets.find((w) => w.name.startsWith("Riepilogo performance"))!;
    const { rows, after } = rectificationRows(ws);
    expect(rows).toHaveLength(7);
    const open = rows.filter((r) => r[4] === "rettificata nella scheda");
    expect(open).toHaveLength(6);
    expect(open.map((r) => `${r[0]}!${r[1]}`)).not.toContain(`${SITO}!H19`);
    // Listed after the open ones.
    expect(rows[6]).toEqual([SITO, "H19", 0, 1, "accettata il 01/01/2026"]);
    expect(after[0]).toContain("Rettifiche accettate");
    expect(String(plain(ws.getCell("A2").value))).toContain("6 rettifiche (più 1 accettata)");
  });

  it("B's summary still prints on at most 4 A4 pages (LibreOffice), the accepted row on it", () => {
    requirePrintTools();
    const pdf = toPdf(onlySheetVisible(b, "Riepilogo performance 2022", path.join(dir, "solo-riepilogo.xlsx")), dir);
    expect(pdfPages(pdf)).toBeLessThanOrEqual(4);
    expect(pdfText(pdf, true).join("\n")).toMatch(/H19 .*accettata il 01\/01\/2026/);
  });

  it("documento B.xlsx: the annex lists the six open corrections, then the accepted one with its date", () => {
    const r = cli(["documento", b, "--out", x]);
    expect(r.stdout).toContain("Allegato: 6 rettifiche, 1 rettifica accettata, 0 forzature.");
    const xml = docxParts(new Uint8Array(fs.readFileSync(x)))["word/document.xml"];
    const text = xml
      .replace(/<\/w:p>/g, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/&apos;/g, "'");
    const annex = text.slice(text.indexOf("Allegato – Rettifiche e forzature"));
    const open = annex.indexOf("\nRettifiche\n");
    const accepted = annex.indexOf("\nRettifiche accettate\n");
    const overrides = annex.indexOf("\nForzature\n");
    expect(open).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(open);
    expect(overrides).toBeGreaterThan(accepted);
    const section = annex.slice(accepted, overrides);
    expect(section).toContain(`${SITO} – H19`);
    expect(section).toContain("Architettura dell'informazione");
    expect(section).toContain("accettata il 01/01/2026");
    // Not also among the open ones.
    expect(annex.slice(open, accepted)).not.toContain(`${SITO} – H19`);
    expect(annex.slice(open, accepted)).toContain("OO17 Salute organizzativa – H29");
  });
});
