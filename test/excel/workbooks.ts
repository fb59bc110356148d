// Example workbooks for the Office.js tests: the seed plan laid out by the workbook
// helper's example builder (ExcelJS), turned into the cell model, loaded into the fake.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildExampleWorkbook, gridFromExcelJs, type SeedPlan } from "../../src/adapters/exceljs";
import type { WorkbookGrid } from "../../src/core/reader/grid";
import { FakeExcel, type FakeExcelOptions } from "./fakeExcel";

export function seedPlan(): SeedPlan {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "../../assets/seed/pira-2022.json"), "utf8")) as SeedPlan;
}

/** The seed's cards repeated (ids renumbered) until there are `n`. */
export function scaledSeed(n: number): SeedPlan {
  const seed = seedPlan();
  const obiettivi = Array.from({ length: n }, (_, i) => {
    const o = seed.obiettivi[i % seed.obiettivi.length];
    return { ...o, id: `OO${String(i + 1).padStart(3, "0")}` };
  });
  return { ...seed, obiettivi };
}

export function exampleGrid(seed: SeedPlan = seedPlan()): WorkbookGrid {
  const wb = new ExcelJS.Workbook();
  buildExampleWorkbook(wb, seed);
  return gridFromExcelJs(wb);
}

/** A fake Excel holding the example workbook, installed as the global Excel/Office. */
export function fakeWith(grid: WorkbookGrid, options?: FakeExcelOptions): { fake: FakeExcel; uninstall: () => void } {
  const fake = new FakeExcel(options);
  fake.loadGrid(grid);
  return { fake, uninstall: fake.install() };
}
