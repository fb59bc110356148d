// Shared by the reader and CLI tests: real .xlsx files built with ExcelJS, written to the
// temporary directory and read back, so every test goes through a genuine file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import seedJson from "../../assets/seed/pira-2022.json";
import { buildExampleWorkbook, exampleSheetName, gridFromExcelJs, typedSeedCell, type SeedPlan } from "../../src/adapters/exceljs";
import type { WorkbookGrid } from "../../src/core/reader/grid";
import { differences, viaExcelJs, viaPackage } from "../xlsx/readers";

export const seed = seedJson as SeedPlan;

export function tmpDir(prefix = "piano-perf-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function saveXlsx(wb: ExcelJS.Workbook, file: string): Promise<string> {
  await wb.xlsx.writeFile(file);
  return file;
}

export async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Writes the workbook to a real file in `dir`, reads it back and returns its grid. */
export async function gridViaFile(wb: ExcelJS.Workbook, dir: string, name = "book.xlsx"): Promise<{ grid: WorkbookGrid; file: string; wb: ExcelJS.Workbook }> {
  const file = await saveXlsx(wb, path.join(dir, name));
  const back = await loadXlsx(file);
  // Every workbook the reader tests build is read by both headless readers: their cell models must agree.
  const bytes = new Uint8Array(fs.readFileSync(file));
  const diff = differences(await viaExcelJs(bytes), viaPackage(bytes));
  if (diff.length) throw new Error(`the package reader differs from the ExcelJS reader on ${name}:\n${diff.join("\n")}`);
  return { grid: gridFromExcelJs(back), file, wb: back };
}

export function exampleWorkbook(): ExcelJS.Workbook {
  return buildExampleWorkbook(new ExcelJS.Workbook(), seed);
}

/** The seed's cards as expected sheet names, in card order. */
export const sheetNames = seed.obiettivi.map(exampleSheetName);
export const sheetOf = (cardStart: string) => {
  const i = seed.obiettivi.findIndex((o) => o.obiettivoOperativo.startsWith(cardStart));
  if (i < 0) throw new Error(`no card ${cardStart}`);
  return sheetNames[i];
};

/** Small deterministic PRNG for shuffles. */
export function rng(seedValue: number): () => number {
  let s = seedValue >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The same plan as one table (a row per indicator) with the given column order. */
export function tableWorkbook(plan: SeedPlan, columnOrder: string[], sheetName = "Piano"): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  const y = plan.anno;
  const header: Record<string, string> = {
    missione: "Missione",
    programma: "Programma",
    ambito: "Ambito strategico",
    strategico: "Obiettivo strategico",
    operativo: "Obiettivo operativo",
    risorse: "Risorse economiche",
    area: "Area di responsabilità",
    ufficio: "Ufficio",
    nome: "Indicatore",
    algoritmo: "Algoritmo",
    tipologia: "Tipologia",
    udm: "UdM",
    stato: `Stato ${y}`,
    operatore: "Operatore",
    target: `Target ${y}`,
    performance: "Performance",
    peso: "Peso",
  };
  ws.addRow(columnOrder.map((k) => header[k]));
  for (const o of plan.obiettivi) {
    for (const ind of o.indicatori) {
      const cells: Record<string, ReturnType<typeof typedSeedCell>> = {
        missione: { value: o.missione },
        programma: { value: o.programma },
        ambito: { value: o.ambitoStrategico },
        strategico: { value: o.obiettivoStrategico },
        operativo: { value: o.obiettivoOperativo },
        risorse: typedSeedCell(o.risorseEconomiche),
        area: { value: o.areaResponsabilita },
        ufficio: { value: o.ufficio },
        nome: { value: ind.nome },
        algoritmo: { value: ind.algoritmo },
        tipologia: { value: ind.tipologia },
        udm: { value: ind.udm },
        stato: typedSeedCell(ind.stato, ind.udm),
        operatore: { value: ind.operatore },
        target: typedSeedCell(ind.target, ind.udm),
        performance: typedSeedCell(ind.performance),
        peso: typedSeedCell(ind.peso),
      };
      const row = ws.addRow(columnOrder.map((k) => cells[k].value));
      columnOrder.forEach((k, i) => {
        const f = cells[k].numFmt;
        if (f) row.getCell(i + 1).numFmt = f;
      });
    }
  }
  return wb;
}

export const TABLE_COLUMNS = ["missione", "programma", "ambito", "strategico", "operativo", "risorse", "area", "ufficio", "nome", "algoritmo", "tipologia", "udm", "stato", "operatore", "target", "performance", "peso"];

/** The objective performances of the seed, in card order (brief, issue 2). */
export const SEED_PERFORMANCES = [90.74, 100, 98.12, 99.58, 92.86, 96.72, 100, 80, 99.29, 100, 100, 100, 100, 100, 99.76, 99.53, 93.03, 97.76];
