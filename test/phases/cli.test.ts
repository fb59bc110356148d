// `piano-perf nuovo-anno` and `piano-perf confronta` as a user runs them (issue 11): the
// bundled bin on the example 2022 workbook and on workbooks built here.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { analyzeWorkbook } from "../../src/core/reader";
import { parseValue } from "../../src/core/values";
import { loadXlsx, saveXlsx, tmpDir } from "../reader/helpers";
import { cardWorkbook, compareConsuntivo, comparePreventivo } from "./workbooks";

jest.setTimeout(90_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const example = path.join(root, "assets", "esempio-piano-2022.xlsx");
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
}, 60_000);

describe("nuovo-anno on the example 2022 workbook", () => {
  const dir = tmpDir("nuovo-anno-");
  const src = path.join(dir, "piano-2022.xlsx");
  const out = path.join(dir, "piano-2023.xlsx");
  let before: ReturnType<typeof analyzeWorkbook>;
  let after: ReturnType<typeof analyzeWorkbook>;
  let hash: string;

  beforeAll(async () => {
    fs.copyFileSync(example, src);
    hash = sha(src);
    before = analyzeWorkbook(gridFromExcelJs(await loadXlsx(src)));
    const r = cli(["nuovo-anno", src, "--out", out]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("Piano 2023 scritto");
    expect(r.stdout).toContain("18 obiettivi · 136 indicatori");
    after = analyzeWorkbook(gridFromExcelJs(await loadXlsx(out)));
  });

  it("leaves the input file untouched", () => {
    expect(sha(src)).toBe(hash);
    expect(before.phase).toBe("consuntivo");
    expect(before.year).toBe(2022);
  });

  it("the 2023 plan: preventivo, 18 objectives, 136 indicators, same names, no Stato left", () => {
    expect(after.phase).toBe("preventivo");
    expect(after.year).toBe(2023);
    expect(after.plan.objectives).toHaveLength(18);
    expect(after.plan.objectives.flatMap((o) => o.indicators)).toHaveLength(136);
    expect(after.plan.objectives.map((o) => o.obiettivoOperativo)).toEqual(before.plan.objectives.map((o) => o.obiettivoOperativo));
    expect(after.plan.objectives.flatMap((o) => o.indicators.map((i) => i.name))).toEqual(before.plan.objectives.flatMap((o) => o.indicators.map((i) => i.name)));
    // No Stato column: every indicator's Stato is the reader's blank stand-in without an address.
    expect(after.plan.objectives.flatMap((o) => o.indicators).filter((i) => i.actual.address !== undefined)).toEqual([]);
    expect(after.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(after.writes).toEqual([]);
  });

  it("each indicator's baseline equals the source's Stato 2022; targets 2023 to define; performance emptied", () => {
    const src = before.plan.objectives.flatMap((o) => o.indicators);
    const dst = after.plan.objectives.flatMap((o) => o.indicators);
    dst.forEach((i, k) => {
      expect(i.baseline).toBeDefined();
      expect(parseValue(i.baseline!)).toEqual(parseValue(src[k].actual));
      expect(i.targets?.map((t) => [t.year, t.cell.value])).toEqual([[2023, ""]]);
      expect(i.stated?.value ?? "").toBe("");
    });
    expect(after.problems.filter((p) => p.code === "TARGET_TO_DEFINE")).toHaveLength(136);
  });

  it("verifica on the new file reports phase preventivo, year 2023 (text and --json)", () => {
    const t = cli(["verifica", out]);
    expect(t.stdout).toContain("Fase: preventivo 2023");
    expect(t.code).toBe(0);
    const j = JSON.parse(cli(["verifica", out, "--json"]).stdout);
    expect([j.phase, j.year, j.asOf]).toEqual(["preventivo", 2023, null]);
    expect(j.objectives[0].indicators[0].targets).toEqual({ "2023": null });
  });

  it("marks the header fields to re-confirm: resources to update, Area and Ufficio to verify (--json toUpdate)", async () => {
    const out2 = path.join(dir, "piano-2023-b.xlsx");
    const j = JSON.parse(cli(["nuovo-anno", src, "--out", out2, "--json"]).stdout);
    const count = (kind: string, field: string) => j.toUpdate.filter((t: { kind: string; field: string }) => t.kind === kind && t.field === field).length;
    expect([count("update", "risorseEconomiche"), count("verify", "areaResponsabilita"), count("verify", "ufficio")]).toEqual([18, 18, 18]);
    const first = j.toUpdate.find((t: { field: string }) => t.field === "ufficio");
    const ws = (await loadXlsx(out2)).getWorksheet(first.sheet)!;
    expect(String(ws.getCell(first.cell).note)).toContain("Da verificare per il 2023");
    expect(sha(src)).toBe(hash);
  });

  it("refuses to write over the input", () => {
    const r = cli(["nuovo-anno", src, "--out", src]);
    expect(r.code).toBe(2);
    expect(sha(src)).toBe(hash);
  });
});

describe("nuovo-anno with triennial targets", () => {
  it("Target 2024 and 2025 move up, the last year is left to define, a settings sheet is copied", async () => {
    const dir = tmpDir("nuovo-anno-3-");
    const wb = cardWorkbook([
      { sheet: "S", name: "O", headers: ["Indicatore", "Stato 2023", "Operatore", "Target 2023", "Target 2024", "Target 2025", "Performance", "Peso"], rows: [["A", 95, ">=", 90, 100, 110, 1, 1]] },
    ]);
    const src = await saveXlsx(wb, path.join(dir, "a.xlsx"));
    const out = path.join(dir, "b.xlsx");
    expect(cli(["nuovo-anno", src, "--out", out]).code).toBe(0);
    const ws = (await loadXlsx(out)).getWorksheet("S")!;
    expect(ws.getRow(7).values).toEqual([undefined, "Indicatore", "Consuntivo 2023", "Operatore", "Target 2024", "Target 2025", "Target 2026", "Performance", "Peso"]);
    expect(ws.getRow(8).values).toEqual([undefined, "A", 95, ">=", 100, 110, undefined, undefined, 1]);
    expect(ws.getCell("B5").note).toBeTruthy();
  });
});

describe("--json of a monitoring", () => {
  it("top-level phase, year and asOf; targets per indicator", async () => {
    const dir = tmpDir("json-mon-");
    const wb = cardWorkbook([
      { sheet: "S", name: "O", headers: ["Indicatore", "Stato 2022", "Stato al 30/06/2023", "Operatore", "Target 2023", "Peso"], rows: [["A", 90, 40, ">=", 100, 1]] },
    ]);
    const file = await saveXlsx(wb, path.join(dir, "m.xlsx"));
    const j = JSON.parse(cli(["verifica", file, "--json"]).stdout);
    expect([j.phase, j.year, j.asOf]).toEqual(["monitoraggio", 2023, "2023-06-30"]);
    expect(j.objectives[0].indicators[0]).toMatchObject({ cell: "C8", performance: 0.4, targets: { "2023": 100 } });
  });
});

describe("confronta", () => {
  const dir = tmpDir("confronta-");
  const preventivo = comparePreventivo;
  // The consuntivo built from it: Stato added; one target changed, one indicator removed, one added.
  const consuntivo = compareConsuntivo;

  it("reports exactly the changed target, the removed and the added indicator", async () => {
    const a = await saveXlsx(preventivo(), path.join(dir, "preventivo.xlsx"));
    const b = await saveXlsx(consuntivo(), path.join(dir, "consuntivo.xlsx"));
    const r = cli(["confronta", a, b, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.before).toMatchObject({ phase: "preventivo", year: 2023 });
    expect(j.after).toMatchObject({ phase: "consuntivo", year: 2023 });
    expect(j.differences.map((d: { kind: string; indicator?: string }) => [d.kind, d.indicator])).toEqual([
      ["targetChanged", "Tempo medio"],
      ["indicatorRemoved", "Controlli"],
      ["indicatorAdded", "Accessi civici evasi"],
    ]);
    expect(j.differences[0]).toMatchObject({ year: 2023, from: "<= 10", to: "<= 12", cell: "D9" });
    const t = cli(["confronta", a, b]);
    expect(t.stdout).toContain("3 differenze:");
    expect(t.stdout).toContain("«Trasparenza»: indicatore tolto «Controlli»");
    expect(t.stdout).toContain("target 2023 cambiato da <= 10 a <= 12");
  });

  it("a plan against itself: no differences; a changed weight is reported", async () => {
    const a = await saveXlsx(preventivo(), path.join(dir, "p1.xlsx"));
    expect(JSON.parse(cli(["confronta", a, a, "--json"]).stdout).differences).toEqual([]);
    const wb = preventivo();
    wb.getWorksheet("O2")!.getCell("E8").value = 0.6;
    wb.getWorksheet("O2")!.getCell("E9").value = 0.4;
    const b = await saveXlsx(wb, path.join(dir, "p2.xlsx"));
    const d = JSON.parse(cli(["confronta", a, b, "--json"]).stdout).differences;
    expect(d.map((x: { kind: string; indicator: string; to: string }) => [x.kind, x.indicator, x.to])).toEqual([
      ["weightChanged", "Pubblicazioni", "60%"],
      ["weightChanged", "Controlli", "40%"],
    ]);
  });

  it("plans with no target year in common: said, naming each side's years (never a silent «nessuna differenza»)", async () => {
    const a = await saveXlsx(preventivo(), path.join(dir, "p2023.xlsx"));
    const later = cardWorkbook([
      { sheet: "O1", name: "Digitalizzazione", headers: ["Indicatore", "Operatore", "Target 2025", "Target 2026", "Peso"], rows: [["Pratiche telematiche", ">=", 100, 110, 0.5], ["Tempo medio", "<=", 10, 9, 0.5]] },
      { sheet: "O2", name: "Trasparenza", headers: ["Indicatore", "Operatore", "Target 2025", "Target 2026", "Peso"], rows: [["Pubblicazioni", ">=", 12, 12, 0.5], ["Controlli", ">=", 4, 4, 0.5]] },
    ]);
    const b = await saveXlsx(later, path.join(dir, "p2025.xlsx"));
    const j = JSON.parse(cli(["confronta", a, b, "--json"]).stdout);
    expect(j.differences).toEqual([]);
    expect(j.targetsCompared).toBe(false);
    expect([j.before.targetYears, j.after.targetYears, j.comparedYears]).toEqual([[2023, 2024], [2025, 2026], []]);
    expect(j.notices).toEqual([expect.stringContaining("Target non confrontati")]);
    expect(j.notices[0]).toContain("Target 2023, Target 2024");
    expect(j.notices[0]).toContain("Target 2025, Target 2026");
    const t = cli(["confronta", a, b]).stdout;
    expect(t).toContain("Target non confrontati: i due piani non hanno un anno in comune");
    expect(t).toContain("i target non sono stati confrontati");
    expect(t).not.toContain("Nessuna differenza negli obiettivi, negli indicatori, nei target e nei pesi.");
    // One year in common: compared, nothing said.
    const j2 = JSON.parse(cli(["confronta", a, await saveXlsx(consuntivo(), path.join(dir, "c2023.xlsx")), "--json"]).stdout);
    expect([j2.targetsCompared, j2.comparedYears, j2.notices]).toEqual([true, [2023], []]);
  });

  it("wrong usage: one file → exit 2 with the usage", () => {
    const r = cli(["confronta", example]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Indicare due file");
  });
});

describe("nuovo-anno with an explicit Baseline column", () => {
  it("this year's Stato goes into the Baseline; the new plan is a preventivo with no Stato", async () => {
    const dir = tmpDir("nuovo-anno-b-");
    const wb = cardWorkbook([{ sheet: "S", name: "O", headers: ["Indicatore", "Baseline", "Stato 2023", "Operatore", "Target 2023", "Target 2024", "Peso"], rows: [["A", 70, 95, ">=", 90, 100, 1]] }]);
    const src = await saveXlsx(wb, path.join(dir, "a.xlsx"));
    const out = path.join(dir, "b.xlsx");
    expect(cli(["nuovo-anno", src, "--out", out]).code).toBe(0);
    const a = analyzeWorkbook(gridFromExcelJs(await loadXlsx(out)));
    expect([a.phase, a.year]).toEqual(["preventivo", 2024]);
    const ind = a.plan.objectives[0].indicators[0];
    expect(ind.baseline).toMatchObject({ value: 95, address: "B8" });
    expect(ind.actual.address).toBeUndefined();
  });
});
