// The browser preview's WorkbookHost: an ExcelJS workbook kept in memory, analysed and
// changed with the same reader and adapter functions the CLI uses, so the preview
// computes exactly what `piano-perf` computes. ExcelJS is loaded on demand (its own
// chunk), never in the task pane's bundle. Nothing leaves the machine.
import type ExcelJS from "exceljs";
import type { Analysis, ProgressFn, UserFacingError, WorkbookHost, WriteReport } from "../host/workbookHost";
import type { Policy } from "../core/policy";
import { analyzeWorkbook, type WorkbookAnalysis } from "../core/reader/analyze";
import { readSettings, SETTINGS_SHEET_NAME } from "../core/reader/settings";
import type { CellWrite } from "../core/reader/writeback";
import { parseA1, type SheetGrid, type WorkbookGrid } from "../core/reader/grid";
import { applyWrites, gridFromExcelJs, restoreWrites, sheetGridFromExcelJs, writeSettings, writeSummarySheet } from "../adapters/exceljs";
import { ui } from "../messages/ui";
import { inspectPackage, PackageError } from "../adapters/xlsx/inspect";
import { PACKAGE } from "../messages/limits";
import { addEmptyCard } from "./emptyCard";

type ExcelJsModule = typeof ExcelJS;

/** An error whose message is already Italian and says what to do: the pane shows it. */
export class PreviewError extends Error implements UserFacingError {
  readonly userFacing = true as const;
  constructor(message: string) {
    super(message);
    this.name = "PreviewError";
  }
}

export interface PreviewSnapshot {
  /** Bumped on every change, for useSyncExternalStore. */
  version: number;
  /** Bumped each time a workbook is opened: the pane restarts on a new workbook. */
  openId: number;
  fileName: string | null;
  sheetNames: string[];
  activeSheet: string | null;
  selected: { sheet: string; cell: string } | null;
  loading: boolean;
  loadError: string | null;
}

export interface PreviewHostOptions {
  /** Loads ExcelJS; the default is a dynamic import (a separate chunk). */
  loadExcelJs?: () => Promise<ExcelJsModule>;
  /** Fetches the example workbook's bytes; null when unavailable. */
  fetchExample?: () => Promise<ArrayBuffer | null>;
  exampleName?: string;
}

export const EXAMPLE_URL = "assets/esempio-piano-2022.xlsx";
export const EXAMPLE_NAME = "esempio-piano-2022.xlsx";

async function defaultLoadExcelJs(): Promise<ExcelJsModule> {
  const m = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: ExcelJsModule } & ExcelJsModule;
  return m.default ?? m;
}

async function defaultFetchExample(): Promise<ArrayBuffer | null> {
  const r = await fetch(EXAMPLE_URL);
  return r.ok ? r.arrayBuffer() : null;
}

const PROGRESS = ui.preview.progress;

/** The saved originals plus the cells of `writes` not saved yet (the first original of a cell wins). */
function keepFirstOriginals(saved: CellWrite[] | null, writes: CellWrite[]): CellWrite[] {
  if (!saved) return [...writes];
  const key = (w: CellWrite) => `${w.sheet}\u0000${w.cell}`;
  const known = new Set(saved.map(key));
  return [...saved, ...writes.filter((w) => !known.has(key(w)))];
}

export class PreviewHost implements WorkbookHost {
  readonly kind = "preview" as const;
  private workbook: ExcelJS.Workbook | null = null;
  private lastRun: CellWrite[] | null = null;
  private listeners = new Set<() => void>();
  private snap: PreviewSnapshot = { version: 0, openId: 0, fileName: null, sheetNames: [], activeSheet: null, selected: null, loading: false, loadError: null };
  private pending: Promise<void> | null = null;
  private excelJs: Promise<ExcelJsModule> | null = null;

  constructor(private readonly options: PreviewHostOptions = {}) {}

  // ---- store for the sheet view -------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PreviewSnapshot => this.snap;

  private update(patch: Partial<PreviewSnapshot>): void {
    const wb = this.workbook;
    const sheetNames = wb ? wb.worksheets.map((w) => w.name) : [];
    let activeSheet = patch.activeSheet !== undefined ? patch.activeSheet : this.snap.activeSheet;
    if (activeSheet === null || !sheetNames.includes(activeSheet)) activeSheet = sheetNames[0] ?? null;
    this.snap = { ...this.snap, ...patch, sheetNames, activeSheet, version: this.snap.version + 1 };
    for (const l of this.listeners) l();
  }

  /** The active sheet's cells (for the read-only grid). */
  sheetGrid(name: string): SheetGrid | null {
    const ws = this.workbook?.getWorksheet(name);
    return ws ? sheetGridFromExcelJs(ws) : null;
  }

  /** Column widths in pixels as Excel would draw them (default 8.43 characters = 64 px). */
  columnWidths(name: string, from: number, count: number): number[] {
    const ws = this.workbook?.getWorksheet(name);
    return Array.from({ length: count }, (_v, i) => {
      const chars = ws?.getColumn(from + i + 1).width;
      return Math.round((typeof chars === "number" && chars > 0 ? chars : 8.43) * 7 + 5);
    });
  }

  /** A1 addresses of the cells set to wrap their text (Excel's default is one line, clipped). */
  wrappedCells(name: string): Set<string> {
    const out = new Set<string>();
    this.workbook?.getWorksheet(name)?.eachRow((row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.alignment?.wrapText) out.add(cell.address);
      }),
    );
    return out;
  }

  showSheet(name: string): void {
    this.update({ activeSheet: name });
  }

  // ---- opening and saving -------------------------------------------------------

  private loadLibrary(): Promise<ExcelJsModule> {
    this.excelJs ??= (this.options.loadExcelJs ?? defaultLoadExcelJs)();
    return this.excelJs;
  }

  /** Opens workbook bytes (a local file or the example). Errors leave the previous workbook open. */
  open(bytes: ArrayBuffer | Promise<ArrayBuffer | null>, fileName: string): Promise<void> {
    const run = (async () => {
      this.update({ loading: true, loadError: null });
      try {
        const lib = await this.loadLibrary();
        const data = await bytes;
        if (!data) throw new PreviewError(ui.preview.exampleMissing);
        // The same package check as the CLI (limits, what a non-workbook file is, fixes for
        // ExcelJS): a refused file leaves the previous workbook open.
        let pkg: Uint8Array;
        try {
          pkg = inspectPackage(new Uint8Array(data)).bytes;
        } catch (e) {
          if (e instanceof PackageError) throw new PreviewError(PACKAGE.openFailed(fileName, e.what));
          throw e;
        }
        const wb = new lib.Workbook();
        try {
          await wb.xlsx.load(pkg as unknown as ArrayBuffer);
        } catch {
          throw new PreviewError(ui.preview.loadFailed(fileName));
        }
        this.workbook = wb;
        this.lastRun = null;
        this.update({ loading: false, fileName, selected: null, activeSheet: null, openId: this.snap.openId + 1 });
      } catch (e) {
        const message = e instanceof PreviewError ? e.message : ui.preview.loadFailed(fileName);
        this.update({ loading: false, loadError: message });
        throw e instanceof PreviewError ? e : new PreviewError(message);
      }
    })();
    this.pending = run.catch(() => undefined);
    return run;
  }

  openExample(): Promise<void> {
    const fetchExample = this.options.fetchExample ?? defaultFetchExample;
    return this.open(
      fetchExample().catch(() => null),
      this.options.exampleName ?? EXAMPLE_NAME,
    );
  }

  /** The workbook as .xlsx bytes, for "Scarica risultato". */
  async download(): Promise<Blob> {
    const wb = await this.ready();
    const buf = await wb.xlsx.writeBuffer();
    return new Blob([buf as ArrayBuffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  }

  private async ready(): Promise<ExcelJS.Workbook> {
    if (this.pending) await this.pending;
    if (!this.workbook) throw new PreviewError(ui.preview.noWorkbook);
    return this.workbook;
  }

  private grid(wb: ExcelJS.Workbook): WorkbookGrid {
    return gridFromExcelJs(wb);
  }

  // ---- WorkbookHost -------------------------------------------------------------

  async analyze(onProgress?: ProgressFn): Promise<Analysis> {
    const wb = await this.ready();
    const total = wb.worksheets.length;
    onProgress?.({ phase: PROGRESS.read, done: 0, total });
    const grid = this.grid(wb);
    onProgress?.({ phase: PROGRESS.analyze, done: total, total });
    return analyzeWorkbook(grid);
  }

  async writeResults(analysis: Analysis, onProgress?: ProgressFn): Promise<WriteReport> {
    const wb = await this.ready();
    const a = analysis as WorkbookAnalysis;
    const writes = a.writes ?? [];
    onProgress?.({ phase: PROGRESS.write, done: 0, total: writes.length });
    const written = applyWrites(wb, writes);
    // Restore keeps what the first run replaced, in memory, as the backup sheet does in Excel:
    // a later run adds only cells not saved yet, so «Ripristina» goes back to before the first run.
    if (written > 0) this.lastRun = keepFirstOriginals(this.lastRun, writes);
    onProgress?.({ phase: PROGRESS.write, done: writes.length, total: writes.length });
    this.update({});
    return { written, skippedFormulas: a.skippedFormulas ?? 0 };
  }

  async canRestore(): Promise<boolean> {
    return this.lastRun !== null;
  }

  async restore(): Promise<number> {
    const wb = await this.ready();
    if (!this.lastRun) return 0;
    const n = restoreWrites(wb, this.lastRun);
    this.lastRun = null;
    this.update({});
    return n;
  }

  async buildSummary(analysis: Analysis): Promise<string> {
    const wb = await this.ready();
    // The same sheet the CLI leaves: built, and registered as the add-in's own.
    const name = writeSummarySheet(wb, analysis as WorkbookAnalysis);
    this.update({ activeSheet: name, selected: null });
    return name;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const wb = await this.ready();
    if (!wb.getWorksheet(sheet)) throw new PreviewError(ui.preview.sheetNotFound(sheet));
    if (!parseA1(cell)) throw new PreviewError(ui.preview.cellNotFound(sheet, cell));
    this.update({ activeSheet: sheet, selected: { sheet, cell: cell.replace(/\$/g, "").toUpperCase() } });
  }

  async insertEmptyCard(): Promise<string> {
    const wb = await this.ready();
    const year = analyzeWorkbook(this.grid(wb)).year ?? new Date().getFullYear();
    const name = addEmptyCard(wb, year);
    this.update({ activeSheet: name, selected: null });
    return name;
  }

  async loadPolicy(): Promise<Policy> {
    const wb = await this.ready();
    return readSettings(this.grid(wb)).policy;
  }

  async savePolicy(policy: Policy): Promise<void> {
    const wb = await this.ready();
    const owned = readSettings(this.grid(wb)).ownedSheets.filter((n) => n !== SETTINGS_SHEET_NAME);
    writeSettings(wb, policy, owned);
    this.update({});
  }
}
