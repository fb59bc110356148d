// The workbook as the add-in leaves it, written INTO the user's package: the computed
// performances patched into their cells, the summary and settings sheets (drawn by the
// ExcelJS adapter in a scratch workbook) transplanted as the add-in's marked sheets.
// Everything else — charts, pivot caches, external links, VBA, comments, validations,
// conditional formats, defined names, parts nobody here understands — stays byte for byte.
// Shared by `piano-perf calcola --out` and the preview's «Scarica risultato».
import type ExcelJS from "exceljs";
import type { WorkbookAnalysis } from "../../core/reader/analyze";
import { analysisAfterWrites } from "../../core/reader/analyze";
import { cellValueOfWrite, type CellWrite } from "../../core/reader/writeback";
import type { OwnerMark, WorkbookGrid } from "../../core/reader/grid";
import { findSettingsSheet, settingsSheetName, SETTINGS_SHEET_NAME } from "../../core/reader/settings";
import { writeSummarySheet } from "../exceljs/summarySheet";
import { fitCellText } from "../../core/cellLimits";
import { writeBackupSheet } from "../exceljs/backup";
import { backupAfterWrites } from "../../core/reader/analyze";
import { BACKUP_SHEET_NAME, findBackupSheet, freeSheetName } from "../../core/reader/backup";
import type { CellPatch } from "./cells";
import type { CardPrint } from "../../core/print";
import { XlsxPackage, type Codec } from "./package";
import { applyPackageEdits, readHiddenStates, readMarks, type OwnedSheet } from "./workbook";

/** What the package says about its sheets beyond their cells: the add-in's marks, hidden states. */
export interface PackageInfo {
  marks: Map<string, OwnerMark>;
  hidden: Map<string, "hidden" | "veryHidden">;
}

export function readPackageInfo(bytes: Uint8Array): PackageInfo {
  const pkg = XlsxPackage.read(bytes);
  return { marks: readMarks(pkg), hidden: readHiddenStates(pkg) };
}

/** The grid with each sheet's mark (and hidden state) from the package: unmarked sheets are the user's. */
export function withPackageInfo(grid: WorkbookGrid, info: PackageInfo): WorkbookGrid {
  return {
    ...grid,
    marksRead: true,
    sheets: grid.sheets.map((s) => {
      const mark = info.marks.get(s.name);
      const hidden = s.hidden ?? info.hidden.get(s.name);
      const out = { ...s };
      if (mark) out.ownedBy = mark;
      else delete out.ownedBy;
      if (hidden) out.hidden = hidden;
      return out;
    }),
  };
}

/**
 * The grid as addinOutput reads it: every sheet's name, mark and state, and the cells only
 * of the add-in's own sheets — marked, or found by the same rules addinOutput uses
 * (findSettingsSheet, findBackupSheet: an earlier version's unmarked sheets). A caller holding
 * a big plan's grid can keep this instead, so the plan's cells are not in memory while the
 * output is built.
 */
export function outputOutline(grid: WorkbookGrid): WorkbookGrid {
  const ours = new Set([findSettingsSheet(grid), findBackupSheet(grid)]);
  return {
    ...grid,
    sheets: grid.sheets.map((s) => (s.ownedBy || ours.has(s) ? s : { name: s.name, startRow: s.startRow, startCol: s.startCol, values: [], formats: [], merges: [], ...(s.hidden ? { hidden: s.hidden } : {}) })),
  };
}

/** A planned write as a cell patch: the value, and its number format (the user's percent format kept). */
export function patchOfWrite(w: CellWrite): CellPatch {
  const value = cellValueOfWrite(w);
  return { cell: w.cell, value: typeof value === "boolean" ? String(value) : value, numberFormat: w.numberFormat, keepPercentFormat: w.value !== null };
}

export function patchesBySheet(writes: CellWrite[]): Map<string, CellPatch[]> {
  const out = new Map<string, CellPatch[]>();
  for (const w of writes) {
    const list = out.get(w.sheet) ?? [];
    list.push(patchOfWrite(w));
    out.set(w.sheet, list);
  }
  return out;
}

export interface AddinOutput {
  bytes: Uint8Array;
  written: number;
  summary: string;
  settings: string;
  /** Summary cells whose text was cut to Excel's 32,767 characters. */
  cutCells: { cell: string; length: number }[];
}

/**
 * The user's package with the analysis' writes, the summary and the settings sheet.
 * `original`: the file's bytes, or the package already read (the CLI's: its parts are not
 * read twice; it is edited in place). `grid` is the analysed grid (with marks, see
 * withPackageInfo); `newWorkbook` makes an empty ExcelJS workbook (the caller's ExcelJS build).
 */
export async function addinOutput(
  original: Uint8Array | XlsxPackage,
  grid: WorkbookGrid,
  analysis: WorkbookAnalysis,
  newWorkbook: () => ExcelJS.Workbook,
  options: { source?: string; producedAt?: Date; print?: CardPrint[]; after?: WorkbookAnalysis; codec?: Codec } = {},
): Promise<AddinOutput> {
  // The add-in's sheets drawn by ExcelJS in a scratch workbook, in a function of its own: once
  // it returns, that model (and the analysis after the writes) is garbage before the package
  // edit allocates (on a big plan, the two together would set the process's peak memory).
  const { generated, summary, cutCells, backupName, settings } = await generateOwnedSheets(grid, analysis, newWorkbook, options);
  const existingBackup = findBackupSheet(grid);

  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const existingSummary = grid.sheets.find((s) => same(s.name, summary) && s.ownedBy === "summary");
  const existingSettings = findSettingsSheet(grid);
  const sheets: OwnedSheet[] = [
    { name: summary, mark: "summary", replaces: existingSummary?.name },
    ...(backupName
      ? [{ name: backupName, mark: "backup" as const, state: "veryHidden" as const, ...(existingBackup?.ownedBy === "backup" ? { replaces: existingBackup.name } : existingBackup ? { legacy: existingBackup.name } : {}) }]
      : []),
    { name: settings, mark: "settings", state: "hidden" as const, replaces: existingSettings?.ownedBy === "settings" ? existingSettings.name : undefined, legacy: existingSettings && !existingSettings.ownedBy ? existingSettings.name : undefined },
  ];
  const cells = patchesBySheet(analysis.writes);
  const bytes = applyPackageEdits(original, { cells, sheets, generated, ...(options.print ? { print: options.print } : {}), ...(options.codec ? { codec: options.codec } : {}) });
  return { bytes, written: analysis.writes.length, summary, settings, cutCells };
}

/** The summary, backup and settings sheets, written by ExcelJS into a scratch package. */
async function generateOwnedSheets(
  grid: WorkbookGrid,
  analysis: WorkbookAnalysis,
  newWorkbook: () => ExcelJS.Workbook,
  options: { source?: string; producedAt?: Date; after?: WorkbookAnalysis },
): Promise<{ generated: Uint8Array; summary: string; cutCells: { cell: string; length: number }[]; backupName: string | null; settings: string }> {
  const scratch = newWorkbook();
  // `after`: the workbook as the writes leave it, with its own backup (corrections accepted, see core/reader/accept.ts).
  const after = options.after ?? analysisAfterWrites(analysis);
  const summary = writeSummarySheet(scratch, after, { source: options.source, producedAt: options.producedAt });
  const cutCells = fitSheetTexts(scratch.getWorksheet(summary));
  // The restore backup: what each Performance cell held before the add-in first wrote it
  // (the user's original statement, the reference of every later correction).
  const backupEntries = options.after ? options.after.backup : backupAfterWrites(analysis.backup ?? [], analysis.writes);
  const backupWs = analysis.writes.length || options.after ? writeBackupSheet(scratch, backupEntries) : null;
  // The add-in's backup in the user's package: by its mark (or, unmarked, by its name and
  // header: an earlier version's); a user's sheet of that name is kept and ours takes a free name.
  const existingBackup = findBackupSheet(grid);
  if (backupWs) backupWs.name = existingBackup?.name ?? freeSheetName(BACKUP_SHEET_NAME, grid.sheets.map((s) => s.name));
  const settings = settingsSheetName(grid);
  const generatedSettings = scratch.worksheets.find((w) => w.name.toLowerCase() === SETTINGS_SHEET_NAME.toLowerCase());
  if (generatedSettings && settings !== generatedSettings.name) generatedSettings.name = settings;
  // A scratch package, read back at once: stored, not deflated (ExcelJS's JSZip deflate in
  // JavaScript was seconds and a hundred MB on a big plan's summary).
  const generated = new Uint8Array((await scratch.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions)) as ArrayBuffer);

  return { generated, summary, cutCells, backupName: backupWs?.name ?? null, settings };
}

/** Cuts every text over Excel's 32,767 characters (an ellipsis and the full length said); returns the cells cut. */
export function fitSheetTexts(ws: ExcelJS.Worksheet | undefined): { cell: string; length: number }[] {
  const cut: { cell: string; length: number }[] = [];
  ws?.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (typeof v === "string") {
        const fit = fitCellText(v);
        if (fit.cut) {
          cell.value = fit.text;
          cut.push({ cell: cell.address, length: v.length });
        }
      }
    }),
  );
  return cut;
}
