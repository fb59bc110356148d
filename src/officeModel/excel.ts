// The fake host: a workbook plus the Excel namespace (`run`) the code under test calls.
import type { CellValue } from "../core/types";
import type { WorkbookGrid } from "../core/reader/grid";
import { FakeOfficeError } from "./errors";
import { cellAddress, compareVersions } from "./addresses";
import { SheetData, type FakeCell } from "./data";
import { FakeContext } from "./context";
import { undoSupported, type FakePlatform } from "./undo";
import { ACTION_PATH_BYTES, LIMIT_BYTES } from "./limits";

export interface FakeExcelOptions {
  /** The host's ExcelApi version, e.g. "1.12". APIs above it fail with ApiNotFound. */
  apiVersion?: string;
  /** False = an old host that fails in cell-edit mode even with delayForCellEdit. */
  honorsDelayForCellEdit?: boolean;
  /** Office.context.platform: "PC" (Windows), "Mac" or "OfficeOnline". Default "PC". */
  platform?: FakePlatform;
  /**
   * A host that rejects undo groups: every sync of a run with mergeUndoGroup fails with this
   * code before applying anything — as reported in office-js#6711 (Excel on the web, any
   * grouped run throws RichApi.Error), #6255 (GeneralException) and #6491 (UndoNotSupported
   * for a plain formula write).
   */
  rejectUndoGroupWith?: string;
  /** Request/response limit in bytes (default 5 MB, Excel on the web); tests scale it down
   *  together with the add-in's budget to keep workbooks small. */
  requestLimitBytes?: number;
  /** What each queued action weighs besides its values (object path and method): default
   *  ACTION_PATH_BYTES, a middle value of the 100–250 bytes seen; 250 models the worst case. */
  actionPathBytes?: number;
  /** The display language: "it-IT" shows error values as an Italian Excel does (#N/D…). */
  locale?: "en-US" | "it-IT";
  /** Office.context.diagnostics.version, e.g. "16.0.19127.20000". */
  version?: string;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
}

export interface RunRecord {
  options: Record<string, unknown>;
  syncs: SyncRecord[];
}

/** The fake host: a workbook plus the Excel namespace (`run`) the code under test calls. */
export class FakeExcel {
  sheets: SheetData[] = [];
  workbookProtected = false;
  activeSheet: SheetData | null = null;
  selection: { sheet: string; address: string } | null = null;
  calculations: string[] = [];
  deletedSheets: string[] = [];
  runs: RunRecord[] = [];
  /** Highest ExcelApi version any executed action needed. */
  maxApiUsed = "1.1";
  readonly apiVersion: string;
  readonly honorsDelayForCellEdit: boolean;
  readonly platform: FakePlatform;
  readonly locale: "en-US" | "it-IT";
  readonly requestLimitBytes: number;
  readonly actionPathBytes: number;
  rejectUndoGroupWith: string | null;
  readonly version: string;
  /**
   * Each time the user's undo history was wiped, the API that did it (in order): an API
   * without undo support called outside an undo group (docs/excel/excel-add-ins-undo-capabilities.md)
   * or a known defect (office-js#5918). Empty = Ctrl+Z still reaches the user's own edits.
   */
  undoStackCleared: string[] = [];
  private nextSheetId = 1;
  private cellEdit: { done: Promise<void>; end: () => void } | null = null;
  /** Called once before each sync is executed (tests use it to change the workbook mid-run). */
  beforeSync: ((syncIndex: number) => void) | null = null;
  /** Formula results the fake "calculates" for formulas written by the code under test. */
  evaluateFormula: (formula: string) => CellValue = () => "#NAME?";

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.12";
    this.honorsDelayForCellEdit = options.honorsDelayForCellEdit ?? true;
    this.platform = options.platform ?? "PC";
    this.locale = options.locale ?? "en-US";
    this.requestLimitBytes = options.requestLimitBytes ?? LIMIT_BYTES;
    this.actionPathBytes = options.actionPathBytes ?? ACTION_PATH_BYTES;
    this.rejectUndoGroupWith = options.rejectUndoGroupWith ?? null;
    this.version = options.version ?? "16.0.19127.20000";
  }

  // ---- test helpers
  addSheet(name: string): SheetData {
    const s = new SheetData(name, this.nextSheetId++);
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
  }

  sheet(name: string): SheetData {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }

  findSheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Loads a WorkbookGrid (the reader's cell model) as the workbook's content. */
  loadGrid(grid: WorkbookGrid): void {
    for (const g of grid.sheets) {
      const s = this.addSheet(g.name);
      g.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = g.formulas?.[r]?.[c] ?? "";
          const fmt = g.formats[r]?.[c] ?? "General";
          const isFormula = typeof f === "string" && f.startsWith("=") && !(typeof v === "string" && v === f);
          if (v === "" && !isFormula && fmt === "General") return;
          const cell = s.mutableCell(g.startRow + r, g.startCol + c);
          cell.value = v === null ? "" : v;
          cell.formula = isFormula ? f : null;
          cell.numberFormat = fmt;
        }),
      );
      s.merges = g.merges.map((m) => ({ ...m }));
    }
  }

  beginCellEdit(): void {
    let end!: () => void;
    const done = new Promise<void>((resolve) => (end = resolve));
    this.cellEdit = { done, end };
  }

  endCellEdit(): void {
    const e = this.cellEdit;
    this.cellEdit = null;
    e?.end();
  }

  supports(version: string): boolean {
    return compareVersions(this.apiVersion, version) >= 0;
  }

  get syncCount(): number {
    return this.runs.reduce((n, r) => n + r.syncs.length, 0);
  }

  /** A deep, comparable picture of the workbook (for "nothing changed" assertions). */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      cells: [...s.cells.entries()]
        .filter(([, c]) => c.value !== "" || c.formula !== null || c.numberFormat !== "General" || c.hyperlink || Object.keys(c.style).length)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, c]) => [k, JSON.parse(JSON.stringify(c))]),
      merges: s.merges.map((m) => ({ ...m })),
      customProperties: [...s.customProperties.values()].map((p) => ({ ...p })),
      charts: s.charts.map((c) => ({ ...c })),
      conditionalFormats: s.conditionalFormats.map((c) => JSON.parse(JSON.stringify(c))),
      frozen: [s.frozenRows, s.frozenColumns],
      columnWidths: [...s.columnWidths.entries()],
      tabColor: s.tabColor,
    }));
  }

  /** Cells whose value, formula or number format differ between two snapshots: "Sheet!A1". */
  static changedCells(before: unknown, after: unknown): string[] {
    type Snap = { name: string; cells: [string, FakeCell][] }[];
    const index = (snap: Snap) => {
      const m = new Map<string, string>();
      for (const s of snap)
        for (const [k, c] of s.cells) {
          const [r, col] = k.split(",").map(Number);
          m.set(`${s.name}!${cellAddress(r, col)}`, JSON.stringify([c.value, c.formula, c.numberFormat]));
        }
      return m;
    };
    const a = index(before as Snap), b = index(after as Snap);
    const keys = new Set([...a.keys(), ...b.keys()]);
    const empty = JSON.stringify(["", null, "General"]);
    return [...keys].filter((k) => (a.get(k) ?? empty) !== (b.get(k) ?? empty)).sort();
  }

  // ---- the Excel namespace
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const prevExcel = g.Excel, prevOffice = g.Office;
    g.Excel = { run: (a: unknown, b?: unknown) => this.run(a, b) };
    g.Office = {
      context: {
        platform: this.platform,
        diagnostics: { host: "Excel", platform: this.platform, version: this.version },
        requirements: {
          isSetSupported: (name: string, version?: string) => name === "ExcelApi" && this.supports(version ?? "1.1"),
        },
      },
    };
    return () => {
      g.Excel = prevExcel;
      g.Office = prevOffice;
    };
  }

  async run(a: unknown, b?: unknown): Promise<unknown> {
    const options = (typeof a === "function" ? {} : (a ?? {})) as Record<string, unknown>;
    const batch = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<unknown>;
    const record: RunRecord = { options: { ...options }, syncs: [] };
    this.runs.push(record);
    const ctx = new FakeContext(this, options, record);
    const result = await batch(ctx);
    if (ctx.pending.length > 0) {
      throw new Error(`fake: Excel.run ended with ${ctx.pending.length} queued action(s) never synced`);
    }
    return result;
  }

  /** @internal */
  async waitCellEdit(options: Record<string, unknown>): Promise<void> {
    if (!this.cellEdit) return;
    if (options.delayForCellEdit === true && this.honorsDelayForCellEdit) {
      await this.cellEdit.done;
      return;
    }
    throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
  }

  /**
   * @internal An action calling `api` is about to change the workbook: inside an undo group
   * (mergeUndoGroup on an ExcelApi 1.20 host) an API without undo support on this platform
   * throws UndoNotSupported; outside one it clears the user's undo stack.
   */
  checkUndo(api: string, options: Record<string, unknown>): void {
    if (undoSupported(api, this.platform)) return;
    if (options.mergeUndoGroup === true && this.supports("1.20"))
      throw new FakeOfficeError("UndoNotSupported", `The operation isn't supported within an undo group (${api}).`, api);
    this.clearUndoStack(api);
  }

  private changedHandlers: { sheet: SheetData; handler: (event: unknown) => unknown }[] = [];

  /** @internal */
  addChangedHandler(sheet: SheetData, handler: (event: unknown) => unknown): void {
    this.changedHandlers.push({ sheet, handler });
  }

  /** Test helper: a cell of `sheet` changed (by the user, "Local", or a co-author, "Remote"):
   *  runs the worksheet's onChanged handlers as Excel does, and waits for them. */
  async fireChanged(sheetName: string, address: string, source: "Local" | "Remote" = "Local"): Promise<void> {
    const sheet = this.sheet(sheetName);
    for (const h of this.changedHandlers.filter((x) => x.sheet === sheet))
      await h.handler({ worksheetId: sheet.id, address, source, changeType: "RangeEdited", type: "WorksheetChanged" });
  }

  // ---- WorksheetCollection.onAdded (ExcelApi 1.7): "Occurs when a new worksheet is added to
  // the workbook"; the handler gets WorksheetAddedEventArgs { source: "Local" | "Remote",
  // type: "WorksheetAdded", worksheetId } (learn.microsoft.com/javascript/api/excel/
  // excel.worksheetcollection#excel-excel-worksheetcollection-onadded-member,
  // excel.worksheetaddedeventargs). Like every Office.js event it reaches the add-in after the
  // change, asynchronously: here once the sync that added the sheet has finished. A sheet the
  // add-in adds fires it too ("Local"), as one a co-author adds ("Remote").
  private addedHandlers: ((event: unknown) => unknown)[] = [];
  private pendingEvents: (() => unknown)[] = [];
  private eventsInFlight = new Set<Promise<unknown>>();

  /** @internal */
  addAddedHandler(handler: (event: unknown) => unknown): void {
    this.addedHandlers.push(handler);
  }

  private queueAdded(sheet: SheetData, source: "Local" | "Remote"): void {
    const event = { source, type: "WorksheetAdded", worksheetId: sheet.id };
    for (const h of this.addedHandlers) this.pendingEvents.push(() => h(event));
  }

  /** @internal Delivers the events queued by a finished sync, each in a task of its own. */
  dispatchEvents(): void {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const run of events) {
      const p: Promise<unknown> = new Promise((resolve) => setTimeout(resolve, 0))
        .then(run)
        .catch((e) => console.warn("fake: an event handler failed", e))
        .finally(() => this.eventsInFlight.delete(p));
      this.eventsInFlight.add(p);
    }
  }

  /** Test helper: waits until every event delivered so far, and the ones their handlers caused, has been handled. */
  async settleEvents(): Promise<void> {
    while (this.eventsInFlight.size > 0) await Promise.all([...this.eventsInFlight]);
  }

  /** Test helper: a co-author adds a sheet (with its content and, for the add-in's own sheets,
   *  its mark): the onAdded handlers run with source "Remote"; waits for them. */
  async coAuthorAddsSheet(name: string, fill?: (sheet: SheetData) => void): Promise<SheetData> {
    const sheet = this.addSheet(name);
    fill?.(sheet);
    this.queueAdded(sheet, "Remote");
    this.dispatchEvents();
    await this.settleEvents();
    return sheet;
  }

  /** @internal Records that the user's undo stack was emptied (once per sync and API). */
  clearUndoStack(api: string): void {
    const key = `${this.syncCount}\u0000${api}`;
    if (this.lastUndoClear === key) return;
    this.lastUndoClear = key;
    this.undoStackCleared.push(api);
  }
  private lastUndoClear = "";

  /** @internal */
  useApi(version: string, what: string): void {
    if (!this.supports(version)) throw new FakeOfficeError("ApiNotFound", `The API you are trying to use could not be found (${what}, ExcelApi ${version}).`, what);
    if (compareVersions(version, this.maxApiUsed) > 0) this.maxApiUsed = version;
  }

  /** @internal */
  addSheetChecked(name: string | undefined): SheetData {
    if (this.workbookProtected) throw new FakeOfficeError("AccessDenied", "The workbook is protected.", "WorksheetCollection.add");
    const n = name ?? `Foglio${this.sheets.length + 1}`;
    if (!n || n.length > 31 || /[[\]:*?/\\]/.test(n) || n.startsWith("'") || n.endsWith("'"))
      throw new FakeOfficeError("InvalidArgument", `Invalid sheet name: ${n}`, "WorksheetCollection.add");
    if (this.findSheet(n)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${n} already exists.`, "WorksheetCollection.add");
    const sheet = this.addSheet(n);
    this.queueAdded(sheet, "Local");
    return sheet;
  }
}
