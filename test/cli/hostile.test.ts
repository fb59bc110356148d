// Issue 14, «Crashes and exhaustion» and «Valid workbooks refused or crashing»: tiny or
// hostile files that used to kill `piano-perf` (V8 heap out of memory, rc 134) or were
// misdiagnosed. Each is generated here; each must end with an Italian message, exit 2 (or a
// normal report), within 60 s and 2 GB (measured: the child's peak RSS from a preload).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { addMerge, oleFile, tampered, zipBomb, zipParts, bytes, text, baseParts } from "../xlsx/hostile";

jest.setTimeout(180_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "piano-hostile-"));
const preload = path.join(dir, "rss.cjs");
fs.writeFileSync(preload, `process.on("exit", () => require("fs").writeSync(2, "\\nMAXRSS_KB " + process.resourceUsage().maxRSS + "\\n"));`);

const MAX_MS = 60_000;
const MAX_RSS_KB = 2 * 1024 * 1024;

function cli(args: string[]) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--require", preload, bin, ...args], { cwd: root, encoding: "utf8", timeout: 2 * MAX_MS });
  const ms = Date.now() - t0;
  const m = /MAXRSS_KB (\d+)/.exec(r.stderr);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(/\nMAXRSS_KB \d+\n/, ""), ms, rssKb: m ? Number(m[1]) : Infinity };
}

function write(name: string, data: Buffer | Uint8Array): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, data);
  return f;
}

async function exceljsFile(name: string, build: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Piano"));
  const f = path.join(dir, name);
  await wb.xlsx.writeFile(f);
  return f;
}

function bounded(r: ReturnType<typeof cli>) {
  expect(r.ms).toBeLessThan(MAX_MS);
  expect(r.rssKb).toBeLessThan(MAX_RSS_KB);
  expect(r.stderr).not.toMatch(/heap out of memory|\n\s+at |node:internal|Errore imprevisto/);
}

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("workbooks of a few KB that used to exhaust memory", () => {
  test("values at A1 and XFD1048576: exit 2, the sheet's span and the far cell named", async () => {
    const f = await exceljsFile("angoli.xlsx", (ws) => {
      ws.getCell("A1").value = "Missione";
      ws.getCell("XFD1048576").value = "lontano";
    });
    expect(fs.statSync(f).size).toBeLessThan(20_000);
    const r = cli(["verifica", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Il foglio «Piano» ha valori sparsi su A1:XFD1048576");
    expect(r.stderr).toContain("La cella più lontana è XFD1048576");
    bounded(r);
  });

  test("an empty formatted cell at XFD1048576: read normally (the format does not widen the grid)", async () => {
    const f = await exceljsFile("formato-lontano.xlsx", (ws) => {
      ws.getCell("A1").value = "Missione";
      ws.getCell("XFD1048576").numFmt = "0.00%";
    });
    const r = cli(["verifica", f]);
    // Not a plan (no card): exit 1 with the usual report, not a crash.
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Nessuna scheda trovata");
    bounded(r);
  });

  test("a merge A1:XFD1048576: exit 2 before ExcelJS builds a cell of it", async () => {
    const f = write("unione.xlsx", await tampered((p) => addMerge(p, "A1:XFD1048576")));
    expect(fs.statSync(f).size).toBeLessThan(20_000);
    const r = cli(["verifica", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("l'unione di celle A1:XFD1048576");
    expect(r.stderr).toContain("«Foglio1»");
    bounded(r);
  });
});

describe("a sheet cut short", () => {
  test("a worksheet part that ends in the middle of its cells: exit 2 naming the sheet, never read as a shorter sheet", async () => {
    const f = write("interrotto.xlsx", await tampered((p) => {
      const name = "xl/worksheets/sheet1.xml";
      const xml = text(p[name]);
      p[name] = bytes(xml.slice(0, xml.indexOf("</sheetData>") - 10));
    }));
    const r = cli(["verifica", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("il foglio «Foglio1» è interrotto a metà");
    expect(r.stdout).toBe("");
    bounded(r);
  });
});

describe("zip bombs", () => {
  test("a ~3 MB file whose sheet inflates to ~3 GB (sizes declared honestly): refused before inflating", async () => {
    const f = write("bomba.xlsx", await zipBomb(3 * 1024 ** 3));
    const size = fs.statSync(f).size;
    expect(size).toBeGreaterThan(1_000_000);
    expect(size).toBeLessThan(8_000_000);
    const r = cli(["calcola", f, "--out", path.join(dir, "mai.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/decompressa supera|zip bomb/);
    expect(fs.existsSync(path.join(dir, "mai.xlsx"))).toBe(false);
    bounded(r);
  });

  test("the same bomb declaring a small size: stopped while inflating, at the declared size", async () => {
    const f = write("bomba-bugiarda.xlsx", await zipBomb(3 * 1024 ** 3, 2_000_000));
    const r = cli(["verifica", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("non ha la dimensione dichiarata");
    bounded(r);
  });

  test("a sheet with millions of cells (declared honestly, plausible ratio): refused on the cell count", async () => {
    // 100 MB of rows (4 cells per 129 bytes: ~3.2 M cells, limit 1.5 M) at ~250:1, which the declared
    // size and ratio checks let through: only the counting inflate stops it.
    const f = write("celle.xlsx", await zipBomb(100 * 1024 ** 2, undefined, "rows"));
    const r = cli(["verifica", f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("contiene più di 1.500.000 celle");
    bounded(r);
  });
});

describe("files that are not workbooks say what they are", () => {
  test("an encrypted workbook (OLE with EncryptionInfo/EncryptedPackage) is «protetto da password»", () => {
    const r = cli(["verifica", write("cifrato.xlsx", oleFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("è protetto da password");
    expect(r.stderr).not.toContain(".xls (Excel 97-2003)");
  });

  test("an old .xls (OLE with a Workbook stream)", () => {
    const r = cli(["verifica", write("vecchio.xls", oleFile(["Workbook", "\u0005SummaryInformation"]))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("vecchio formato .xls (Excel 97-2003)");
  });

  test("an .ods (OpenDocument spreadsheet): exit 2 saying so", () => {
    const ods = zipParts({ mimetype: bytes("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": bytes("<office:document-content/>"), "META-INF/manifest.xml": bytes("<manifest/>") });
    const r = cli(["verifica", write("piano.ods", ods)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("è un foglio di calcolo OpenDocument (.ods");
  });

  test("a zip that is not a workbook: exit 2 with what it contains", () => {
    const r = cli(["verifica", write("archivio.xlsx", zipParts({ "leggimi.txt": bytes("ciao"), "dati/a.csv": bytes("1;2") }))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("è un archivio zip ma non una cartella di lavoro di Excel");
    expect(r.stderr).toContain("«leggimi.txt»");
    expect(r.stderr).not.toContain("non contiene fogli");
  });

  test("a Word document", () => {
    const r = cli(["verifica", write("lettera.xlsx", zipParts({ "[Content_Types].xml": bytes("<Types/>"), "word/document.xml": bytes("<w:document/>") }))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("è un documento di Word");
  });
});

describe("valid workbooks written by other tools", () => {
  test("openpyxl's absolute relationship targets (/xl/...) and comment parts: the workbook loads", async () => {
    // openpyxl writes Target="/xl/worksheets/sheet1.xml" in the workbook's relationships and
    // keeps comments in xl/comments/comment1.xml with a commentsDrawing1.vml: emulate that
    // layout from an ExcelJS package with a comment.
    const parts = await baseParts((wb) => {
      const ws = wb.addWorksheet("Foglio1");
      ws.getCell("A1").value = "Missione";
      ws.getCell("A1").note = "nota dell'ufficio";
    });
    const moves: Record<string, string> = { "xl/comments1.xml": "xl/comments/comment1.xml", "xl/drawings/vmlDrawing1.vml": "xl/drawings/commentsDrawing1.vml" };
    for (const [from, to] of Object.entries(moves)) {
      expect(parts[from]).toBeDefined();
      parts[to] = parts[from];
      delete parts[from];
    }
    parts["xl/_rels/workbook.xml.rels"] = bytes(text(parts["xl/_rels/workbook.xml.rels"]).replace(/Target="(?!\/)([^"]+)"/g, 'Target="/xl/$1"'));
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = bytes(
      text(parts["xl/worksheets/_rels/sheet1.xml.rels"]).replace('Target="../comments1.xml"', 'Target="/xl/comments/comment1.xml"').replace('Target="../drawings/vmlDrawing1.vml"', 'Target="/xl/drawings/commentsDrawing1.vml"'),
    );
    const f = write("openpyxl.xlsx", zipParts(parts));
    // ExcelJS alone fails on it (the reason for the fix).
    await expect(new ExcelJS.Workbook().xlsx.readFile(f)).rejects.toThrow();
    const r = cli(["verifica", f]);
    expect(r.stderr).not.toContain("danneggiato");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Nessuna scheda trovata");
  });
});
