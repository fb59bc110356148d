// Issue 10: the peers' cases (GZOOM, PERFORM+) as real workbooks through `piano-perf calcola --json`,
// with per-indicator rules, a body's SMVP file (--regole) and forced values with a note.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { tmpDir } from "../reader/helpers";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const dir = tmpDir("piano-perf-smvp-");

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
}, 60_000);

type Cell = string | number | Date | null | { v: number; fmt: string };
type Row = Record<string, Cell>;
const pct = (v: number): Cell => ({ v, fmt: "0%" });
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

let n = 0;
/** One table-layout sheet: a header row of the given labels, then one row per indicator. */
async function workbook(rows: Row[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Piano");
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  ws.addRow(headers);
  for (const r of rows) {
    const row = ws.addRow(headers.map((h) => {
      const c = r[h];
      return c && typeof c === "object" && !(c instanceof Date) ? c.v : (c ?? null);
    }));
    headers.forEach((h, i) => {
      const c = r[h];
      if (c && typeof c === "object" && !(c instanceof Date)) row.getCell(i + 1).numFmt = c.fmt;
      if (c instanceof Date) row.getCell(i + 1).numFmt = "dd/mm/yyyy";
    });
  }
  const file = path.join(dir, `case-${++n}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

function rulesFile(policy: unknown): string {
  const file = path.join(dir, `smvp-${++n}.json`);
  fs.writeFileSync(file, JSON.stringify(policy));
  return file;
}

interface Json {
  objectives: { name: string; performance: number | null; indicators: { name: string; performance: number | null; cell: string }[] }[];
  problems: { severity: string; code: string; cell: string | null; message: string }[];
  rollups: { missione: { performance: number | null }[] };
  overrides: { cell: string; indicator: string; kind: string; performance: number | null; computed: number | null; note: string }[];
}

function calcola(file: string, policy?: unknown): { code: number | null; json: Json; stderr: string } {
  const args = ["calcola", file, "--json"];
  if (policy !== undefined) args.push("--regole", rulesFile(policy));
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, json: r.stdout ? (JSON.parse(r.stdout) as Json) : (null as unknown as Json), stderr: r.stderr };
}
const perf = (j: Json, i = 0) => j.objectives[i].performance as number;
const ind = (j: Json, k: number, o = 0) => j.objectives[o].indicators[k].performance as number;
const codes = (j: Json) => j.problems.map((p) => p.code);

const base = (name: string, extra: Row = {}): Row => ({ "Obiettivo operativo": "Obiettivo A", Indicatore: name, Peso: pct(0.5), ...extra });

describe("rules of GZOOM's converters, per indicator", () => {
  it("«baseline»: Baseline 50, Target 100, Stato 75 → 50%; lower is better: Baseline 15, Target 10, Stato 12 → 60%", async () => {
    const file = await workbook([
      base("su", { Stato: 75, Operatore: ">=", Target: 100, Regola: "baseline", Baseline: 50 }),
      base("giù", { Stato: 12, Operatore: "<=", Target: 10, Regola: "Progressione", Baseline: 15 }),
    ]);
    const { code, json } = calcola(file);
    expect(code).toBe(0);
    expect(ind(json, 0)).toBeCloseTo(0.5, 12);
    expect(ind(json, 1)).toBeCloseTo(0.6, 12);
    expect(perf(json)).toBeCloseTo(0.55, 12);
  });

  it("«soglie»: Soglia minima 50, Target 100, Soglia massima 150, Stato 125 → 150% without cap; 40 → 0%", async () => {
    const file = await workbook([
      base("s1", { Stato: 125, Operatore: ">=", Target: 100, Regola: "soglie", "Soglia minima": 50, "Soglia massima": 150 }),
      base("s2", { Stato: 40, Operatore: ">=", Target: 100, Regola: "soglie", "Soglia minima": 50, "Soglia massima": 150 }),
    ]);
    expect(ind(calcola(file, { version: 2, cap: null }).json, 0)).toBeCloseTo(1.5, 12);
    expect(ind(calcola(file, { version: 2, cap: null }).json, 1)).toBe(0);
    // The default cap (100%) still applies to soglie.
    expect(ind(calcola(file).json, 0)).toBe(1);
  });

  it("«scostamento» (2 − Stato ÷ Target) and «inverso» give the peers' different numbers (T = 10, A = 12)", async () => {
    const file = await workbook([
      base("riflessione", { Stato: 12, Operatore: "<=", Target: 10, Regola: "scostamento" }),
      base("inverso", { Stato: 12, Operatore: "<=", Target: 10, Regola: "inverso" }),
    ]);
    const { json } = calcola(file);
    expect(ind(json, 0)).toBeCloseTo(0.8, 12);
    expect(ind(json, 1)).toBeCloseTo(10 / 12, 12);
  });

  it("an unknown «Regola» is an error on that cell; the indicator is excluded, nothing else changes", async () => {
    const file = await workbook([base("x", { Stato: 5, Operatore: ">=", Target: 10, Regola: "a occhio" }), base("y", { Stato: 10, Operatore: ">=", Target: 10 })]);
    const { code, json } = calcola(file);
    expect(code).toBe(1);
    const p = json.problems.find((q) => q.code === "RULE_UNKNOWN")!;
    expect(p).toMatchObject({ severity: "error", cell: "G2" });
    expect(p.message).toMatch(/regola «a occhio» sconosciuta.*rapporto, inverso, scostamento, tutto o niente/);
    expect(ind(json, 0)).toBeNull();
    expect(perf(json)).toBe(1);
  });
});

describe("GZOOM TestScoreCard: indicators 6→3, target 0 with no actual, 10/10", () => {
  const rows = (): Row[] => [
    { ...base("sei tre", { Stato: 3, Operatore: ">=", Target: 6 }), Peso: 1 },
    { ...base("target zero", { Stato: null, Operatore: ">=", Target: 0 }), Peso: 1 },
    { ...base("dieci", { Stato: 10, Operatore: ">=", Target: 10 }), Peso: 1 },
  ];
  it("a missing actual counted as 0 (GZOOM's default) → 83,33%", async () => {
    const { json } = calcola(await workbook(rows()), { version: 2, blankActual: "zero" });
    expect(perf(json)).toBeCloseTo(2.5 / 3, 12);
    expect(json.problems.find((p) => p.code === "ACTUAL_BLANK")?.message).toMatch(/contato come 0/);
  });
  it("the missing actual not calculated → 75%", async () => {
    const { json } = calcola(await workbook(rows()));
    expect(perf(json)).toBeCloseTo(0.75, 12);
  });
  it("its performance counted as 0% → 50%", async () => {
    const { json } = calcola(await workbook(rows()), { version: 2, blankActual: "zeroScore" });
    expect(perf(json)).toBeCloseTo(0.5, 12);
  });
  it("a blank Stato as an error when the policy says so", async () => {
    const { code, json } = calcola(await workbook(rows()), { version: 2, blankActual: "error" });
    expect(code).toBe(1);
    expect(json.problems.find((p) => p.code === "ACTUAL_BLANK")?.severity).toBe("error");
  });
});

describe("PERFORM+ cases", () => {
  it("weights 40/40/20 with 100% / 50% / n.v. (with a note) → 75%, and the exclusion is listed", async () => {
    const file = await workbook([
      base("a", { Stato: 10, Operatore: ">=", Target: 10, Peso: pct(0.4) }),
      base("b", { Stato: 5, Operatore: ">=", Target: 10, Peso: pct(0.4) }),
      base("c", { Stato: 1, Operatore: ">=", Target: 10, Peso: pct(0.2), "Performance forzata": "n.v.", Nota: "dato ISTAT non pubblicato" }),
    ]);
    const { json } = calcola(file);
    expect(perf(json)).toBeCloseTo(0.75, 12);
    expect(json.overrides).toEqual([
      { sheet: "Piano", cell: "G4", objective: "Obiettivo A", indicator: "c", kind: "excluded", performance: null, computed: 0.1, note: "dato ISTAT non pubblicato" },
    ]);
    expect(codes(json)).toContain("OVERRIDE_EXCLUDED");
  });

  it("the 2023 scale: below 60% → 0; 59,6% rounds to 60% first; 85,5% → 86%; ≥ 99% → 100%", async () => {
    const policy = {
      version: 2,
      roundBeforeWeighting: true,
      roundFirst: true,
      bandSets: {
        "2023": [
          { range: "sotto 60%", score: 0 },
          { range: "da 60% a 99%", score: "proporzionale" },
          { range: "da 99%", score: "100%" },
        ],
      },
    };
    const rows = [59, 59.6, 85.5, 99, 99.4].map((s) => base(`s${s}`, { Stato: s, Operatore: ">=", Target: 100, Regola: "fasce 2023" }));
    const { code, json } = calcola(await workbook(rows), policy);
    expect(code).toBe(0);
    expect([0, 1, 2, 3, 4].map((k) => ind(json, k))).toEqual([0, 0.6, 0.86, 1, 1]);
    // GZOOM never rounds: 59,6% stays below the 60% band.
    expect(ind(calcola(await workbook(rows), { ...policy, roundBeforeWeighting: false }).json, 1)).toBe(0);
  });

  it("a forced 55% with a note beside a 100% → 77,5%; without a note it is refused and the computed value stands", async () => {
    const withNote = await workbook([
      base("forzato", { Stato: 10, Operatore: ">=", Target: 10, "Performance forzata": pct(0.55), Nota: "obiettivo ridimensionato dalla Giunta" }),
      base("pieno", { Stato: 10, Operatore: ">=", Target: 10 }),
    ]);
    const a = calcola(withNote).json;
    expect(perf(a)).toBeCloseTo(0.775, 12);
    expect(a.overrides).toMatchObject([{ indicator: "forzato", kind: "forced", performance: 0.55, computed: 1, note: "obiettivo ridimensionato dalla Giunta" }]);
    const noNote = await workbook([
      base("forzato", { Stato: 10, Operatore: ">=", Target: 10, "Performance forzata": pct(0.55), Nota: "  " }),
      base("pieno", { Stato: 10, Operatore: ">=", Target: 10 }),
    ]);
    const b = calcola(noNote).json;
    expect(perf(b)).toBe(1);
    expect(b.overrides).toEqual([]);
    expect(b.problems.find((p) => p.code === "FORCED_WITHOUT_NOTE")).toMatchObject({ severity: "warning", cell: "G2" });
  });
});

describe("deadlines", () => {
  it("«tutto o niente» (hard deadline): on time 100%, 15 days late 0%", async () => {
    const file = await workbook([
      base("in tempo", { UdM: "data", Stato: day(2022, 6, 30), Operatore: "<=", Target: day(2022, 6, 30), Regola: "tutto o niente" }),
      base("in ritardo", { UdM: "data", Stato: day(2022, 7, 15), Operatore: "<=", Target: day(2022, 6, 30), Regola: "binaria" }),
    ]);
    const { json } = calcola(file);
    expect(ind(json, 0)).toBe(1);
    expect(ind(json, 1)).toBe(0);
  });

  it("«giorni di ritardo»: the same delay on 31/01 and on 31/12 scores the same (the day-of-year ratio does not)", async () => {
    const rows = (rule?: string) => [
      base("gennaio", { UdM: "data", Stato: day(2022, 2, 10), Operatore: "<=", Target: day(2022, 1, 31), ...(rule ? { Regola: rule } : {}) }),
      base("dicembre", { UdM: "data", Stato: day(2023, 1, 10), Operatore: "<=", Target: day(2022, 12, 31), ...(rule ? { Regola: rule } : {}) }),
    ];
    const policy = { version: 2, lateBands: [{ from: 1, to: 7, score: 0.9 }, { from: 8, to: 30, score: 0.7 }, { from: 31, to: null, score: 0 }] };
    const late = calcola(await workbook(rows("giorni di ritardo")), policy).json;
    expect(ind(late, 0)).toBe(0.7);
    expect(ind(late, 1)).toBe(0.7);
    // The default date rule (day-of-year ratio) scores them differently: the reason for the rule.
    const ratio = calcola(await workbook(rows())).json;
    expect(ind(ratio, 0)).not.toBeCloseTo(ind(ratio, 1), 3);
  });
});

describe("no silent wrong number", () => {
  it("«inverso» with Stato 0 and no cap is met at 100%: a 50% neighbour makes the objective 75%, not 525%", async () => {
    const file = await workbook([base("zero", { Stato: 0, Operatore: "<=", Target: 5 }), base("metà", { Stato: 5, Operatore: ">=", Target: 10 })]);
    const { json } = calcola(file, { version: 2, cap: null });
    expect(ind(json, 0)).toBe(1);
    expect(perf(json)).toBeCloseTo(0.75, 12);
  });

  it("`%` indicators typed as points: one rule for both directions and sides, with a warning naming the reading", async () => {
    const file = await workbook([
      base("<= 1%", { UdM: "%", Stato: 1.4, Operatore: "<=", Target: pct(0.01) }),
      base(">= 1%", { UdM: "%", Stato: 0.9, Operatore: ">=", Target: pct(0.01) }),
      { ...base("150% su 100", { UdM: "%", Stato: pct(1.5), Operatore: ">=", Target: 100 }), "Obiettivo operativo": "Obiettivo B" },
    ]);
    const { json } = calcola(file, { version: 2, cap: null });
    expect(ind(json, 0)).toBeCloseTo(1 / 1.4, 12);
    expect(ind(json, 1)).toBeCloseTo(0.9, 12);
    expect(ind(json, 0, 1)).toBeCloseTo(1.5, 12);
    const warned = json.problems.filter((p) => p.code === "PERCENT_READING");
    expect(warned.map((p) => p.cell)).toEqual(["E2", "E3", "G4"]);
    expect(warned[0].message).toMatch(/Stato «1,4» e «1%» differiscono di circa 100 volte; Stato è letto come 1,4%/);
  });

  it("weights 1 / 2 / 1 are relative weights (25% / 50% / 25%), and mixed scales are warned", async () => {
    const file = await workbook([
      { ...base("a", { Stato: 10, Operatore: ">=", Target: 10 }), Peso: 1 },
      { ...base("b", { Stato: 0, Operatore: ">=", Target: 10 }), Peso: 2 },
      { ...base("c", { Stato: 10, Operatore: ">=", Target: 10 }), Peso: 1 },
      { ...base("d", { Stato: 10, Operatore: ">=", Target: 10 }), "Obiettivo operativo": "Misto", Peso: pct(0.5) },
      { ...base("e", { Stato: 0, Operatore: ">=", Target: 10 }), "Obiettivo operativo": "Misto", Peso: 50 },
    ]);
    const { json } = calcola(file);
    expect(perf(json, 0)).toBeCloseTo(0.5, 12);
    expect(perf(json, 1)).toBeCloseTo(0.5, 12);
    expect(codes(json)).toEqual(expect.arrayContaining(["WEIGHTS_RELATIVE", "WEIGHT_SCALES_MIXED"]));
  });

  it("a value in a gap between two bands is an error, not its raw score", async () => {
    const file = await workbook([base("gap", { Stato: 65, Operatore: ">=", Target: 100 }), base("ok", { Stato: 100, Operatore: ">=", Target: 100 })]);
    const { code, json } = calcola(file, { version: 1, bands: [{ from: 0, to: 0.6, score: 0 }, { from: 0.7, to: null, score: 1 }] });
    expect(code).toBe(1);
    expect(ind(json, 0)).toBeNull();
    expect(json.problems.find((p) => p.code === "BAND_GAP")?.message).toMatch(/65% cade tra due fasce/);
  });
});

describe("--regole SMVP.json", () => {
  it("refuses an invalid file with exit 2 and the Italian reasons (overlap, gap, score −5)", async () => {
    const file = await workbook([base("x", { Stato: 1, Operatore: ">=", Target: 1 })]);
    const r = calcola(file, {
      version: 2,
      bands: [{ range: "da 0% a 70%", score: -5 }],
      bandSets: { a: [{ range: "da 0% a 70%", score: 0.5 }, { range: "da 60% a 90%", score: 0.8 }], b: [{ range: "sotto 60%", score: 0 }, { range: "oltre 70%", score: 1 }] },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/punteggio -500% è fuori da 0%–100%/);
    expect(r.stderr).toMatch(/Fasce «a»: le fasce 1 e 2 si sovrappongono/);
    expect(r.stderr).toMatch(/Fasce «b»: tra le fasce 1 e 2 resta un intervallo scoperto/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const notJson = path.join(dir, "rotto.json");
    fs.writeFileSync(notJson, "{");
    const s = spawnSync(process.execPath, [bin, "verifica", file, "--regole", notJson], { cwd: root, encoding: "utf8" });
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/non è un JSON valido/);
  });

  it("caps per indicator and per objective (GZOOM: indicator up to 120%, objective 100%) and roll-ups by «Peso obiettivo» or the worst", async () => {
    const file = await workbook([
      { ...base("a", { Stato: 15, Operatore: ">=", Target: 10 }), Missione: "011 Competitività", "Peso obiettivo": pct(0.75) },
      { ...base("b", { Stato: 10, Operatore: ">=", Target: 10 }), Missione: "011 Competitività", "Peso obiettivo": pct(0.75) },
      { ...base("c", { Stato: 2, Operatore: ">=", Target: 10 }), "Obiettivo operativo": "Obiettivo B", Missione: "011 Competitività", "Peso obiettivo": pct(0.25) },
    ]);
    const capped = calcola(file, { version: 2, cap: 1.2, objectiveCap: 1 }).json;
    expect(ind(capped, 0)).toBeCloseTo(1.2, 12);
    expect(perf(capped, 0)).toBe(1);
    const byWeight = calcola(file, { version: 2, rollupMean: "objectiveWeight" }).json;
    expect(byWeight.rollups.missione[0].performance).toBeCloseTo(0.75 * 1 + 0.25 * 0.2, 12);
    const worst = calcola(file, { version: 2, rollupMean: "worst" }).json;
    expect(worst.rollups.missione[0].performance).toBeCloseTo(0.2, 12);
  });
});
