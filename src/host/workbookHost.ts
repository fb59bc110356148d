// The host contract: what the task pane can ask of the workbook. Neutral ground, pure types:
// src/excel (Office.js) and src/preview (in memory) implement it, src/taskpane consumes it,
// and components never call Office themselves.
import type { PlanResult, Problem } from "../core/types";
import type { Policy } from "../core/policy";
import type { LeftOutCard, StatedChange } from "../core/reader/writeback";

export interface Progress {
  /** Italian, short: "Lettura dei fogli", "Scrittura dei risultati"… */
  phase: string;
  done: number;
  total: number;
}
export type ProgressFn = (p: Progress) => void;

/** A stated performance the run will replace (defined in core, shared with the CLI). */
export type { StatedChange };

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
  /** Cards "Calcola performance" leaves alone because their table misses a column. */
  leftOutCards?: LeftOutCard[];
}

export interface WriteReport {
  written: number;
  /** Cells left alone because they hold a formula. */
  skippedFormulas: number;
  /** Things the user should know about how the run went (Italian), e.g. that Ctrl+Z
   *  cannot undo it. Absent or empty when there is nothing to say. */
  notices?: string[];
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
