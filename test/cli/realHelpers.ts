// Helpers shared by the tests on workbooks saved for real (realFixtures.test.ts: openpyxl and
// LibreOffice; excelFixtures.test.ts: Microsoft Excel): the CLI as a user runs it, its JSON
// report, and the cells the analysis plans to write (what `calcola --out` may change).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { readPackageInfo, withPackageInfo } from "../../src/adapters/xlsx";
import { inspectPackage } from "../../src/adapters/xlsx/inspect";
import { analyzeWorkbook } from "../../src/core/reader";
import { comparePackages, partsOf, type Comparison, type Parts } from "./packages";

export const root = path.join(__dirname, "..", "..");
export const fixtures = path.join(root, "test", "fixtures", "real");
const bin = path.join(root, "bin", "piano-perf.js");

export const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
export const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

/** Builds this worktree's CLI bundle (lib/cli.cjs), for beforeAll. */
export function buildCli(): void {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
}

export interface Json {
  objectives: { sheet: string; performance: number | null }[];
  problems: { severity: string }[];
}
export const verifica = (file: string): Json => {
  const r = cli(["verifica", file, "--json"]);
  // The example plan carries 3 errors on purpose (unreadable Stato cells): exit 1.
  expect(r.status).toBe(1);
  return JSON.parse(r.stdout) as Json;
};

/** The cells the analysis plans to write, by sheet, read through the same package check as the CLI. */
export async function planned(file: string): Promise<Map<string, Set<string>>> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(inspectPackage(bytes).bytes) as unknown as ArrayBuffer);
  const analysis = analyzeWorkbook(withPackageInfo(gridFromExcelJs(wb), readPackageInfo(bytes)));
  const out = new Map<string, Set<string>>();
  for (const w of analysis.writes) out.set(w.sheet, (out.get(w.sheet) ?? new Set()).add(w.cell));
  return out;
}

/**
 * `calcola FILE --out OUT` as a user runs it on a copy of the example: exit 1 (the example's
 * three errors on purpose), the example's overall performance, values written, the input
 * untouched; then the two packages compared part by part against the cells planned.
 */
export async function calcolaOut(input: string, out: string): Promise<{ cmp: Comparison; inParts: Parts; outParts: Parts }> {
  const before = sha(input);
  const plan = await planned(input);
  const r = cli(["calcola", input, "--out", out]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(1);
  expect(r.stdout).toContain("Performance complessiva: 97,08%");
  expect(r.stdout).toMatch(/Scritti \d+ valori\./);
  expect(sha(input)).toBe(before);
  const inParts = partsOf(input);
  const outParts = partsOf(out);
  return { cmp: comparePackages(inParts, outParts, plan), inParts, outParts };
}

