// The host contract: what the task pane can ask of the workbook. Neutral ground, pure types:
// src/excel (Office.js) and src/preview (in memory) implement it, src/taskpane consumes it,
// and components never call Office themselves.
import type { PlanResult, Problem } from "../core/types";
import type { Policy } from "../core/policy";
import type { LeftOutCard, StatedChange } from "../core/reader/writeback";
import type { Phase } from "../core/types";
import type { Monitoring } from "../core/phases/monitoring";

export interface Progress {
  /** Italian, short: "Lettura dei fogli", "Scrittura dei risultati"… */
  phase: string;
  done: number;
  total: number;
}
export type ProgressFn = (p: Progress) => void;

/** A stated performance the run will replace (defined in core, shared with the CLI). */
export type { StatedChange };
export type { FileComparison };

import type { AcceptedRectification, Rectification } from "../core/rectifications";
import type { FileComparison } from "../core/compare";
import type { SummaryStatus } from "../core/summary/stale";

export interface Analysis {
  result: PlanResult;
  /** All problems: reading and engine, with sheet and cell. */
  problems: Problem[];
  skippedSheets: string[];
  policy: Policy;
  /** Stated performances that "Calcola performance" would change. */
  changes: StatedChange[];
  /** Cards found; 0 means the workbook is not in a recognised layout. */
  cardCount: number;
  /** What the host could not do while reading and what that changes (Italian), shown
   *  with the results. Absent or empty when there is nothing to say. */
  notices?: string[];
  /** Cards "Calcola performance" leaves alone because their table misses a column. */
  leftOutCards?: LeftOutCard[];
  /** Corrections: stated (as first stated, per the restore backup) ≠ computed (src/core/rectifications.ts). */
  rectifications?: Rectification[];
  /** Corrections the user accepted («Accetta»): no longer reported; the original kept for «Ripristina». */
  acceptedRectifications?: AcceptedRectification[];
  /** The add-in's summary sheet and whether the plan or the rules changed since it was built. */
  summary?: SummaryStatus | null;
  /** Phase of the year read from the headers (preventivo: nothing to compute or write). */
  phase?: Phase;
  year?: number;
  /** Monitoring: the date of the Stato (ISO) and each indicator's progress. */
  asOf?: string;
  monitoring?: Monitoring;
}

/** What «Nuovo anno» made: a new workbook, the open one untouched. */
export interface NextYearReport {
  year: number;
  objectives: number;
  indicators: number;
  /** Target cells left blank («target da definire»). */
  toDefine: number;
  /** Header cells marked with a note to update or verify (resources, Area, Ufficio, fields bearing the year). */
  marked?: number;
  /** Name of the file offered for download (preview); absent when Excel opened the new workbook. */
  fileName?: string;
}

export interface WriteReport {
  written: number;
  /** Cells left alone because they hold a formula. */
  skippedFormulas: number;
  /** Things the user should know about how the run went (Italian), e.g. that Ctrl+Z
   *  cannot undo it. Absent or empty when there is nothing to say. */
  notices?: string[];
}

/** A file built in the pane (the .docx, the CSV), to hand to the user. */
export interface PaneFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
  /** The CSV's rows (header first), so a host that cannot download may open them as a new workbook. */
  rows?: string[][];
}

/** How a pane file reached the user: a browser download (the pane does it), a new workbook, or not at all (the message says why and what to do). */
export type FileDelivery = { kind: "download" } | { kind: "newWorkbook"; message: string } | { kind: "unavailable"; message: string };

/** What «Prepara per la stampa» set: the card sheets prepared, in workbook order. */
export interface PrintReport {
  sheets: string[];
}

export interface WorkbookHost {
  readonly kind: "excel" | "preview";
  /** Reads the workbook, validates and computes; writes nothing. */
  analyze(onProgress?: ProgressFn): Promise<Analysis>;
  /** Writes the computed performances (saving what they replace, for restore). */
  writeResults(analysis: Analysis, onProgress?: ProgressFn): Promise<WriteReport>;
  canRestore(): Promise<boolean>;
  /** Puts back exactly what the last run replaced. Returns the number of cells restored. */
  restore(): Promise<number>;
  /** Builds or refreshes the summary sheet and activates it; returns its name. */
  buildSummary(analysis: Analysis): Promise<string>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Inserts an empty card sheet in the expected layout; returns its name. */
  insertEmptyCard(): Promise<string>;
  loadPolicy(): Promise<Policy>;
  /** Saves the policy in the workbook and recalculates the PIANO.* cells. */
  savePolicy(policy: Policy): Promise<void>;
  /** «Nuovo anno»: next year's plan in a new workbook (Excel.createWorkbook, ExcelApi 1.8; the
   *  preview downloads it). The open workbook is not touched. Absent where not supported. */
  createNextYear?(onProgress?: ProgressFn): Promise<NextYearReport>;
  /** «Accetta» corrections (rettifiche) the add-in wrote: the restore backup records, with the
   *  date, that the computed value at each cell is the reference (the user's original stays in
   *  the backup; «Ripristina» still puts it back). Cells that no longer hold what the add-in
   *  wrote are skipped. Returns how many were accepted. Absent where not supported. */
  acceptRectifications?(cells: { sheet: string; cell: string }[]): Promise<number>;
  /** «Confronta»: the open workbook's plan against the plan in a .xlsx file the user picked
   *  (read in memory, never written; the open workbook is not changed). Absent where not supported. */
  compareWithFile?(file: { name: string; bytes: ArrayBuffer }, onProgress?: ProgressFn): Promise<FileComparison>;
  /** «Diagnostica»: the host's own round trip on a scratch sheet it creates and removes
   *  (never the user's sheets). Optional: hosts without it show no command. */
  runDiagnostics?(): Promise<DiagnosticsReport>;
  /** «Prepara per la stampa»: each card sheet set to print as in the published document (one
   *  page wide, the indicator header repeated, print area, sheet name and page number in
   *  header/footer); no cell changes. Optional: hosts without it show no command. */
  preparePrint?(onProgress?: ProgressFn): Promise<PrintReport>;
  /** Where a browser download does nothing (Excel for Mac: its WKWebView ignores <a download>,
   *  OfficeDev/office-js#2700), hands the file over another way or says why it cannot.
   *  Absent, or `{ kind: "download" }`: the pane downloads it. */
  deliverFile?(file: PaneFile): Promise<FileDelivery>;
}

/** One check of «Diagnostica»: passed, or what came back instead (short, for the body's IT). */
export interface DiagnosticCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface DiagnosticsReport {
  /** "Excel 16.0.19127 · PC · ExcelApi 1.1–1.20" or the preview's own line. */
  environment: string;
  checks: DiagnosticCheck[];
}

/**
 * Errors a host throws on purpose carry a message written for the user, in Italian
 * (what went wrong and what to do). The pane shows those; anything else — a bug, a
 * library's English message — is replaced by a generic Italian message and logged.
 *
 * The marker is structural, so components never import a host: `userFacing: true`
 * (ExcelHostError and PreviewError set it; their messages come from src/messages).
 */
export interface UserFacingError extends Error {
  readonly userFacing: true;
}

export function isUserFacingError(e: unknown): e is Error {
  if (!(e instanceof Error) || typeof e.message !== "string") return false;
  return (e as Partial<UserFacingError>).userFacing === true;
}
