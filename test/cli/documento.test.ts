// `piano-perf documento` and `calcola --csv` as a user runs them: the bundled bin on real files.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { parseCsv } from "../document/helpers";
import { tmpDir } from "../reader/helpers";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)|Error:|node:internal/);

const dir = tmpDir("piano-perf-doc-");
const example = path.join(dir, "esempio.xlsx");

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
  const e = cli(["esempio", example]);
  if (e.code !== 0) throw new Error(e.stderr);
});

describe("piano-perf documento", () => {
  it("writes the example's document: exit 1 (the seed has 3 errors), Italian summary, a valid .docx, input untouched", () => {
    const before = fs.readFileSync(example);
    const out = path.join(dir, "PIRA.docx");
    const r = cli(["documento", example, "--out", out, "--ente", "Camera di Commercio di Pistoia-Prato", "--fase=consuntivo"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Documento scritto: ${out} (18 obiettivi, 136 indicatori).`);
    expect(r.stdout).toContain("Allegato: 7 rettifiche, 0 forzature.");
    expect(r.stdout).toContain("il piano ha 3 errori");
    const files = unzipSync(fs.readFileSync(out));
    const doc = strFromU8(files["word/document.xml"]);
    expect(doc).toContain("Camera di Commercio di Pistoia-Prato");
    expect(doc).toContain("Consuntivo 2022");
    expect(fs.readFileSync(example).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps the seven corrections with the seed's original values on the first run's --out (cells already rewritten)", () => {
    const copy = path.join(dir, "calcolato.xlsx");
    expect(cli(["calcola", example, "--out", copy]).code).toBe(1);
    const out = path.join(dir, "PIRA-secondo.docx");
    const r = cli(["documento", copy, "--out", out]);
    expect(r.stdout).toContain("Allegato: 7 rettifiche, 0 forzature.");
    const doc = strFromU8(unzipSync(fs.readFileSync(out))["word/document.xml"]);
    const annex = doc.slice(doc.indexOf("Allegato – Rettifiche e forzature"));
    const cellsText = (row: string) => [...row.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const rows = annex.split("<w:tr>").slice(2).map(cellsText);
    const assenza = rows.find((c) => c.includes("Tasso di assenza"));
    expect(assenza).toEqual(expect.arrayContaining(["15%", "55,56%"]));
    const sito = rows.find((c) => c.includes("Architettura dell&apos;informazione"));
    expect(sito).toEqual(expect.arrayContaining(["0%", "100%"]));
  });

  it("says what is wrong, in Italian, with exit 2 and no stack, for bad usage and bad files", () => {
    const notXlsx = path.join(dir, "note.txt");
    fs.writeFileSync(notXlsx, "non sono un foglio");
    const cases: Array<[string[], string, boolean]> = [
      [["documento"], "Manca il file: piano-perf documento FILE.xlsx", true],
      [["documento", example], "Indicare il file da scrivere: piano-perf documento FILE.xlsx --out PIRA.docx", true],
      [["documento", example, "--out"], "Dopo --out indicare un valore (per esempio --out PIRA.docx).", true],
      [["documento", example, "--out", "PIRA.pdf"], "il nome dopo --out deve finire con .docx (non «PIRA.pdf»)", true],
      [["documento", example, "--out", "x.docx", "--fase", "bilancio"], "Fase non valida: «bilancio». Indicare --fase consuntivo oppure --fase preventivo.", true],
      [["documento", example, "--out", "x.docx", "--ente"], "Dopo --ente indicare un valore", true],
      [["documento", example, "--out", "x.docx", "--json"], "L'opzione --json non vale per il comando «documento».", true],
      [["documento", example, "--out", "x.docx", "--boh"], "Opzione sconosciuta: «--boh».", true],
      [["documento", example, "altro.xlsx", "--out", "x.docx"], "Argomento in più: «altro.xlsx».", true],
      [["documento", path.join(dir, "manca.xlsx"), "--out", path.join(dir, "x.docx")], "File non trovato:", false],
      [["documento", notXlsx, "--out", path.join(dir, "x.docx")], "non è un file .xlsx", false],
    ];
    for (const [args, message, usage] of cases) {
      const r = cli(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain(message);
      expect(r.stderr.includes("Uso:")).toBe(usage);
      expect(r.stdout).toBe("");
      noStack(r.stderr);
    }
    expect(fs.existsSync(path.join(dir, "x.docx"))).toBe(false);
  });

  it("refuses to overwrite the input, and writes nothing for a workbook without cards (exit 1)", () => {
    // A workbook misnamed .docx, given as its own output: never overwritten.
    const misnamed = path.join(dir, "piano.docx");
    fs.copyFileSync(example, misnamed);
    const r = cli(["documento", misnamed, "--out", misnamed]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Il file di uscita coincide con quello di ingresso");
    expect(fs.readFileSync(misnamed).equals(fs.readFileSync(example))).toBe(true);
    const empty = path.join(dir, "vuota.xlsx");
    // A real .xlsx with one empty sheet.
    const ExcelJS = jest.requireActual("exceljs");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Foglio1");
    return wb.xlsx.writeFile(empty).then(() => {
      const out = path.join(dir, "vuoto.docx");
      const e = cli(["documento", empty, "--out", out]);
      expect(e.code).toBe(1);
      expect(e.stderr).toContain("Nessuna scheda trovata in");
      expect(fs.existsSync(out)).toBe(false);
    });
  });

  it("lists the command in the usage", () => {
    expect(cli(["--help"]).stdout).toContain("piano-perf documento FILE.xlsx --out PIRA.docx");
  });
});

describe("piano-perf calcola --csv", () => {
  it("writes one row per indicator with a header, next to the report", () => {
    const csv = path.join(dir, "dati.csv");
    const r = cli(["calcola", example, "--csv", csv]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Dati aperti salvati: ${csv} (136 righe, una per indicatore).`);
    const text = fs.readFileSync(csv, "utf8");
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(137);
    expect(rows[0][0]).toBe("anno");
  });

  it("works with --out and --json together (the JSON on stdout stays pure)", () => {
    const csv = path.join(dir, "dati2.csv");
    const out = path.join(dir, "copia.xlsx");
    const r = cli(["calcola", example, "--out", out, "--csv", csv, "--json"]);
    expect(r.code).toBe(1);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(fs.existsSync(out)).toBe(true);
    expect(parseCsv(fs.readFileSync(csv, "utf8"))).toHaveLength(137);
  });

  it("rejects bad --csv values in Italian with exit 2", () => {
    const cases: Array<[string[], string]> = [
      [["verifica", example, "--csv", "x.csv"], "L'opzione --csv non vale per il comando «verifica»."],
      [["calcola", example, "--csv"], "Dopo --csv indicare il nome del file da scrivere"],
      [["calcola", example, "--csv", "dati.txt"], "il nome dopo --csv deve finire con .csv"],
      [["calcola", example, "--csv", path.join(dir, "a.csv"), "--out", path.join(dir, "a.csv")], "Il file CSV coincide con la copia"],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain(message);
      noStack(r.stderr);
    }
  });
});
