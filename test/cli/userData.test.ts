// The user's data through `piano-perf` (issue 14, «The user's data»): text beside
// «Performance obiettivo», merged Performance cells, a user's own sheet named like the
// settings sheet, a registry claiming a user's sheet, --out onto links, devices, FIFOs
// and protected files, `esempio` onto an existing file. Each case on a real workbook,
// run as a user runs the CLI; the input file is never modified.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { comparePackages, partsOf, plannedWrites, smallPlan, text, sheetPart } from "./packages";
import { exampleSheetName } from "../../src/adapters/exceljs";
import { seed, tmpDir } from "../reader/helpers";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const dir = tmpDir("piano-perf-userdata-");
const first = exampleSheetName(seed.obiettivi[0]);
/** The example's first card: 8 indicators in rows 17–24, «Performance obiettivo» in A26:G26, its value in H26. */
const OBJECTIVE_ROW = 26;

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
}, 60_000);

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Runs calcola --out; checks the input is unchanged and the package comparison; returns stdout and the output workbook. */
async function calcola(input: string, expectedCode = 0) {
  const out = input.replace(/\.xlsx$/, "-out.xlsx");
  const before = sha(input);
  const planned = await plannedWrites(input);
  const r = cli(["calcola", input, "--out", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(expectedCode);
  expect(sha(input)).toBe(before);
  comparePackages(partsOf(input), partsOf(out), planned);
  return { stdout: r.stdout, wb: await load(out), planned };
}

describe("«Performance obiettivo»: only its own cell, never the user's text", () => {
  it("a note farther right on the row (K26) stays; the value goes into the adjacent cell H26", async () => {
    const wb = smallPlan();
    wb.getWorksheet(first)!.getCell(`K${OBJECTIVE_ROW}`).value = "Nota del dirigente: obiettivo rivisto a giugno";
    const { wb: out, planned } = await calcola(await save(wb, "note-right.xlsx"));
    expect(planned.get(first)?.has(`K${OBJECTIVE_ROW}`)).toBe(false);
    expect(out.getWorksheet(first)!.getCell(`K${OBJECTIVE_ROW}`).value).toBe("Nota del dirigente: obiettivo rivisto a giugno");
    expect(out.getWorksheet(first)!.getCell(`H${OBJECTIVE_ROW}`).value).toBeCloseTo(0.9074, 3);
  });

  it("a signature in the adjacent cell is not overwritten: a warning on that cell, nothing written there", async () => {
    const wb = smallPlan();
    const ws = wb.getWorksheet(first)!;
    // Label alone in B26, signature in C26: the layout of the report (issue 14).
    ws.unMergeCells(`A${OBJECTIVE_ROW}:G${OBJECTIVE_ROW}`);
    ws.getCell(`A${OBJECTIVE_ROW}`).value = null;
    ws.getCell(`B${OBJECTIVE_ROW}`).value = "Performance obiettivo";
    ws.getCell(`C${OBJECTIVE_ROW}`).value = "Firma: Mario Rossi";
    ws.getCell(`H${OBJECTIVE_ROW}`).value = "Visto il 12/01";
    const { wb: out, stdout } = await calcola(await save(wb, "signature.xlsx"));
    expect(stdout).toContain(`[avviso] '${first}'!C${OBJECTIVE_ROW} — La cella C${OBJECTIVE_ROW} accanto a «Performance obiettivo» contiene «Firma: Mario Rossi», che non è una performance: non viene sovrascritta`);
    expect(stdout).not.toContain("Nessun problema trovato");
    expect(out.getWorksheet(first)!.getCell(`C${OBJECTIVE_ROW}`).value).toBe("Firma: Mario Rossi");
    expect(out.getWorksheet(first)!.getCell(`H${OBJECTIVE_ROW}`).value).toBe("Visto il 12/01");
  });

  it("a label in B26 with an empty adjacent C26 and the card's Performance column H26 empty: written in C26, next to the label", async () => {
    const wb = smallPlan();
    const ws = wb.getWorksheet(first)!;
    ws.unMergeCells(`A${OBJECTIVE_ROW}:G${OBJECTIVE_ROW}`);
    ws.getCell(`A${OBJECTIVE_ROW}`).value = null;
    ws.getCell(`B${OBJECTIVE_ROW}`).value = "Performance obiettivo";
    ws.getCell(`K${OBJECTIVE_ROW}`).value = "Firma: Mario Rossi";
    const { wb: out } = await calcola(await save(wb, "adjacent.xlsx"));
    expect(out.getWorksheet(first)!.getCell(`C${OBJECTIVE_ROW}`).value).toBeCloseTo(0.9074, 3);
    expect(out.getWorksheet(first)!.getCell(`K${OBJECTIVE_ROW}`).value).toBe("Firma: Mario Rossi");
  });

  it("a hyperlink in the value cell is the user's: warning, link kept", async () => {
    const wb = smallPlan();
    wb.getWorksheet(first)!.getCell(`H${OBJECTIVE_ROW}`).value = { text: "Relazione del dirigente", hyperlink: "https://ente.example/relazione.pdf" };
    const { wb: out, stdout } = await calcola(await save(wb, "hyperlink.xlsx"));
    expect(stdout).toContain(`'${first}'!H${OBJECTIVE_ROW} — La cella H${OBJECTIVE_ROW} accanto a «Performance obiettivo» contiene «Relazione del dirigente»`);
    expect(out.getWorksheet(first)!.getCell(`H${OBJECTIVE_ROW}`).value).toEqual({ text: "Relazione del dirigente", hyperlink: "https://ente.example/relazione.pdf" });
  });
});

describe("merged Performance cells", () => {
  it("H17:H18 shared by two indicators: reported on H17, neither written (no 20% over a 100%)", async () => {
    const wb = smallPlan();
    const ws = wb.getWorksheet(first)!;
    ws.getCell("H17").value = 0.2;
    ws.mergeCells("H17:H18");
    const { wb: out, stdout, planned } = await calcola(await save(wb, "merged.xlsx"));
    expect(stdout).toContain(`[avviso] '${first}'!H17 — La cella Performance H17 fa parte dell'unione H17:H18, che copre più indicatori`);
    expect(planned.get(first)?.has("H17")).toBe(false);
    expect(planned.get(first)?.has("H18")).toBe(false);
    expect(out.getWorksheet(first)!.getCell("H17").value).toBe(0.2);
  });
});

describe("the add-in's sheets are known by their mark, never by their name", () => {
  it("a user's own sheet named «impostazioni piano performance» is kept; the add-in's settings get a new name", async () => {
    const wb = smallPlan();
    const mine = wb.addWorksheet("impostazioni piano performance");
    mine.getCell("A1").value = "Le mie impostazioni della stampante";
    mine.getCell("A2").value = "Politica (JSON)";
    mine.getCell("B2").value = '{"version":1,"cap":0.5}';
    const input = await save(wb, "own-settings.xlsx");
    const { wb: out, stdout } = await calcola(input);
    expect(stdout).toContain("Regole di calcolo: predefinite");
    expect(out.getWorksheet("impostazioni piano performance")!.getCell("A1").value).toBe("Le mie impostazioni della stampante");
    expect(out.getWorksheet("Impostazioni Piano Performa (2)")!.getCell("A1").value).toBe("Impostazioni Piano Performance");
    // The user's sheet part is byte-identical.
    const a = partsOf(input);
    const b = partsOf(input.replace(/\.xlsx$/, "-out.xlsx"));
    const part = sheetPart(a, "impostazioni piano performance");
    expect(Buffer.from(b[part]).equals(Buffer.from(a[part]))).toBe(true);
    // A second run finds its own settings by the mark and refreshes them in place.
    const again = cli(["calcola", input.replace(/\.xlsx$/, "-out.xlsx"), "--out", path.join(dir, "own-settings-2.xlsx")]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Regole di calcolo: quelle salvate nella cartella.");
    const wb2 = await load(path.join(dir, "own-settings-2.xlsx"));
    expect(wb2.worksheets.map((w) => w.name).filter((n) => /impostazioni/i.test(n))).toEqual(["impostazioni piano performance", "Impostazioni Piano Performa (2)"]);
  });

  it("a settings registry listing a user's card cannot take it out of the plan", async () => {
    const wb = smallPlan();
    const settings = wb.addWorksheet("Impostazioni Piano Performance");
    settings.getCell("A1").value = "Impostazioni Piano Performance";
    settings.getCell("A2").value = "Politica (JSON)";
    settings.getCell("B2").value = JSON.stringify({ version: 1 });
    settings.getCell("A3").value = "Foglio gestito";
    settings.getCell("B3").value = first;
    const r = cli(["verifica", await save(wb, "registry.xlsx"), "--json"]);
    const json = JSON.parse(r.stdout);
    expect(json.objectives.map((o: { sheet: string }) => o.sheet)).toContain(first);
    expect(json.skippedSheets).not.toContain(first);
  });
});

describe("--out only onto regular files", () => {
  let input: string;
  beforeAll(async () => {
    input = await save(smallPlan(), "plain.xlsx");
  });

  it("through a symbolic link: the link stays, its target gets the workbook, its mode 0600 is kept", () => {
    const target = path.join(dir, "target.xlsx");
    fs.writeFileSync(target, "old");
    fs.chmodSync(target, 0o600);
    const link = path.join(dir, "link.xlsx");
    fs.symlinkSync(target, link);
    const r = cli(["calcola", input, "--out", link]);
    expect(r.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    expect(partsOf(target)["xl/workbook.xml"]).toBeDefined();
  });

  it("an existing 0600 file stays 0600", () => {
    const out = path.join(dir, "private.xlsx");
    fs.writeFileSync(out, "old");
    fs.chmodSync(out, 0o600);
    expect(cli(["calcola", input, "--out", out]).code).toBe(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it("refuses a FIFO and a device (/dev/full, even as root) with exit 2 and an Italian message", () => {
    const fifo = path.join(dir, "pipe.xlsx");
    spawnSync("mkfifo", [fifo]);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    for (const target of [fifo, "/dev/full", "/dev/null"]) {
      const r = cli(["calcola", input, "--out", target]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${target} non è un file normale (dispositivo, FIFO o cartella)`);
    }
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.statSync("/dev/full").isCharacterDevice()).toBe(true);
  });
});

describe("esempio never overwrites without --sovrascrivi", () => {
  it("refuses an existing file (exit 2), replaces it with --sovrascrivi", () => {
    const file = path.join(dir, "piano-mio.xlsx");
    fs.writeFileSync(file, "il mio piano");
    const r = cli(["esempio", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} esiste già: per sostituirlo aggiungere --sovrascrivi`);
    expect(fs.readFileSync(file, "utf8")).toBe("il mio piano");
    const ok = cli(["esempio", file, "--sovrascrivi"]);
    expect(ok.code).toBe(0);
    expect(text(partsOf(file), "xl/workbook.xml")).toContain("<sheets>");
    expect(cli(["calcola", file, "--sovrascrivi"]).code).toBe(2);
  });
});

describe("texts beyond what a cell or a terminal takes", () => {
  it("a summary cell over 32,767 characters is cut with an ellipsis and the length, and the report says so", async () => {
    const wb = smallPlan();
    const long = "Obiettivo " + "molto lungo ".repeat(5473);
    expect(long.length).toBeGreaterThan(65_000);
    wb.getWorksheet(first)!.getCell("C8").value = long;
    const { stdout, wb: out } = await calcola(await save(wb, "long-text.xlsx"));
    expect(stdout).toMatch(/Il testo per la cella [A-Z]+\d+ del foglio «Riepilogo performance 2022» supera i 32\.767 caratteri che Excel ammette in una cella \(65\.685\): è stato troncato con «…»\./);
    expect(long.trim().length).toBe(65_685);
    const texts: string[] = [];
    out.getWorksheet("Riepilogo performance 2022")!.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
    const cut = texts.find((t) => t.startsWith("Obiettivo molto lungo"))!;
    expect(cut.length).toBeLessThanOrEqual(32_767);
    expect(cut).toMatch(/… \[testo troncato: 65\.685 caratteri in tutto\]$/);
    // LibreOffice opens it (Excel refuses a cell over the limit).
    expect(out.worksheets.length).toBeGreaterThan(3);
  });

  it("control characters from cells (ESC, BEL, _x001B_ escapes) are printed escaped, never raw (CWE-150)", async () => {
    const wb = smallPlan();
    const ws = wb.getWorksheet(first)!;
    // ExcelJS drops control characters when it writes: put them in as Excel does, escaped.
    ws.getCell("E17").value = "ESC[2JESC]0;pwnedBEL101";
    const raw = await save(wb, "escapes-raw.xlsx");
    // As Excel saves them: escaped as _x001B_ in the strings part (ECMA-376 Part 1, §22.4.2.4 ST_Xstring).
    const parts = partsOf(raw);
    parts["xl/sharedStrings.xml"] = strToU8(text(parts, "xl/sharedStrings.xml").replace(/ESC/g, "_x001B_").replace(/BEL/g, "_x0007_"));
    const file = path.join(dir, "escapes.xlsx");
    fs.writeFileSync(file, zipSync(parts));
    expect(text(partsOf(file), "xl/sharedStrings.xml")).toContain("_x001B_[2J_x001B_]0;pwned_x0007_101");
    const r = cli(["verifica", file]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain("\\x1B[2J\\x1B]0;pwned\\x07101");
    const json = cli(["verifica", file, "--json"]);
    expect(json.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
