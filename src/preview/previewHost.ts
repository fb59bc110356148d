// The browser preview's WorkbookHost: an ExcelJS workbook kept in memory, analysed and
// changed with the same reader and adapter functions the CLI uses, so the preview
// computes exactly what `piano-perf` computes. ExcelJS is loaded on demand (its own
// chunk), never in the task pane's bundle. Nothing leaves the machine.
import type ExcelJS from "exceljs";
import type { Analysis, DiagnosticsReport, NextYearReport, PrintReport, ProgressFn, UserFacingError, WorkbookHost, WriteReport } from "../host/workbookHost";
import type { Policy } from "../core/policy";
import { analyzeWorkbook, type WorkbookAnalysis } from "../core/reader/analyze";
import { readSettings, SETTINGS_SHEET_NAME } from "../core/reader/settings";
import type { CellWrite } from "../core/reader/writeback";
import { parseA1, type SheetGrid, type WorkbookGrid } from "../core/reader/grid";
import { applyWritesWithBackup, writeBackupSheet, gridFromExcelJs, restoreWrites, sheetGridFromExcelJs, writeSettings, writeSummarySheet } from "../adapters/exceljs";
import { ui } from "../messages/ui";
import { inspectPackage, PackageError } from "../adapters/xlsx/inspect";
import { PACKAGE } from "../messages/limits";
import { addEmptyCard } from "./emptyCard";
import { nextYearXlsx } from "../adapters/exceljs/nextYear";
import { NEXT_YEAR_EXCEL, NEXT_YEAR_UI } from "../messages/phasesUi";
import { applyPackageEdits, patchOfWrite, readPackageInfo, withPackageInfo, type CellPatch, type OwnedSheet } from "../adapters/xlsx";
import { markSheet, marksKnown, sheetMark, workbookMarks } from "../adapters/exceljs/sheets";
import { planCardPrint, type CardPrint } from "../core/print";
import { applyCardPrint, excelJsColumnPoints } from "../adapters/exceljs/print";
import { PRINT } from "../messages/print";
import { columnCharsToPixels, DEFAULT_COLUMN_CHARS } from "../core/units";
import type { FileComparison } from "../core/compare";
import { acceptCorrections } from "../core/reader/accept";
import { acceptanceDate } from "../core/rectifications";

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
  /** Hands a generated workbook to the user (default: a download link clicked). */
  deliver?: (blob: Blob, fileName: string) => void;
}

function defaultDeliver(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
  /** The file as opened: «Scarica risultato» writes into it (every part the add-in does not own kept byte for byte). */
  private original: Uint8Array | null = null;
  /** The add-in's cells changed since the file was opened, by sheet and address. */
  private cellEdits = new Map<string, Map<string, CellPatch>>();
  /** What cellEdits held, before the last run, for the cells it wrote (restore puts it back). */
  private beforeRun: { sheet: string; cell: string; patch: CellPatch | undefined }[] = [];
  /** Sheets the add-in (re)wrote whole since the file was opened: summary, settings, empty cards. */
  private wholeSheets = new Set<string>();
  /** «Prepara per la stampa»: the card sheets' page setup, written into the package by «Scarica risultato». */
  private prints = new Map<string, CardPrint>();
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
    // Showing a sheet, selecting a cell or starting to load changes no cell: the sheet view's
    // cached grids stay (a 16,384-column sheet is not rebuilt at every click).
    const keys = Object.keys(patch);
    const viewOnly =
      keys.length > 0 &&
      (keys.every((k) => k === "activeSheet" || k === "selected") && patch.selected !== null) ||
      (keys.every((k) => k === "loading" || k === "loadError") && patch.loading === true);
    if (!viewOnly) this.views.clear();
    const wb = this.workbook;
    const sheetNames = wb ? wb.worksheets.map((w) => w.name) : [];
    let activeSheet = patch.activeSheet !== undefined ? patch.activeSheet : this.snap.activeSheet;
    if (activeSheet === null || !sheetNames.includes(activeSheet)) activeSheet = sheetNames[0] ?? null;
    this.snap = { ...this.snap, ...patch, sheetNames, activeSheet, version: this.snap.version + 1 };
    for (const l of this.listeners) l();
  }

  /** What the sheet view draws of one sheet, built once per change of the workbook. */
  private views = new Map<string, { grid: SheetGrid | null; widths: number[]; wrapped: Set<string> }>();

  /** The sheet's grid, column widths and wrapped cells, cached until the workbook changes. */
  sheetView(name: string): { grid: SheetGrid | null; widths: number[]; wrapped: Set<string> } {
    let v = this.views.get(name);
    if (!v) {
      let grid: SheetGrid | null = null;
      try {
        grid = this.sheetGrid(name);
      } catch {
        // Beyond the limits (src/core/limits.ts): nothing to draw; «Calcola» says why.
        grid = null;
      }
      const cols = grid ? grid.values.reduce((m, r) => Math.max(m, r.length), 0) : 0;
      v = { grid, widths: grid ? this.columnWidths(name, grid.startCol, cols) : [], wrapped: grid ? this.wrappedCells(name) : new Set() };
      this.views.set(name, v);
    }
    return v;
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
      return columnCharsToPixels(typeof chars === "number" && chars > 0 ? chars : DEFAULT_COLUMN_CHARS);
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
        let marks = new Map<string, "summary" | "settings" | "backup">();
        try {
          marks = readPackageInfo(new Uint8Array(data)).marks;
        } catch {
          /* ExcelJS read it: a package the writer cannot parse is downloaded as ExcelJS writes it */
        }
        marksKnown(wb, marks);
        this.workbook = wb;
        this.original = new Uint8Array(data);
        this.cellEdits = new Map();
        this.beforeRun = [];
        this.wholeSheets = new Set();
        this.prints = new Map();
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
    const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (!this.original) return new Blob([buf as ArrayBuffer], { type });
    // The opened file with the add-in's cells and sheets changed, as `piano-perf --out` writes it.
    let originalMarks = new Map<string, string>();
    try {
      originalMarks = readPackageInfo(this.original).marks;
    } catch {
      return new Blob([buf as ArrayBuffer], { type });
    }
    const sheets: OwnedSheet[] = [];
    for (const ws of wb.worksheets) {
      if (!this.wholeSheets.has(ws.name)) continue;
      const mark = sheetMark(ws);
      const state = ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : undefined;
      sheets.push({ name: ws.name, ...(mark ? { mark } : {}), ...(state ? { state } : {}), ...(mark && originalMarks.get(ws.name) === mark ? { replaces: ws.name } : {}) });
    }
    const cells = new Map([...this.cellEdits].map(([sheet, m]) => [sheet, [...m.values()]]));
    const print = [...this.prints.values()].filter((p) => wb.getWorksheet(p.sheet));
    const bytes = applyPackageEdits(this.original, { cells, sheets, generated: new Uint8Array(buf as ArrayBuffer), ...(print.length ? { print } : {}) });
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
  }

  /** «Nuovo anno»: next year's plan from the open workbook, downloaded as a new file; the open one is untouched. */
  async createNextYear(onProgress?: ProgressFn): Promise<NextYearReport> {
    const wb = await this.ready();
    const lib = await this.loadLibrary();
    onProgress?.({ phase: NEXT_YEAR_EXCEL.progressBuild, done: 0, total: 1 });
    const { bytes, plan } = await nextYearXlsx(lib, new Uint8Array(await wb.xlsx.writeBuffer()));
    if (plan.problems.length) throw new PreviewError(plan.problems[0].message);
    const fileName = NEXT_YEAR_UI.fileName(plan.year, this.snap.fileName ?? "piano.xlsx");
    (this.options.deliver ?? defaultDeliver)(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }), fileName);
    onProgress?.({ phase: NEXT_YEAR_EXCEL.progressBuild, done: 1, total: 1 });
    return { year: plan.year, objectives: plan.objectives, indicators: plan.indicators, toDefine: plan.toDefine.length, marked: plan.notes.length, fileName };
  }

  private async ready(): Promise<ExcelJS.Workbook> {
    if (this.pending) await this.pending;
    if (!this.workbook) throw new PreviewError(ui.preview.noWorkbook);
    return this.workbook;
  }

  private grid(wb: ExcelJS.Workbook): WorkbookGrid {
    // The add-in's sheets by their marks (read from the file, or set here): a user's sheet is never taken for one.
    return withPackageInfo(gridFromExcelJs(wb), { marks: workbookMarks(wb), hidden: new Map() });
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
    // As the CLI: what the writes replace is kept in the very hidden backup sheet, so the
    // user's statements stay the reference of the corrections on the next runs.
    const written = applyWritesWithBackup(wb, { writes, backup: a.backup ?? [] });
    // «Scarica risultato» carries the backup too, so the downloaded file keeps the corrections' originals.
    const backupSheet = written > 0 ? wb.worksheets.find((w) => sheetMark(w) === "backup") : undefined;
    if (backupSheet) this.wholeSheets.add(backupSheet.name);
    // Restore keeps what the first run replaced, in memory, as the backup sheet does in Excel:
    // a later run adds only cells not saved yet, so «Ripristina» goes back to before the first run.
    if (written > 0) {
      const fresh = this.lastRun ? writes.filter((w) => !this.lastRun!.some((s) => s.sheet === w.sheet && s.cell === w.cell)) : writes;
      this.lastRun = keepFirstOriginals(this.lastRun, writes);
      this.beforeRun.push(...fresh.map((w) => ({ sheet: w.sheet, cell: w.cell, patch: this.cellEdits.get(w.sheet)?.get(w.cell) })));
      for (const w of writes) {
        const m = this.cellEdits.get(w.sheet) ?? new Map<string, CellPatch>();
        m.set(w.cell, patchOfWrite(w));
        this.cellEdits.set(w.sheet, m);
      }
    }
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
    writeBackupSheet(wb, []);
    this.lastRun = null;
    for (const b of this.beforeRun.reverse()) {
      const m = this.cellEdits.get(b.sheet);
      if (b.patch) m?.set(b.cell, b.patch);
      else m?.delete(b.cell);
    }
    this.beforeRun = [];
    this.update({});
    return n;
  }

  async buildSummary(analysis: Analysis): Promise<string> {
    const wb = await this.ready();
    // The same sheet the CLI leaves: built, and registered as the add-in's own.
    const name = writeSummarySheet(wb, analysis as WorkbookAnalysis);
    const summary = wb.getWorksheet(name);
    if (summary) markSheet(summary, "summary");
    this.wholeSheets.add(name);
    for (const ws of wb.worksheets) if (sheetMark(ws) === "settings") this.wholeSheets.add(ws.name);
    this.update({ activeSheet: name, selected: null });
    return name;
  }

  /** «Prepara per la stampa»: as `piano-perf stampa`; no cell changes, «Scarica risultato» carries it. */
  async preparePrint(onProgress?: ProgressFn): Promise<PrintReport> {
    const wb = await this.ready();
    onProgress?.({ phase: PRINT.progress, done: 0, total: 1 });
    const grid = this.grid(wb);
    const analysis = analyzeWorkbook(grid);
    if (analysis.cardCount === 0) throw new PreviewError(PRINT.noCards);
    const prints = planCardPrint(grid, analysis.plan, excelJsColumnPoints(wb));
    for (const p of prints) {
      this.prints.set(p.sheet, p);
      const ws = wb.getWorksheet(p.sheet);
      if (ws) applyCardPrint(ws, p);
    }
    onProgress?.({ phase: PRINT.progress, done: 1, total: 1 });
    return { sheets: prints.map((p) => p.sheet) };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const wb = await this.ready();
    if (!wb.getWorksheet(sheet)) throw new PreviewError(ui.preview.sheetNotFound(sheet));
    if (!parseA1(cell)) throw new PreviewError(ui.preview.cellNotFound(sheet, cell));
    this.update({ activeSheet: sheet, selected: { sheet, cell: cell.replace(/\$/g, "").toUpperCase() } });
  }

  /** «Confronta»: the open workbook against a file the user picked, read in memory (never opened here, never written). */
  async compareWithFile(file: { name: string; bytes: ArrayBuffer }, onProgress?: ProgressFn): Promise<FileComparison> {
    const open = (await this.analyze(onProgress)) as WorkbookAnalysis;
    const lib = await this.loadLibrary();
    const { compareWithPlanFile } = await import(/* webpackChunkName: "compare-file" */ "../adapters/exceljs/compareFile");
    return compareWithPlanFile(lib, open, file);
  }

  /** «Accetta»: the corrections at `cells` flagged accepted in the backup sheet (the original kept there). */
  async acceptRectifications(cells: { sheet: string; cell: string }[]): Promise<number> {
    const wb = await this.ready();
    const analysis = analyzeWorkbook(this.grid(wb));
    const res = acceptCorrections(analysis, cells, acceptanceDate());
    if (!res.accepted.length) return 0;
    const ws = writeBackupSheet(wb, res.analysis.backup);
    if (ws) {
      markSheet(ws, "backup");
      this.wholeSheets.add(ws.name);
    }
    this.update({});
    return res.accepted.length;
  }

  /** «Diagnostica» in the preview: the add-in's own checks, run on the model of Excel (loaded on
   *  demand) holding a copy of this workbook; the report says it is the model, not an Excel. */
  async runDiagnostics(): Promise<DiagnosticsReport> {
    const wb = this.workbook;
    const { runModelDiagnostics } = await import(/* webpackChunkName: "office-model" */ "./modelDiagnostics");
    return runModelDiagnostics(wb ? this.grid(wb) : null);
  }

  async insertEmptyCard(): Promise<string> {
    const wb = await this.ready();
    const year = analyzeWorkbook(this.grid(wb)).year ?? new Date().getFullYear();
    const name = addEmptyCard(wb, year);
    this.wholeSheets.add(name);
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
    this.wholeSheets.add(writeSettings(wb, policy, owned).name);
    this.update({});
  }
}
