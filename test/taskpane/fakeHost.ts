// An in-memory WorkbookHost for the task-pane tests. Real behaviour over a WorkbookGrid:
// the real reader/engine analyse it, writes change its cells (and can be restored),
// the summary adds a sheet, settings are stored in the settings sheet. Tests can make
// the next call of a method fail, or hold it open to look at the pane mid-run.
import type { Analysis, DiagnosticsReport, ProgressFn, UserFacingError, WorkbookHost, WriteReport } from "../../src/host/workbookHost";
import type { CellValue } from "../../src/core/types";
import type { Policy } from "../../src/core/policy";
import { analyzeWorkbook, type WorkbookAnalysis } from "../../src/core/reader/analyze";
import { buildSummaryModel } from "../../src/core/reader/summary";
import { readSettings, settingsSheetCells, SETTINGS_SHEET_NAME } from "../../src/core/reader/settings";
import { cellValueOfWrite } from "../../src/core/reader/writeback";
import { parseA1, type SheetGrid, type WorkbookGrid } from "../../src/core/reader/grid";
import { cardSheet } from "./grids";

type Method = keyof Omit<WorkbookHost, "kind">;

/** A failure the fake host reports with an Italian message, as the real hosts do. */
export class HostError extends Error implements UserFacingError {
  readonly userFacing = true as const;
}

interface Saved {
  sheet: string;
  cell: string;
  value: CellValue;
  format: string;
}

export class FakeHost implements WorkbookHost {
  readonly kind = "preview" as const;
  readonly calls: Method[] = [];
  selected: { sheet: string; cell: string } | null = null;
  activeSheet: string | null = null;
  private failures = new Map<Method, unknown>();
  private holds = new Map<Method, Promise<void>>();
  private lastRun: Saved[] | null = null;
  /** Notices analyze() reports (as the Excel host does on Windows, where Verifica reads no merged areas). */
  analysisNotices: string[] = [];
  /** Notices the next write reports (as the Excel host does when Ctrl+Z cannot undo it). */
  writeNotices: string[] = [];

  constructor(readonly grid: WorkbookGrid) {}

  /** The next call of `method` rejects with `error`. */
  failNext(method: Method, error: unknown): void {
    this.failures.set(method, error);
  }

  /** Calls of `method` wait until the returned function is called. */
  hold(method: Method): () => void {
    let release!: () => void;
    this.holds.set(method, new Promise<void>((r) => (release = r)));
    return () => {
      this.holds.delete(method);
      release();
    };
  }

  private async enter(method: Method): Promise<void> {
    this.calls.push(method);
    const gate = this.holds.get(method);
    if (gate) await gate;
    if (this.failures.has(method)) {
      const e = this.failures.get(method);
      this.failures.delete(method);
      throw e;
    }
  }

  sheet(name: string): SheetGrid {
    const s = this.grid.sheets.find((x) => x.name === name);
    // What a real host does: an error written for the user (see isUserFacingError).
    if (!s) throw new HostError(`Il foglio «${name}» non esiste.`);
    return s;
  }

  /** Value of a cell by A1 address. */
  cell(sheet: string, address: string): CellValue {
    const s = this.sheet(sheet);
    const p = parseA1(address)!;
    return s.values[p.row - s.startRow]?.[p.col - s.startCol] ?? "";
  }

  private setCell(sheet: string, address: string, value: CellValue, format: string): void {
    const s = this.sheet(sheet);
    const p = parseA1(address)!;
    const r = p.row - s.startRow;
    const c = p.col - s.startCol;
    while (s.values.length <= r) {
      s.values.push([]);
      s.formats.push([]);
    }
    while (s.values[r].length <= c) {
      s.values[r].push("");
      s.formats[r].push("General");
    }
    s.values[r][c] = value;
    s.formats[r][c] = format;
  }

  async analyze(onProgress?: ProgressFn): Promise<Analysis> {
    const total = this.grid.sheets.length;
    onProgress?.({ phase: "Lettura dei fogli", done: 0, total });
    await this.enter("analyze");
    onProgress?.({ phase: "Lettura dei fogli", done: total, total });
    const analysis = analyzeWorkbook(this.grid);
    return this.analysisNotices.length > 0 ? { ...analysis, notices: this.analysisNotices } : analysis;
  }

  async writeResults(analysis: Analysis, onProgress?: ProgressFn): Promise<WriteReport> {
    const writes = (analysis as WorkbookAnalysis).writes;
    onProgress?.({ phase: "Scrittura dei risultati", done: 0, total: writes.length });
    await this.enter("writeResults");
    const saved: Saved[] = [];
    writes.forEach((w, i) => {
      saved.push({ sheet: w.sheet, cell: w.cell, value: w.before, format: w.beforeFormat });
      this.setCell(w.sheet, w.cell, cellValueOfWrite(w), w.numberFormat);
      onProgress?.({ phase: "Scrittura dei risultati", done: i + 1, total: writes.length });
    });
    if (saved.length > 0) this.lastRun = saved;
    const report: WriteReport = { written: writes.length, skippedFormulas: (analysis as WorkbookAnalysis).skippedFormulas };
    return this.writeNotices.length > 0 ? { ...report, notices: this.writeNotices } : report;
  }

  /** «Diagnostica»: a fixed report (the Excel one is tested against the fake Excel). */
  async runDiagnostics(): Promise<DiagnosticsReport> {
    return { environment: "Excel 16.0 · PC · ExcelApi 1.12, 1.13", checks: [{ name: "Numero", ok: true, detail: "letto: 1234.5" }, { name: "Celle unite", ok: false, detail: "letto: —" }] };
  }

  async canRestore(): Promise<boolean> {
    this.calls.push("canRestore");
    return this.lastRun !== null;
  }

  async restore(): Promise<number> {
    await this.enter("restore");
    const saved = this.lastRun ?? [];
    for (const s of saved) this.setCell(s.sheet, s.cell, s.value, s.format);
    this.lastRun = null;
    return saved.length;
  }

  async buildSummary(analysis: Analysis): Promise<string> {
    await this.enter("buildSummary");
    const model = buildSummaryModel(analysis as WorkbookAnalysis);
    const values: CellValue[][] = [[model.title], [model.subtitle]];
    for (const b of model.blocks) {
      values.push([b.title], b.columns.map((c) => c.header));
      for (const r of b.rows) values.push(r.map((c) => c.value));
    }
    const sheet: SheetGrid = { name: model.sheetName, startRow: 0, startCol: 0, values, formats: values.map((r) => r.map(() => "@")), merges: [], ownedBy: "summary" };
    const i = this.grid.sheets.findIndex((s) => s.name === model.sheetName);
    if (i >= 0) this.grid.sheets[i] = sheet;
    else this.grid.sheets.push(sheet);
    this.activeSheet = model.sheetName;
    // As the real adapters do: the summary is registered as the add-in's own sheet, so
    // the next run refreshes it instead of treating it as the user's.
    const settings = readSettings(this.grid);
    if (!settings.ownedSheets.includes(model.sheetName)) this.writeSettings(settings.policy, [...settings.ownedSheets, model.sheetName]);
    return model.sheetName;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.enter("selectCell");
    this.sheet(sheet);
    this.selected = { sheet, cell };
  }

  async insertEmptyCard(): Promise<string> {
    await this.enter("insertEmptyCard");
    let name = "Scheda vuota";
    for (let n = 2; this.grid.sheets.some((s) => s.name === name); n++) name = `Scheda vuota (${n})`;
    const s = cardSheet({ sheet: name, objective: "", indicators: [] });
    this.grid.sheets.push(s);
    this.activeSheet = name;
    return name;
  }

  async loadPolicy(): Promise<Policy> {
    await this.enter("loadPolicy");
    return readSettings(this.grid).policy;
  }

  async savePolicy(policy: Policy): Promise<void> {
    await this.enter("savePolicy");
    this.writeSettings(policy, readSettings(this.grid).ownedSheets);
  }

  private writeSettings(policy: Policy, ownedSheets: string[]): void {
    const block = settingsSheetCells(policy, ownedSheets);
    const sheet: SheetGrid = { name: SETTINGS_SHEET_NAME, startRow: 0, startCol: 0, values: block.values, formats: block.formats, merges: [], ownedBy: "settings" };
    const i = this.grid.sheets.findIndex((s) => s.name === SETTINGS_SHEET_NAME);
    if (i >= 0) this.grid.sheets[i] = sheet;
    else this.grid.sheets.push(sheet);
  }
}
