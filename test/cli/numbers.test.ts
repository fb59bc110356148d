// Wrong numbers never without a word (issue 14): "0.125" is 0,125 (not 125), a dot-grouped
// number ambiguous in its column is a warning naming both readings, hidden cards are said
// (and left out when the policy says so), duplicate cards warn, a formula saved without its
// result is said to be uncalculated. Each on a workbook through `piano-perf`, as a user runs it.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { smallPlan } from "./packages";
import { exampleSheetName } from "../../src/adapters/exceljs";
import { parseText } from "../../src/core/values";
import { seed, tmpDir } from "../reader/helpers";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const dir = tmpDir("piano-perf-numbers-");
const [first, second] = seed.obiettivi.slice(0, 2).map(exampleSheetName);

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
}, 60_000);

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function verify(file: string, extra: string[] = []) {
  const before = sha(file);
  const text = cli(["calcola", file, ...extra]);
  const json = cli(["calcola", file, "--json", ...extra]);
  expect(sha(file)).toBe(before);
  expect(text.stderr).toBe("");
  return { text, json: JSON.parse(json.stdout) as { objectives: { sheet: string; performance: number; indicators: { cell: string; performance: number }[] }[]; problems: { severity: string; code: string; sheet: string; cell: string; message: string }[] } };
}

describe("dot or comma", () => {
  it("a leading «0.» is never a thousands group", () => {
    expect(parseText("0.125")).toEqual({ kind: "number", value: 0.125, percent: false });
    expect(parseText("0.750")).toEqual({ kind: "number", value: 0.75, percent: false });
    expect(parseText("-0.500")).toEqual({ kind: "number", value: -0.5, percent: false });
    expect(parseText("5.441")).toEqual({ kind: "number", value: 5441, percent: false });
    expect(parseText("0.125.000").kind).toBe("unreadable");
  });

  it("Stato «0.125» against Target «0,5» scores 25%, not 100%", async () => {
    const wb = smallPlan();
    const ws = wb.getWorksheet(first)!;
    ws.getCell("E17").value = "0.125";
    ws.getCell("F17").value = ">=";
    ws.getCell("G17").value = "0,5";
    const { json } = verify(await save(wb, "leading-zero.xlsx"));
    const ind = json.objectives.find((o) => o.sheet === first)!.indicators.find((i) => i.cell === "E17")!;
    expect(ind.performance).toBeCloseTo(0.25, 9);
  });

  it("«12.345» among «7,5» and «0,6» in the Stato column: a warning with both readings", async () => {
    const wb = smallPlan();
    const ws = wb.getWorksheet(first)!;
    ws.getCell("E17").value = "12.345";
    ws.getCell("E18").value = "7,5";
    ws.getCell("E19").value = "0,6";
    const { text, json } = verify(await save(wb, "ambiguous.xlsx"));
    const p = json.problems.find((x) => x.code === "VALUE_AMBIGUOUS_GROUPING")!;
    expect(p).toMatchObject({ severity: "warning", sheet: first, cell: "E17" });
    expect(p.message).toBe(
      "«12.345» si può leggere come 12.345 (punto delle migliaia) o come 12,345 (punto decimale, come negli altri valori della colonna che usano la virgola): si legge 12.345. Scrivere il numero senza ambiguità (per esempio con la virgola decimale).",
    );
    expect(text.stdout).not.toContain("Nessun problema trovato");
  });

  it("«12.345» in a column of whole numbers is not ambiguous: no warning", async () => {
    const wb = smallPlan();
    wb.getWorksheet(first)!.getCell("E17").value = "12.345";
    const { json } = verify(await save(wb, "grouped.xlsx"));
    expect(json.problems.filter((x) => x.code === "VALUE_AMBIGUOUS_GROUPING")).toEqual([]);
  });
});

describe("hidden cards, duplicate cards, uncalculated formulas", () => {
  it("a hidden and a very hidden card are said to count; the policy can leave them out", async () => {
    const wb = smallPlan();
    wb.getWorksheet(first)!.state = "hidden";
    wb.getWorksheet(second)!.state = "veryHidden";
    const file = await save(wb, "hidden.xlsx");
    const { text, json } = verify(file);
    expect(json.objectives.map((o) => o.sheet)).toEqual(expect.arrayContaining([first, second]));
    expect(text.stdout).toContain(`[avviso] '${first}'!C8 — Il foglio «${first}» è nascosto: la sua scheda conta nei totali. Per escluderla, impostare «Fogli nascosti: escludi» nelle regole di calcolo.`);
    expect(text.stdout).toContain(`Il foglio «${second}» è nascosto in modo profondo (visibile solo da VBA): la sua scheda conta nei totali.`);

    const rules = path.join(dir, "smvp-hidden.json");
    fs.writeFileSync(rules, JSON.stringify({ version: 2, hiddenSheets: "exclude" }));
    const excluded = verify(file, ["--regole", rules]);
    expect(excluded.json.objectives.map((o) => o.sheet)).toEqual([exampleSheetName(seed.obiettivi[2])]);
    expect(excluded.text.stdout).toContain(`[info] '${first}'!C8 — Il foglio «${first}» è nascosto: la sua scheda è esclusa dai totali, come stabilito dalle regole di calcolo.`);
  });

  it("the summary of --out tells about the hidden card too", async () => {
    const wb = smallPlan();
    wb.getWorksheet(first)!.state = "hidden";
    const file = await save(wb, "hidden-summary.xlsx");
    const out = path.join(dir, "hidden-summary-out.xlsx");
    expect(cli(["calcola", file, "--out", out]).code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const texts: string[] = [];
    back.getWorksheet("Riepilogo performance 2022")!.eachRow((row) => row.eachCell((c) => texts.push(String(c.text))));
    expect(texts.some((t) => t.includes(`Il foglio «${first}» è nascosto`))).toBe(true);
    // The output keeps the sheet hidden (the workbook part is the user's).
    expect(back.getWorksheet(first)!.state).toBe("hidden");
  });

  it("the same objective on two cards is a warning on the second", async () => {
    const wb = smallPlan();
    const copy = wb.getWorksheet(second)!;
    const name = wb.getWorksheet(first)!.getCell("C8").value as string;
    copy.getCell("C8").value = name;
    const { json } = verify(await save(wb, "duplicate.xlsx"));
    const p = json.problems.find((x) => x.code === "READER_DUPLICATE_CARD")!;
    expect(p).toMatchObject({ severity: "warning", sheet: second, cell: "C8" });
    expect(p.message).toContain(`compare anche nel foglio «${first}»: viene contato due volte nei totali`);
  });

  it("a Stato formula saved without its result is said to be uncalculated, not «Stato vuoto»", async () => {
    const wb = smallPlan();
    wb.getWorksheet(first)!.getCell("E17").value = { formula: "50+51" } as ExcelJS.CellFormulaValue;
    const { json } = verify(await save(wb, "uncalculated.xlsx"));
    const here = json.problems.filter((x) => x.sheet === first && x.cell === "E17");
    expect(here.map((x) => x.code)).toEqual(["READER_UNCALCULATED_FORMULA"]);
    expect(here[0].message).toBe("La cella E17 contiene una formula mai calcolata (il file non ne conserva il risultato): si legge come vuota. Aprire il file in Excel e salvarlo, così le formule vengono calcolate.");
  });
});
