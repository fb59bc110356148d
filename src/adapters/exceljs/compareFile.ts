// «Confronta» from the pane (issue 11): a .xlsx file the user picked, read in memory with
// ExcelJS under the same package checks and limits as the CLI and the preview
// (src/adapters/xlsx/inspect.ts, src/core/limits.ts), then compared with the open workbook's
// plan by src/core/compare.ts — the one comparison the CLI prints too. Loaded on demand with
// ExcelJS (never in the pane's initial JavaScript); nothing leaves the machine, nothing is written.
import type { ComparedPlan, FileComparison } from "../../core/compare";
import { compareOpenWithFile } from "../../core/compare";
import { analyzeWorkbook } from "../../core/reader/analyze";
import { LimitError } from "../../core/limits";
import { inspectPackage, PackageError } from "../xlsx/inspect";
import { readPackageInfo, withPackageInfo } from "../xlsx/output";
import { PACKAGE } from "../../messages/limits";
import { COMPARE_UI } from "../../messages/compareUi";
import { gridFromExcelJs } from "./grid";
import type { ExcelJsLike } from "./nextYear";

/** A file that cannot be compared: the message is Italian and says why (the pane shows it). */
export class CompareFileError extends Error {
  readonly userFacing = true as const;
  constructor(message: string) {
    super(message);
    this.name = "CompareFileError";
  }
}

/** The plan in `bytes` (the bytes are not modified). Throws CompareFileError on a bad file. */
export async function readPlanFile(lib: ExcelJsLike, bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<ComparedPlan> {
  const input = bytes instanceof Uint8Array ? bytes.slice() : new Uint8Array(bytes.slice(0));
  let pkg: Uint8Array;
  try {
    pkg = inspectPackage(input).bytes;
  } catch (e) {
    if (e instanceof PackageError) throw new CompareFileError(PACKAGE.openFailed(fileName, e.what));
    throw new CompareFileError(PACKAGE.openFailed(fileName, PACKAGE.notZip));
  }
  const wb = new lib.Workbook();
  try {
    await wb.xlsx.load(pkg as unknown as ArrayBuffer);
  } catch {
    throw new CompareFileError(PACKAGE.openFailed(fileName, PACKAGE.notZip));
  }
  let analysis;
  try {
    let grid = gridFromExcelJs(wb);
    try {
      // The add-in's own sheets (summary, settings, backup) by their marks: never read as cards.
      grid = withPackageInfo(grid, readPackageInfo(input));
    } catch {
      /* ExcelJS read it: the marks are a refinement */
    }
    analysis = analyzeWorkbook(grid);
  } catch (e) {
    if (e instanceof LimitError) throw new CompareFileError(COMPARE_UI.fileTooLarge(fileName, e.message));
    throw e;
  }
  if (analysis.cardCount === 0) throw new CompareFileError(COMPARE_UI.noPlan(fileName));
  return { plan: analysis.plan, result: analysis.result, phase: analysis.phase, year: analysis.year };
}

/** The open workbook's plan against the file's. */
export async function compareWithPlanFile(lib: ExcelJsLike, open: ComparedPlan, file: { name: string; bytes: ArrayBuffer | Uint8Array }): Promise<FileComparison> {
  const other = await readPlanFile(lib, file.bytes, file.name);
  return compareOpenWithFile(open, other, file.name);
}
