// `piano-perf` as a user runs it: the bundled bin on real .xlsx files.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { exampleWorkbook, loadXlsx, saveXlsx, SEED_PERFORMANCES, sheetNames, tmpDir } from "../reader/helpers";

jest.setTimeout(60_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)|Error:|node:internal/);

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
}, 60_000);

describe("usage", () => {
  it("prints the usage with --help and exits 2 on wrong usage, in Italian, without a stack", () => {
    expect(cli(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("piano-perf verifica FILE.xlsx") });
    for (const args of [[], ["boh"], ["verifica"], ["verifica", "a.xlsx", "--out", "b.xlsx"], ["calcola", "a.xlsx", "--out"], ["calcola", "a.xlsx", "--xyz"]]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("Uso:");
      expect(r.stdout).toBe("");
      noStack(r.stderr);
    }
  });
});

describe("esempio, verifica, calcola", () => {
  const dir = tmpDir("piano-perf-cli-");
  const example = path.join(dir, "esempio.xlsx");

  it("writes the example workbook and reports it in JSON with the issue's shape", async () => {
    expect(cli(["esempio", example])).toMatchObject({ code: 0, stdout: expect.stringContaining("18 schede") });
    const r = cli(["verifica", example, "--json"]);
    expect(r.code).toBe(1); // the seed has 3 unreadable values (errors)
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["phase", "year", "asOf", "objectives", "rollups", "problems", "skippedSheets", "overrides", "rectifications", "acceptedRectifications"]);
    expect([json.phase, json.year, json.asOf]).toEqual(["consuntivo", 2022, null]);
    expect(json.overrides).toEqual([]);
    expect(json.objectives).toHaveLength(18);
    expect(Object.keys(json.objectives[0])).toEqual(["sheet", "name", "performance", "indicators"]);
    expect(Object.keys(json.objectives[0].indicators[0])).toEqual(["sheet", "cell", "name", "performance", "stated", "targets"]);
    json.objectives.forEach((o: { performance: number }, i: number) => expect(Math.abs(o.performance * 100 - SEED_PERFORMANCES[i])).toBeLessThanOrEqual(0.01));
    expect(json.objectives[0].indicators[2]).toEqual({ sheet: sheetNames[0], cell: "E19", name: expect.any(String), performance: 0.3, stated: 0.3, targets: { "2022": 10 } });
    expect(Object.keys(json.rollups)).toEqual(expect.arrayContaining(["obiettivoStrategico", "ambitoStrategico", "areaResponsabilita", "missione", "missioneProgramma"]));
    for (const p of json.problems) expect(Object.keys(p)).toEqual(["severity", "code", "sheet", "cell", "message"]);
    expect(json.problems.filter((p: { severity: string }) => p.severity === "error")).toHaveLength(3);
    expect(json.skippedSheets).toEqual([]);
  });

  it("prints a readable Italian report", () => {
    const r = cli(["calcola", example]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Performance degli obiettivi:");
    expect(r.stdout).toContain("90,74%");
    expect(r.stdout).toMatch(/\[errore\] 'OO11 Composizione negoziata'!E17 — .*11:22/);
    expect(r.stdout).toContain("Con --out COPIA.xlsx si salva una copia");
    expect(r.stdout).toContain("Esito: 3 errori da correggere.");
  });

  it("with --out: user sheets untouched, '=' names stay text, errors located, notes skipped, input unchanged, idempotent", async () => {
    const wb = exampleWorkbook();
    const mine = wb.addWorksheet("Riepilogo performance 2022");
    mine.getCell("A1").value = "Il mio riepilogo";
    mine.getCell("B2").value = 0.5;
    mine.getCell("B2").numFmt = "0%";
    wb.addWorksheet("Note").getCell("A1").value = "Appunti della riunione del 12 gennaio";
    wb.getWorksheet(sheetNames[1])!.getCell("C8").value = "=Preparazione";
    wb.getWorksheet(sheetNames[0])!.getCell("E17").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    const input = await saveXlsx(wb, path.join(dir, "piano.xlsx"));
    const before = sha(input);
    const out1 = path.join(dir, "piano-calcolato.xlsx");

    // A fixed stamp time (SOURCE_DATE_EPOCH), so the two runs can be compared cell by cell.
    const stamp = { SOURCE_DATE_EPOCH: "1764581400" };
    const r = cli(["calcola", input, "--out", out1, "--json"], stamp);
    expect(r.code).toBe(1);
    expect(sha(input)).toBe(before);
    const json = JSON.parse(r.stdout);
    expect(json.skippedSheets).toEqual(["Riepilogo performance 2022", "Note"]);
    expect(json.problems).toContainEqual(expect.objectContaining({ severity: "error", sheet: sheetNames[0], cell: "E17", message: expect.stringContaining("#N/A") }));

    const done = await loadXlsx(out1);
    expect(done.worksheets.map((w) => w.name)).toEqual([...sheetNames, "Riepilogo performance 2022", "Note", "Riepilogo performance 2022 (2)", "Ripristino Piano Performance", "Impostazioni Piano Performance"]);
    const user = done.getWorksheet("Riepilogo performance 2022")!;
    expect(gridFromExcelJs(done).sheets.find((s) => s.name === user.name)).toEqual(gridFromExcelJs(await loadXlsx(input)).sheets.find((s) => s.name === user.name));
    const summary = done.getWorksheet("Riepilogo performance 2022 (2)")!;
    // The objective named "=Preparazione" is listed in the summary as text, never as a formula.
    const named: ExcelJS.Cell[] = [];
    summary.eachRow((row) => row.eachCell((c) => {
      if (c.value === "=Preparazione") named.push(c);
    }));
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) expect(c.type).toBe(ExcelJS.ValueType.String);
    // The computed performances are in the cards.
    expect(done.getWorksheet(sheetNames[4])!.getCell("H21").value).toBeCloseTo(0.5, 12);
    expect(done.getWorksheet(sheetNames[2])!.getCell("H22").value).toBeCloseTo(0.98125, 10);

    // Running again on the output changes nothing.
    const out2 = path.join(dir, "piano-calcolato-2.xlsx");
    const again = cli(["calcola", out1, "--out", out2], stamp);
    expect(again.stdout).toContain("Scritti 0 valori.");
    const g1 = gridFromExcelJs(done);
    const g2 = gridFromExcelJs(await loadXlsx(out2));
    // Only the stamp differs: it names the workbook each summary was built from.
    const stampOf = (g: typeof g1) => g.sheets.find((x) => x.name === summary.name)!.values[2][0];
    expect(stampOf(g1)).toContain("dalla cartella «piano.xlsx»");
    expect(stampOf(g2)).toBe(String(stampOf(g1)).replace("«piano.xlsx»", "«piano-calcolato.xlsx»"));
    g2.sheets.find((x) => x.name === summary.name)!.values[2][0] = stampOf(g1);
    expect(g2).toEqual(g1);
  });

  it("never writes over the input, even when asked to", async () => {
    const before = sha(example);
    const r = cli(["calcola", example, "--out", path.join(path.dirname(example), ".", "esempio.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("non viene mai modificato");
    expect(sha(example)).toBe(before);
  });

  it("shows progress on stderr for large files", () => {
    const r = cli(["verifica", example], { PIANO_PERF_PROGRESS: "1" });
    expect(r.stderr).toMatch(/^Lettura di .*\nAnalisi di [\d.]+ celle…/);
  });
});

describe("files that are not plans", () => {
  const dir = tmpDir("piano-perf-bad-");

  it("exits 2 with a clear Italian message for a missing, non-xlsx, old .xls or corrupt file", async () => {
    const missing = cli(["verifica", path.join(dir, "manca.xlsx")]);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining("File non trovato") });

    const text = path.join(dir, "testo.xlsx");
    fs.writeFileSync(text, "Missione;Programma\n11;005\n");
    expect(cli(["verifica", text])).toMatchObject({ code: 2, stderr: expect.stringContaining("non è un file .xlsx") });

    const xls = path.join(dir, "vecchio.xls");
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(cli(["verifica", xls])).toMatchObject({ code: 2, stderr: expect.stringContaining("vecchio formato .xls") });

    const good = await saveXlsx(exampleWorkbook(), path.join(dir, "buono.xlsx"));
    const broken = path.join(dir, "rotto.xlsx");
    fs.writeFileSync(broken, fs.readFileSync(good).subarray(0, 3000));
    const r = cli(["calcola", broken, "--out", path.join(dir, "mai.xlsx")]);
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining("non si può leggere come .xlsx") });
    expect(fs.existsSync(path.join(dir, "mai.xlsx"))).toBe(false);

    expect(cli(["verifica", dir])).toMatchObject({ code: 2, stderr: expect.stringContaining("non è un file") });
    for (const x of [missing.stderr, r.stderr]) noStack(x);
  });

  it("reports an empty workbook clearly (exit 1) and writes no copy", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Foglio1");
    const empty = await saveXlsx(wb, path.join(dir, "vuoto.xlsx"));
    const out = path.join(dir, "vuoto-out.xlsx");
    const r = cli(["calcola", empty, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Nessuna scheda trovata");
    expect(r.stdout).toContain("Fogli non letti (non sono schede): «Foglio1»");
    expect(r.stdout).toContain("la copia non è stata scritta");
    expect(fs.existsSync(out)).toBe(false);
    noStack(r.stdout + r.stderr);
  });
});
