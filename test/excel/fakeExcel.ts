// A small, strict fake of the Office.js Excel object model, for testing src/excel.
// What it keeps from Office.js (office-addin-mock does not):
// - proxies: every property set and method call is QUEUED and applied at context.sync(),
//   in order; a failing action rejects the sync after the earlier ones were applied
//   (Office batches are not transactions), the rest of the batch is dropped;
// - load-then-sync: reading a property that was not loaded AND synced throws
//   (PropertyNotLoaded); loads snapshot the state at their place in the batch;
// - collections (items / getItem / getItemOrNullObject / add), null objects
//   (isNullObject readable only after a sync);
// - the 5 MB request and response limit of Excel on the web, counted per sync;
// - protected sheets (AccessDenied on any change), cell-edit mode (delayForCellEdit),
//   requirement sets (an API newer than the host's ExcelApi version fails with ApiNotFound);
// - how Excel (en-US) takes a string written through range.values / range.formulas:
//   "=…" becomes a formula, "+…", "-…", "@…" too unless numeric ("-meno" → =-meno,
//   #NAME?); "1500", "+39" → numbers; "47%" → 0.47 with a percent format; "2022-06-30" →
//   a date serial; TRUE/FALSE → booleans. Only a leading apostrophe or the "@" text
//   format keeps the text exactly as written.
import { a1, columnLetters, parseA1 } from "../../src/core/reader/grid";
import { isValidYmd, serialFromYmd } from "../../src/core/dates";
import type { CellValue } from "../../src/core/types";
import type { WorkbookGrid } from "../../src/core/reader/grid";

const LIMIT_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

// ---------------------------------------------------------------- data (the "host" side)

export interface HyperlinkData {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** Text entered with a leading apostrophe. */
  quotePrefix: boolean;
  hyperlink: HyperlinkData | null;
  style: Record<string, unknown>;
}

export interface MergeData {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ChartData {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  legendVisible: boolean;
  position: { start: string; end?: string } | null;
  xAxisValues: string | null;
  values: string | null;
}

export interface ConditionalFormatData {
  range: string;
  type: string;
  props: Record<string, unknown>;
}

export class SheetData {
  visibility = "Visible";
  protected = false;
  cells = new Map<string, FakeCell>();
  merges: MergeData[] = [];
  customProperties = new Map<string, { key: string; value: string }>();
  charts: ChartData[] = [];
  conditionalFormats: ConditionalFormatData[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  tabColor = "";
  /** Worksheet.pageLayout as set by the add-in (see FakePageLayout). */
  pageLayout: PageLayoutData = { props: {}, printArea: null, printTitleRows: null, headersFooters: {} };
  readonly id: string;
  constructor(public name: string, id: number) {
    this.id = `{sheet-${id}}`;
  }

  cell(row: number, col: number): FakeCell {
    return this.cells.get(`${row},${col}`) ?? emptyCell();
  }

  mutableCell(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) {
      c = emptyCell();
      this.cells.set(key, c);
    }
    return c;
  }

  /** Test helper: put a value / formula / format in a cell, as a user would have. */
  set(address: string, value: CellValue, opts: { numberFormat?: string; formula?: string } = {}): void {
    const p = parseCell(address);
    const c = this.mutableCell(p.row, p.col);
    c.value = value;
    c.formula = opts.formula ?? null;
    if (opts.numberFormat !== undefined) c.numberFormat = opts.numberFormat;
  }

  get(address: string): FakeCell {
    const p = parseCell(address);
    return this.cell(p.row, p.col);
  }

  usedBox(valuesOnly: boolean): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [key, c] of this.cells) {
      const hasValue = c.value !== "" || c.formula !== null;
      const hasFormat = c.numberFormat !== "General" || Object.keys(c.style).length > 0 || c.hyperlink !== null;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const [r, col] = key.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

function emptyCell(): FakeCell {
  return { value: "", formula: null, numberFormat: "General", quotePrefix: false, hyperlink: null, style: {} };
}

export interface FakeExcelOptions {
  /** The host's ExcelApi version, e.g. "1.12". APIs above it fail with ApiNotFound. */
  apiVersion?: string;
  /** False = an old host that fails in cell-edit mode even with delayForCellEdit. */
  honorsDelayForCellEdit?: boolean;
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
  private nextSheetId = 1;
  private cellEdit: { done: Promise<void>; end: () => void } | null = null;
  /** Called once before each sync is executed (tests use it to change the workbook mid-run). */
  beforeSync: ((syncIndex: number) => void) | null = null;
  /** Formula results the fake "calculates" for formulas written by the code under test. */
  evaluateFormula: (formula: string) => CellValue = () => "#NAME?";

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.12";
    this.honorsDelayForCellEdit = options.honorsDelayForCellEdit ?? true;
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
    return this.addSheet(n);
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number), pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------- addresses

export const colLetters = columnLetters;
export const cellAddress = a1;

function parseCell(a: string): { row: number; col: number } {
  const p = parseA1(a);
  if (!p) throw new FakeOfficeError("InvalidArgument", `Invalid cell address: ${a}`);
  return p;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "A1:C3", "Sheet1!A1:B2", "'My sheet'!A1" → sheet name (or null) + box. */
function parseRangeAddress(address: string): { sheet: string | null; top: number; left: number; rows: number; cols: number } {
  let sheet: string | null = null;
  let rest = address.trim();
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [a, b] = rest.split(":");
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  const top = Math.min(p.row, q.row), left = Math.min(p.col, q.col);
  return { sheet, top, left, rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

interface Box {
  sheet: SheetData;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

function boxAddress(b: Box): string {
  const a = cellAddress(b.top, b.left);
  const z = cellAddress(b.top + b.rows - 1, b.left + b.cols - 1);
  return `${quoteSheet(b.sheet.name)}!${a === z ? a : `${a}:${z}`}`;
}

function* boxCells(b: Box): Generator<[number, number]> {
  if (b.rows * b.cols > 4_000_000) {
    // A whole-sheet range: visit only the cells that exist.
    for (const key of [...b.sheet.cells.keys()]) {
      const [r, c] = key.split(",").map(Number);
      if (r >= b.top && r < b.top + b.rows && c >= b.left && c < b.left + b.cols) yield [r, c];
    }
    return;
  }
  for (let r = b.top; r < b.top + b.rows; r++) for (let c = b.left; c < b.left + b.cols; c++) yield [r, c];
}

function intersects(b: Box, m: MergeData): boolean {
  return m.top <= b.top + b.rows - 1 && m.bottom >= b.top && m.left <= b.left + b.cols - 1 && m.right >= b.left;
}

// ---------------------------------------------------------------- how Excel takes typed input

const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!"];

/** Applies one entry of `range.values` or `range.formulas` to a cell: Excel takes both as if typed. */
function enterInput(excel: FakeExcel, cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell unchanged, as in Office.js
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", "Non-finite number.");
    Object.assign(cell, { value: input, formula: null, quotePrefix: false });
    return;
  }
  if (typeof input === "boolean") {
    Object.assign(cell, { value: input, formula: null, quotePrefix: false });
    return;
  }
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `Unsupported value type: ${typeof input}`);
  const s = input;
  if (s === "") {
    Object.assign(cell, { value: "", formula: null, quotePrefix: false });
    return;
  }
  if (cell.numberFormat === "@") {
    Object.assign(cell, { value: s, formula: null, quotePrefix: false });
    return;
  }
  if (s.startsWith("'")) {
    Object.assign(cell, { value: s.slice(1), formula: null, quotePrefix: true });
    return;
  }
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) {
    Object.assign(cell, { value: Number(s), formula: null, quotePrefix: false });
    return;
  }
  // "47%" is a number (0.47); a General cell takes a percent format, as in Excel.
  const percent = /^([+-]?\d+(?:\.(\d+))?)%$/.exec(s);
  if (percent) {
    const numberFormat = cell.numberFormat === "General" ? (percent[2] ? "0.00%" : "0%") : cell.numberFormat;
    Object.assign(cell, { value: Number(percent[1]) / 100, formula: null, numberFormat, quotePrefix: false });
    return;
  }
  // An ISO date ("2022-06-30") is a date serial in any locale. Day-first dates and
  // decimal commas ("30/06/2022", "12,5") depend on the locale: they stay text here
  // ("1.500" is en-US 1.5, taken by the number rule above).
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso && isValidYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]))) {
    const numberFormat = cell.numberFormat === "General" ? "yyyy-mm-dd" : cell.numberFormat;
    Object.assign(cell, { value: serialFromYmd(Number(iso[1]), Number(iso[2]), Number(iso[3])), formula: null, numberFormat, quotePrefix: false });
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    Object.assign(cell, { value: /^true$/i.test(s), formula: null, quotePrefix: false });
    return;
  }
  if (/^[=+\-@]/.test(s) && s.length > 1) {
    const formula = s.startsWith("=") ? s : `=${s}`;
    Object.assign(cell, { value: excel.evaluateFormula(formula), formula, quotePrefix: false });
    return;
  }
  Object.assign(cell, { value: ERROR_VALUES.includes(s.toUpperCase()) ? s.toUpperCase() : s, formula: null, quotePrefix: false });
}

// ---------------------------------------------------------------- the proxy side

interface Action {
  describe: string;
  bytes: number;
  apply: () => void;
}

function byteLength(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(x ?? null), "utf8");
}

export class FakeContext {
  pending: Action[] = [];
  private nullables: FakeObject[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  private responseBytes = 0;
  constructor(readonly excel: FakeExcel, readonly options: Record<string, unknown>, private record: RunRecord) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  queue(describe: string, payload: unknown, apply: () => void): void {
    this.pending.push({ describe, bytes: byteLength([describe, payload]), apply });
  }

  trackNullable(o: FakeObject): void {
    this.nullables.push(o);
  }

  addResponse(data: unknown): void {
    this.responseBytes += byteLength(data);
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    const index = excel.syncCount;
    const actions = this.pending;
    this.pending = [];
    const nullables = this.nullables;
    this.nullables = [];
    const requestBytes = actions.reduce((n, a) => n + a.bytes, 0);
    this.record.syncs.push({ requestBytes, responseBytes: 0, actions: actions.length });
    excel.beforeSync?.(index);
    await excel.waitCellEdit(this.options);
    if (requestBytes > LIMIT_BYTES) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    this.responseBytes = 0;
    for (const a of actions) {
      try {
        a.apply();
      } catch (e) {
        if (e instanceof FakeOfficeError) throw new FakeOfficeError(e.code, e.message, e.debugInfo.errorLocation ?? a.describe);
        throw e;
      }
    }
    for (const n of nullables) n.settleNull();
    this.record.syncs[this.record.syncs.length - 1].responseBytes = this.responseBytes;
    if (this.responseBytes > LIMIT_BYTES) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
    }
    await Promise.resolve();
  }
}

type LoadSpec = string | string[] | { select?: string } | undefined;

function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  const s = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec.select ?? "");
  const parts = s.split(",").map((x) => x.trim()).filter(Boolean);
  return parts.length ? parts : null;
}

function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Base of every proxy: queued loads, reads only after load + sync, null-object state. */
abstract class FakeObject {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(readonly context: FakeContext, readonly path: string, nullable = false) {
    if (nullable) context.trackNullable(this);
  }

  /** Scalar properties loaded by load() with no argument. */
  protected abstract scalarNames(): string[];
  /** Current value of a scalar property on the host. */
  protected abstract hostValue(name: string): unknown;
  /** Navigation properties (for "protection/protected" paths). */
  protected child(_name: string): FakeObject | null {
    return null;
  }
  /** null when this is a null object; throws when the object does not exist. */
  abstract isNullHost(): boolean;

  settleNull(): void {
    try {
      this.nullState = this.isNullHost();
    } catch {
      this.nullState = true;
    }
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec) ?? this.scalarNames();
    const own: string[] = [];
    const itemTails: string[] = [];
    for (const p of paths) {
      const slash = p.indexOf("/");
      if (slash < 0) {
        own.push(p);
        continue;
      }
      const head = p.slice(0, slash), tail = p.slice(slash + 1);
      if (head === "items" && this instanceof FakeCollection) {
        itemTails.push(tail);
        continue;
      }
      const c = this.child(head);
      if (!c) throw new Error(`fake: cannot load path ${p} on ${this.path}`);
      c.load(tail);
    }
    // One items array for the whole load call, as Office.js gives.
    if (itemTails.length && this instanceof FakeCollection) this.loadItems(itemTails.join(","));
    if (own.length) {
      for (const n of own) if (!this.scalarNames().includes(n) && n !== "items") throw new Error(`fake: unknown property ${n} on ${this.path}`);
      this.context.queue(`${this.path}.load`, own, () => {
        if (this.isNullHost()) {
          for (const n of own) this.loaded.set(n, null);
          return;
        }
        for (const n of own) {
          if (n === "items" && this instanceof FakeCollection) {
            this.applyItemsLoad(null);
            continue;
          }
          const v = this.hostValue(n);
          this.loaded.set(n, v);
          this.context.addResponse(v);
        }
      });
    }
    return this;
  }

  /** Loads in place, inside the current action (collection items loaded with "items/..."). */
  loadNow(paths: string[] | null): void {
    for (const p of paths ?? this.scalarNames()) {
      const slash = p.indexOf("/");
      if (slash >= 0) {
        const c = this.child(p.slice(0, slash));
        if (!c) throw new Error(`fake: cannot load ${p} on ${this.path}`);
        c.loadNow([p.slice(slash + 1)]);
        continue;
      }
      const v = this.hostValue(p);
      this.loaded.set(p, v);
      this.context.addResponse(v);
    }
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Queues a property set (applied at sync). */
  protected set(name: string, value: unknown, apply: () => void): void {
    this.context.queue(`${this.path}.${name}=`, value, apply);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

abstract class FakeCollection<T extends FakeObject> extends FakeObject {
  private loadedItems: T[] | null = null;
  protected abstract hostItems(): T[];

  get items(): T[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }

  loadItems(tail: string): void {
    this.context.queue(`${this.path}.load(items)`, tail, () => this.applyItemsLoad(tail));
  }

  applyItemsLoad(tail: string | null): void {
    const items = this.hostItems();
    this.loadedItems = items;
    for (const it of items) {
      const paths = tail ? tail.split(",").map((s) => s.trim()) : null;
      // Load each item in place (synchronously, as part of this action).
      it.loadNow(paths);
    }
  }
}

/** Plain getters for loaded scalar properties (reading before load + sync throws). */
function scalarGetters(cls: { prototype: object }, names: string[]): void {
  for (const n of names) {
    if (Object.getOwnPropertyDescriptor(cls.prototype, n)) continue;
    Object.defineProperty(cls.prototype, n, {
      get(this: { read(name: string): unknown }) {
        return this.read(n);
      },
      configurable: true,
    });
  }
}

// ---- workbook, application

class FakeApplication extends FakeObject {
  constructor(ctx: FakeContext) {
    super(ctx, "application");
  }
  protected scalarNames(): string[] {
    return ["calculationMode"];
  }
  protected hostValue(): unknown {
    return "Automatic";
  }
  isNullHost(): boolean {
    return false;
  }
  calculate(type: string): void {
    this.context.queue("application.calculate", type, () => this.context.excel.calculations.push(type));
  }
}

class FakeWorkbookProtection extends FakeObject {
  protected scalarNames(): string[] {
    return ["protected"];
  }
  protected hostValue(): unknown {
    this.context.excel.useApi("1.7", "WorkbookProtection");
    return this.context.excel.workbookProtected;
  }
  isNullHost(): boolean {
    return false;
  }
}

class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeContext) {
    super(ctx, "workbook");
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.protection = new FakeWorkbookProtection(ctx, "workbook.protection");
  }
  protected scalarNames(): string[] {
    return ["name"];
  }
  protected hostValue(): unknown {
    return "Cartel1.xlsx";
  }
  protected override child(name: string): FakeObject | null {
    return name === "protection" ? this.protection : name === "worksheets" ? this.worksheets : null;
  }
  isNullHost(): boolean {
    return false;
  }
}

// ---- worksheets

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  constructor(ctx: FakeContext) {
    super(ctx, "worksheets");
  }
  protected scalarNames(): string[] {
    return ["items"];
  }
  protected hostValue(): unknown {
    return null;
  }
  isNullHost(): boolean {
    return false;
  }
  protected hostItems(): FakeWorksheet[] {
    return this.context.excel.sheets.map((s) => new FakeWorksheet(this.context, `worksheets[${s.name}]`, () => s));
  }

  getItem(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, `worksheets.getItem(${key})`, () => {
      const s = this.context.excel.findSheet(key) ?? this.context.excel.sheets.find((x) => x.id === key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${key}).`, "WorksheetCollection.getItem");
      return s;
    });
    this.context.queue(`worksheets.getItem`, key, () => void ws.host());
    return ws;
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = new FakeWorksheet(
      this.context,
      `worksheets.getItemOrNullObject(${key})`,
      () => this.context.excel.findSheet(key) ?? null,
      true,
    );
    this.context.queue(`worksheets.getItemOrNullObject`, key, () => {
      this.context.excel.useApi("1.4", "WorksheetCollection.getItemOrNullObject");
      ws.bindOrNull();
    });
    return ws;
  }

  add(name?: string): FakeWorksheet {
    let created: SheetData | null = null;
    const ws = new FakeWorksheet(this.context, `worksheets.add(${name})`, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "The object path is not valid (sheet not yet added).");
      return created;
    });
    this.context.queue("worksheets.add", name ?? null, () => {
      created = this.context.excel.addSheetChecked(name);
    });
    return ws;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => {
      const s = this.context.excel.activeSheet;
      if (!s) throw new FakeOfficeError("ItemNotFound", "No active sheet.");
      return s;
    });
  }
}

class FakeWorksheetProtection extends FakeObject {
  constructor(ctx: FakeContext, private ws: FakeWorksheet) {
    super(ctx, `${ws.path}.protection`);
  }
  protected scalarNames(): string[] {
    return ["protected"];
  }
  protected hostValue(): unknown {
    this.context.excel.useApi("1.2", "WorksheetProtection");
    return this.ws.host().protected;
  }
  isNullHost(): boolean {
    return this.ws.isNullHost();
  }
}

export interface PageLayoutData {
  props: Record<string, unknown>;
  printArea: string | null;
  printTitleRows: string | null;
  /** headersFooters.defaultForAllPages.<centerHeader|leftFooter|…> */
  headersFooters: Record<string, string>;
}

/**
 * Worksheet.pageLayout — every member is ExcelApi 1.9 (Excel.PageLayout in
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout, "[Api set: ExcelApi 1.9]";
 * headers and footers: Excel.HeaderFooter, ExcelApi 1.9). `zoom` must be set as a whole
 * object ("use `x.zoom = {...}` instead of `x.zoom.scale = ...`"); setPrintArea and
 * setPrintTitleRows take a range or an address (the docs' sample: `setPrintTitleRows("$1:$1")`); an address outside the sheet's grid fails
 * as Excel does (InvalidArgument).
 */
const PAGE_LAYOUT_SCALARS = ["orientation", "paperSize", "centerHorizontally", "centerVertically", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin", "printGridlines", "blackAndWhite"];
class FakePageLayout extends FakeObject {
  readonly headersFooters: { defaultForAllPages: Record<string, string> };
  constructor(ctx: FakeContext, private ws: FakeWorksheet) {
    super(ctx, `${ws.path}.pageLayout`);
    for (const name of PAGE_LAYOUT_SCALARS)
      Object.defineProperty(this, name, {
        get: () => this.read(name),
        set: (v: unknown) => this.set(name, v, () => this.apply(name, v)),
      });
    const target: Record<string, string> = {};
    const self = this;
    this.headersFooters = {
      defaultForAllPages: new Proxy(target, {
        set(_t, key: string, value: string) {
          self.set(`headersFooters.defaultForAllPages.${key}`, value, () => {
            self.context.excel.useApi("1.9", "HeaderFooter." + key);
            self.ws.writableHost().pageLayout.headersFooters[key] = value;
          });
          return true;
        },
      }),
    };
  }
  protected scalarNames(): string[] {
    return [...PAGE_LAYOUT_SCALARS, "zoom"];
  }
  protected hostValue(name?: string): unknown {
    return name ? this.ws.host().pageLayout.props[name] : null;
  }
  isNullHost(): boolean {
    return false;
  }
  private apply(name: string, v: unknown): void {
    this.context.excel.useApi("1.9", `PageLayout.${name}`);
    this.ws.writableHost().pageLayout.props[name] = v;
  }
  get zoom(): unknown {
    return this.read("zoom");
  }
  set zoom(v: unknown) {
    this.set("zoom", v, () => {
      if (!v || typeof v !== "object") throw new FakeOfficeError("InvalidArgument", "zoom must be set as an object.");
      this.apply("zoom", { ...(v as object) });
    });
  }
  private address(what: string, a: unknown): string {
    const text = typeof a === "string" ? a : (a as { address?: string })?.address;
    if (typeof text !== "string" || !/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$|^\$?\d+:\$?\d+$/.test(text.replace(/^.*!/, ""))) throw new FakeOfficeError("InvalidArgument", `${what}: invalid range.`);
    return text.replace(/^.*!/, "");
  }
  setPrintArea(area: unknown): void {
    this.context.queue(`${this.path}.setPrintArea`, area, () => {
      this.context.excel.useApi("1.9", "PageLayout.setPrintArea");
      this.ws.writableHost().pageLayout.printArea = this.address("setPrintArea", area);
    });
  }
  setPrintTitleRows(rows: unknown): void {
    this.context.queue(`${this.path}.setPrintTitleRows`, rows, () => {
      this.context.excel.useApi("1.9", "PageLayout.setPrintTitleRows");
      this.ws.writableHost().pageLayout.printTitleRows = this.address("setPrintTitleRows", rows);
    });
  }
}

class FakeFreezePanes extends FakeObject {
  constructor(ctx: FakeContext, private ws: FakeWorksheet) {
    super(ctx, `${ws.path}.freezePanes`);
  }
  protected scalarNames(): string[] {
    return [];
  }
  protected hostValue(): unknown {
    return null;
  }
  isNullHost(): boolean {
    return false;
  }
  private change(what: string, rows: number | null, cols: number | null): void {
    this.context.queue(`${this.path}.${what}`, [rows, cols], () => {
      this.context.excel.useApi("1.7", `WorksheetFreezePanes.${what}`);
      const s = this.ws.writableHost();
      if (rows !== null) s.frozenRows = rows;
      if (cols !== null) s.frozenColumns = cols;
    });
  }
  freezeRows(count = 1): void {
    this.change("freezeRows", count, null);
  }
  freezeColumns(count = 1): void {
    this.change("freezeColumns", null, count);
  }
  unfreeze(): void {
    this.change("unfreeze", 0, 0);
  }
}

class FakeCustomProperty extends FakeObject {
  constructor(ctx: FakeContext, path: string, private ws: FakeWorksheet, private keyOf: () => string | null, nullable = false) {
    super(ctx, path, nullable);
  }
  protected scalarNames(): string[] {
    return ["key", "value"];
  }
  private entry(): { key: string; value: string } | null {
    const k = this.keyOf();
    return k === null ? null : (this.ws.host().customProperties.get(k.toLowerCase()) ?? null);
  }
  protected hostValue(name: string): unknown {
    this.context.excel.useApi("1.12", "WorksheetCustomProperty");
    const e = this.entry();
    if (!e) throw new FakeOfficeError("ItemNotFound", "Custom property not found.");
    return name === "key" ? e.key : e.value;
  }
  isNullHost(): boolean {
    return this.entry() === null;
  }
  delete(): void {
    this.context.queue(`${this.path}.delete`, null, () => {
      const k = this.keyOf();
      if (k !== null) this.ws.writableHost().customProperties.delete(k.toLowerCase());
    });
  }
}

class FakeCustomPropertyCollection extends FakeCollection<FakeCustomProperty> {
  constructor(ctx: FakeContext, private ws: FakeWorksheet) {
    super(ctx, `${ws.path}.customProperties`);
  }
  protected scalarNames(): string[] {
    return ["items"];
  }
  protected hostValue(): unknown {
    return null;
  }
  isNullHost(): boolean {
    return this.ws.isNullHost();
  }
  protected hostItems(): FakeCustomProperty[] {
    this.context.excel.useApi("1.12", "WorksheetCustomPropertyCollection");
    return [...this.ws.host().customProperties.values()].map((e) => new FakeCustomProperty(this.context, `${this.path}[${e.key}]`, this.ws, () => e.key));
  }
  add(key: string, value: string): FakeCustomProperty {
    this.context.queue(`${this.path}.add`, [key, value], () => {
      this.context.excel.useApi("1.12", "WorksheetCustomPropertyCollection.add");
      this.ws.writableHost().customProperties.set(key.toLowerCase(), { key, value });
    });
    return new FakeCustomProperty(this.context, `${this.path}[${key}]`, this.ws, () => key);
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    const p = new FakeCustomProperty(this.context, `${this.path}.getItemOrNullObject(${key})`, this.ws, () => key, true);
    this.context.queue(`${this.path}.getItemOrNullObject`, key, () => this.context.excel.useApi("1.12", "WorksheetCustomPropertyCollection.getItemOrNullObject"));
    return p;
  }
}

class FakeChartTitle extends FakeObject {
  constructor(ctx: FakeContext, private chart: FakeChart) {
    super(ctx, `${chart.path}.title`);
  }
  protected scalarNames(): string[] {
    return ["text"];
  }
  protected hostValue(): unknown {
    return this.chart.host().title;
  }
  isNullHost(): boolean {
    return false;
  }
  set text(v: string) {
    this.set("text", v, () => void (this.chart.host().title = v));
  }
  get text(): string {
    return this.read("text");
  }
}

class FakeChartLegend extends FakeObject {
  constructor(ctx: FakeContext, private chart: FakeChart) {
    super(ctx, `${chart.path}.legend`);
  }
  protected scalarNames(): string[] {
    return ["visible"];
  }
  protected hostValue(): unknown {
    return this.chart.host().legendVisible;
  }
  isNullHost(): boolean {
    return false;
  }
  set visible(v: boolean) {
    this.set("visible", v, () => void (this.chart.host().legendVisible = v));
  }
  get visible(): boolean {
    return this.read("visible");
  }
}

class FakeChartSeries extends FakeObject {
  constructor(ctx: FakeContext, private chart: FakeChart) {
    super(ctx, `${chart.path}.series[0]`);
  }
  protected scalarNames(): string[] {
    return ["name"];
  }
  protected hostValue(): unknown {
    return "Serie1";
  }
  isNullHost(): boolean {
    return false;
  }
  setXAxisValues(range: FakeRange): void {
    this.context.queue(`${this.path}.setXAxisValues`, range.path, () => {
      this.context.excel.useApi("1.7", "ChartSeries.setXAxisValues");
      this.chart.host().xAxisValues = boxAddress(range.box());
    });
  }
  setValues(range: FakeRange): void {
    this.context.queue(`${this.path}.setValues`, range.path, () => {
      this.context.excel.useApi("1.7", "ChartSeries.setValues");
      this.chart.host().values = boxAddress(range.box());
    });
  }
}

class FakeChart extends FakeObject {
  readonly title: FakeChartTitle;
  readonly legend: FakeChartLegend;
  readonly series: { getItemAt: (i: number) => FakeChartSeries };
  constructor(ctx: FakeContext, path: string, private ws: FakeWorksheet, private data: () => ChartData) {
    super(ctx, path);
    this.title = new FakeChartTitle(ctx, this);
    this.legend = new FakeChartLegend(ctx, this);
    const series = new FakeChartSeries(ctx, this);
    this.series = {
      getItemAt: (i: number) => {
        if (i !== 0) throw new Error("fake: only series 0 is modelled");
        return series;
      },
    };
  }
  host(): ChartData {
    if (this.ws.host().protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
    return this.data();
  }
  protected scalarNames(): string[] {
    return ["name"];
  }
  protected hostValue(): unknown {
    return this.data().name;
  }
  isNullHost(): boolean {
    return false;
  }
  setPosition(start: string, end?: string): void {
    this.context.queue(`${this.path}.setPosition`, [start, end], () => void (this.host().position = { start, end }));
  }
  delete(): void {
    this.context.queue(`${this.path}.delete`, null, () => {
      const s = this.ws.writableHost();
      s.charts = s.charts.filter((c) => c !== this.data());
    });
  }
}

class FakeChartCollection extends FakeCollection<FakeChart> {
  constructor(ctx: FakeContext, private ws: FakeWorksheet) {
    super(ctx, `${ws.path}.charts`);
  }
  protected scalarNames(): string[] {
    return ["items"];
  }
  protected hostValue(): unknown {
    return null;
  }
  isNullHost(): boolean {
    return false;
  }
  protected hostItems(): FakeChart[] {
    return this.ws.host().charts.map((c) => new FakeChart(this.context, `${this.path}[${c.name}]`, this.ws, () => c));
  }
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    let created: ChartData | null = null;
    this.context.queue(`${this.path}.add`, [type, source.path, seriesBy], () => {
      const s = this.ws.writableHost();
      created = { name: `Grafico ${s.charts.length + 1}`, type, source: boxAddress(source.box()), seriesBy, title: null, legendVisible: true, position: null, xAxisValues: null, values: null };
      s.charts.push(created);
    });
    return new FakeChart(this.context, `${this.path}.add()`, this.ws, () => {
      if (!created) throw new FakeOfficeError("InvalidObjectPath", "Chart not created.");
      return created;
    });
  }
}

export class FakeWorksheet extends FakeObject {
  private bound: SheetData | null = null;
  private boundNull = false;
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly customProperties: FakeCustomPropertyCollection;
  readonly charts: FakeChartCollection;
  readonly pageLayout: FakePageLayout;
  constructor(ctx: FakeContext, path: string, private resolver: () => SheetData | null, nullable = false) {
    super(ctx, path, nullable);
    this.pageLayout = new FakePageLayout(ctx, this);
    this.protection = new FakeWorksheetProtection(ctx, this);
    this.freezePanes = new FakeFreezePanes(ctx, this);
    this.customProperties = new FakeCustomPropertyCollection(ctx, this);
    this.charts = new FakeChartCollection(ctx, this);
  }

  bindOrNull(): void {
    const s = this.resolver();
    if (s) this.bound = s;
    else this.boundNull = true;
  }

  isNullHost(): boolean {
    if (this.boundNull) return true;
    if (this.bound) return !this.context.excel.sheets.includes(this.bound);
    return this.resolver() === null;
  }

  /** The sheet, binding on first use as Office.js does (later renames keep the binding). */
  host(): SheetData {
    if (this.boundNull) throw new FakeOfficeError("InvalidObjectPath", `Operation on a null object (${this.path}).`);
    if (!this.bound) {
      const s = this.resolver();
      if (!s) throw new FakeOfficeError("InvalidObjectPath", `Operation on a null object (${this.path}).`);
      this.bound = s;
    }
    if (!this.context.excel.sheets.includes(this.bound)) throw new FakeOfficeError("ItemNotFound", `The sheet was deleted (${this.path}).`);
    return this.bound;
  }

  writableHost(): SheetData {
    const s = this.host();
    if (s.protected) throw new FakeOfficeError("AccessDenied", `The sheet ${s.name} is protected.`);
    return s;
  }

  protected scalarNames(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }
  protected hostValue(name: string): unknown {
    const s = this.host();
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.context.excel.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
    }
    throw new Error(`fake: unknown worksheet property ${name}`);
  }
  protected override child(name: string): FakeObject | null {
    return name === "protection" ? this.protection : name === "customProperties" ? this.customProperties : name === "charts" ? this.charts : null;
  }

  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", v, () => {
      if (this.context.excel.workbookProtected) throw new FakeOfficeError("AccessDenied", "The workbook is protected.");
      const other = this.context.excel.findSheet(v);
      const s = this.host();
      if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${v} already exists.`);
      s.name = v;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  set position(v: number) {
    this.set("position", v, () => {
      const sheets = this.context.excel.sheets;
      const s = this.host();
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(Math.min(v, sheets.length), 0, s);
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.set("visibility", v, () => {
      this.context.excel.useApi("1.2", "Worksheet.visibility (set)");
      if (this.context.excel.workbookProtected) throw new FakeOfficeError("AccessDenied", "The workbook is protected.");
      const s = this.host();
      if (v !== "Visible" && this.context.excel.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      s.visibility = v;
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(v: string) {
    this.set("tabColor", v, () => {
      this.context.excel.useApi("1.7", "Worksheet.tabColor");
      this.writableHost().tabColor = v;
    });
  }

  activate(): void {
    this.context.queue(`${this.path}.activate`, null, () => {
      const s = this.host();
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cannot activate a hidden sheet.");
      this.context.excel.activeSheet = s;
    });
  }

  delete(): void {
    this.context.queue(`${this.path}.delete`, null, () => {
      if (this.context.excel.workbookProtected) throw new FakeOfficeError("AccessDenied", "The workbook is protected.");
      const s = this.host();
      const ex = this.context.excel;
      ex.sheets = ex.sheets.filter((x) => x !== s);
      ex.deletedSheets.push(s.name);
      if (ex.activeSheet === s) ex.activeSheet = ex.sheets[0] ?? null;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRange(${address ?? ""})`, () => {
      const s = this.host();
      if (address === undefined) return { sheet: s, top: 0, left: 0, rows: MAX_ROWS, cols: MAX_COLS };
      const p = parseRangeAddress(address);
      if (p.sheet !== null && p.sheet.toLowerCase() !== s.name.toLowerCase()) throw new FakeOfficeError("InvalidArgument", `Address on another sheet: ${address}`);
      return { sheet: s, top: p.top, left: p.left, rows: p.rows, cols: p.cols };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      this.context.excel.useApi("1.7", "Worksheet.getRangeByIndexes");
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) throw new FakeOfficeError("InvalidArgument", "Invalid range indexes.");
      return { sheet: this.host(), top: startRow, left: startColumn, rows: rowCount, cols: columnCount };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, `${this.path}.getUsedRange(${valuesOnly})`, () => {
      const s = this.host();
      const b = s.usedBox(valuesOnly);
      return b ? { sheet: s, top: b.top, left: b.left, rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 } : { sheet: s, top: 0, left: 0, rows: 1, cols: 1 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    const r = new FakeRange(
      this.context,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        this.context.excel.useApi("1.4", "Worksheet.getUsedRangeOrNullObject");
        const s = this.host();
        const b = s.usedBox(valuesOnly);
        return b ? { sheet: s, top: b.top, left: b.left, rows: b.bottom - b.top + 1, cols: b.right - b.left + 1 } : null;
      },
      true,
    );
    return r;
  }
}

// ---- ranges

class FakeFormatPart extends FakeObject {
  constructor(ctx: FakeContext, path: string, private range: FakeRange, private prefix: string, private names: string[]) {
    super(ctx, path);
    for (const n of names) {
      Object.defineProperty(this, n, {
        get: () => this.read(n),
        set: (v: unknown) => this.set(n, v, () => this.range.forEachCell((c) => void (c.style[`${this.prefix}${n}`] = v))),
        enumerable: true,
      });
    }
  }
  protected scalarNames(): string[] {
    return this.names;
  }
  protected hostValue(name: string): unknown {
    const b = this.range.box();
    return b.sheet.cell(b.top, b.left).style[`${this.prefix}${name}`] ?? null;
  }
  isNullHost(): boolean {
    return false;
  }
}

class FakeRangeFormat extends FakeObject {
  readonly font: FakeFormatPart & Record<string, unknown>;
  readonly fill: FakeFormatPart & Record<string, unknown>;
  constructor(ctx: FakeContext, private range: FakeRange) {
    super(ctx, `${range.path}.format`);
    this.font = new FakeFormatPart(ctx, `${this.path}.font`, range, "font.", ["bold", "italic", "color", "size", "name", "underline"]) as FakeFormatPart & Record<string, unknown>;
    this.fill = new FakeFormatPart(ctx, `${this.path}.fill`, range, "fill.", ["color"]) as FakeFormatPart & Record<string, unknown>;
    for (const n of ["wrapText", "horizontalAlignment", "verticalAlignment", "rowHeight"]) {
      Object.defineProperty(this, n, {
        get: () => this.read(n),
        set: (v: unknown) => this.set(n, v, () => this.range.forEachCell((c) => void (c.style[n] = v))),
        enumerable: true,
      });
    }
  }
  protected scalarNames(): string[] {
    return ["columnWidth", "wrapText", "horizontalAlignment", "verticalAlignment", "rowHeight"];
  }
  protected hostValue(name: string): unknown {
    const b = this.range.box();
    if (name === "columnWidth") return b.sheet.columnWidths.get(b.left) ?? 48;
    return b.sheet.cell(b.top, b.left).style[name] ?? null;
  }
  protected override child(name: string): FakeObject | null {
    return name === "font" ? this.font : name === "fill" ? this.fill : null;
  }
  isNullHost(): boolean {
    return false;
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(v: number) {
    this.set("columnWidth", v, () => {
      this.context.excel.useApi("1.2", "RangeFormat.columnWidth");
      const b = this.range.writableBox();
      for (let c = b.left; c < b.left + Math.min(b.cols, 1000); c++) b.sheet.columnWidths.set(c, v);
    });
  }
  autofitColumns(): void {
    this.context.queue(`${this.path}.autofitColumns`, null, () => {
      this.context.excel.useApi("1.2", "RangeFormat.autofitColumns");
      const b = this.range.writableBox();
      for (let c = b.left; c < b.left + Math.min(b.cols, 1000); c++) {
        let w = 0;
        for (let r = b.top; r < b.top + Math.min(b.rows, 100000); r++) w = Math.max(w, String(b.sheet.cell(r, c).value).length * 7);
        b.sheet.columnWidths.set(c, Math.max(w, 20));
      }
    });
  }
}

class FakeConditionalFormat extends FakeObject {
  private data: ConditionalFormatData | null = null;
  readonly iconSet: Record<string, unknown>;
  readonly cellValue: Record<string, unknown>;
  readonly custom: Record<string, unknown>;
  constructor(ctx: FakeContext, path: string, type: string) {
    super(ctx, path);
    const part = (prefix: string, names: string[], version: string) => {
      const o: Record<string, unknown> = {};
      for (const n of names) {
        Object.defineProperty(o, n, {
          set: (v: unknown) =>
            this.context.queue(`${this.path}.${prefix}.${n}=`, v, () => {
              this.context.excel.useApi(version, `ConditionalFormat.${prefix}`);
              if (!this.data) throw new FakeOfficeError("InvalidObjectPath", "Conditional format not created.");
              if (this.data.type !== type) throw new FakeOfficeError("InvalidArgument", `${prefix} on a ${this.data.type} format`);
              this.data.props[`${prefix}.${n}`] = JSON.parse(JSON.stringify(v));
            }),
          get: () => {
            throw notLoaded(`${prefix}.${n}`);
          },
        });
      }
      return o;
    };
    this.iconSet = part("iconSet", ["style", "criteria", "reverseIconOrder", "showIconOnly"], "1.6");
    const fmt = (prefix: string) => ({
      fill: part(`${prefix}.format.fill`, ["color"], "1.6"),
      font: part(`${prefix}.format.font`, ["color", "bold"], "1.6"),
    });
    this.cellValue = Object.assign(part("cellValue", ["rule"], "1.6"), { format: fmt("cellValue") });
    this.custom = { rule: part("custom.rule", ["formula"], "1.6"), format: fmt("custom") };
  }
  bind(d: ConditionalFormatData): void {
    this.data = d;
  }
  protected scalarNames(): string[] {
    return ["type", "priority"];
  }
  protected hostValue(name: string): unknown {
    return name === "type" ? this.data?.type : 0;
  }
  isNullHost(): boolean {
    return false;
  }
}

class FakeConditionalFormatCollection extends FakeObject {
  constructor(ctx: FakeContext, private range: FakeRange) {
    super(ctx, `${range.path}.conditionalFormats`);
  }
  protected scalarNames(): string[] {
    return [];
  }
  protected hostValue(): unknown {
    return null;
  }
  isNullHost(): boolean {
    return false;
  }
  add(type: string): FakeConditionalFormat {
    const cf = new FakeConditionalFormat(this.context, `${this.path}.add(${type})`, type);
    this.context.queue(`${this.path}.add`, type, () => {
      this.context.excel.useApi("1.6", "ConditionalFormatCollection.add");
      const b = this.range.writableBox();
      const d: ConditionalFormatData = { range: boxAddress(b), type, props: {} };
      b.sheet.conditionalFormats.push(d);
      cf.bind(d);
    });
    return cf;
  }
  clearAll(): void {
    this.context.queue(`${this.path}.clearAll`, null, () => {
      this.context.excel.useApi("1.6", "ConditionalFormatCollection.clearAll");
      const b = this.range.writableBox();
      b.sheet.conditionalFormats = b.sheet.conditionalFormats.filter((cf) => {
        const p = parseRangeAddress(cf.range);
        const m = { top: p.top, left: p.left, bottom: p.top + p.rows - 1, right: p.left + p.cols - 1 };
        return !intersects(b, m);
      });
    });
  }
}

class FakeRangeAreas extends FakeObject {
  constructor(ctx: FakeContext, path: string, private range: FakeRange) {
    super(ctx, path, true);
  }
  private merges(): MergeData[] {
    const b = this.range.box();
    return b.sheet.merges.filter((m) => intersects(b, m));
  }
  protected scalarNames(): string[] {
    return ["address", "areaCount"];
  }
  protected hostValue(name: string): unknown {
    const ms = this.merges();
    if (ms.length > 512) throw new FakeOfficeError("GeneralException", "Too many merged areas.");
    const b = this.range.box();
    if (name === "areaCount") return ms.length;
    return ms.map((m) => boxAddress({ sheet: b.sheet, top: m.top, left: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 })).join(", ");
  }
  isNullHost(): boolean {
    return this.merges().length === 0;
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}

export class FakeRange extends FakeObject {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;
  constructor(ctx: FakeContext, path: string, private resolver: () => Box | null, nullable = false) {
    super(ctx, path, nullable);
    this.format = new FakeRangeFormat(ctx, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, this);
    // Office.js queues a path for each range it hands out and resolves it at that point of
    // the batch (a used range is measured there); an invalid one fails the sync.
    ctx.queue(`${path}`, null, () => {
      this.bound = this.resolver();
      if (!nullable) void this.box();
    });
  }
  private bound: Box | null | undefined;

  box(): Box {
    const b = this.bound !== undefined ? this.bound : this.resolver();
    if (!b) throw new FakeOfficeError("InvalidObjectPath", `Operation on a null range (${this.path}).`);
    if (b.top < 0 || b.left < 0 || b.top + b.rows > MAX_ROWS || b.left + b.cols > MAX_COLS)
      throw new FakeOfficeError("InvalidArgument", `Range outside the sheet (${this.path}).`);
    return b;
  }

  writableBox(): Box {
    const b = this.box();
    if (b.sheet.protected) throw new FakeOfficeError("AccessDenied", `The sheet ${b.sheet.name} is protected.`);
    return b;
  }

  isNullHost(): boolean {
    return (this.bound !== undefined ? this.bound : this.resolver()) === null;
  }

  forEachCell(fn: (c: FakeCell, r: number, col: number) => void): void {
    const b = this.writableBox();
    if (b.rows * b.cols > 4_000_000) throw new FakeOfficeError("OperationCellsExceedLimit", "Too many cells for a format change.");
    for (const [r, c] of boxCells(b)) fn(b.sheet.mutableCell(r, c), r, c);
  }

  protected scalarNames(): string[] {
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "formulas", "numberFormat", "text", "hyperlink", "cellCount"];
  }

  protected hostValue(name: string): unknown {
    const b = this.box();
    const matrix = (f: (c: FakeCell) => unknown) => {
      if (b.rows * b.cols > 5_000_000) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "Range too large to read.");
      const out: unknown[][] = [];
      for (let r = 0; r < b.rows; r++) {
        const row: unknown[] = [];
        for (let c = 0; c < b.cols; c++) row.push(f(b.sheet.cell(b.top + r, b.left + c)));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "address":
        return boxAddress(b);
      case "rowIndex":
        return b.top;
      case "columnIndex":
        return b.left;
      case "rowCount":
        return b.rows;
      case "columnCount":
        return b.cols;
      case "cellCount":
        return b.rows * b.cols;
      case "values":
        return matrix((c) => c.value);
      case "text":
        return matrix((c) => String(c.value));
      case "formulas":
        return matrix((c) => c.formula ?? c.value);
      case "numberFormat":
        return matrix((c) => c.numberFormat);
      case "hyperlink": {
        this.context.excel.useApi("1.7", "Range.hyperlink");
        const h = b.sheet.cell(b.top, b.left).hyperlink;
        return h ? { ...h } : null;
      }
    }
    throw new Error(`fake: unknown range property ${name}`);
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): CellValue[][] {
    return this.read("values");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  get hyperlink(): HyperlinkData | null {
    return this.read("hyperlink");
  }

  private setMatrix(name: string, m: unknown, apply: (cell: FakeCell, v: unknown) => void): void {
    this.set(name, m, () => {
      const b = this.writableBox();
      if (!Array.isArray(m) || m.length !== b.rows || m.some((row) => !Array.isArray(row) || row.length !== b.cols)) {
        throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`);
      }
      for (let r = 0; r < b.rows; r++)
        for (let c = 0; c < b.cols; c++) {
          const inMerge = b.sheet.merges.find((x) => x.top <= b.top + r && x.bottom >= b.top + r && x.left <= b.left + c && x.right >= b.left + c);
          if (inMerge && (inMerge.top !== b.top + r || inMerge.left !== b.left + c) && name !== "numberFormat") continue;
          apply(b.sheet.mutableCell(b.top + r, b.left + c), (m as unknown[][])[r][c]);
        }
    });
  }

  set values(m: unknown) {
    this.setMatrix("values", m, (cell, v) => enterInput(this.context.excel, cell, v));
  }
  set formulas(m: unknown) {
    this.setMatrix("formulas", m, (cell, v) => enterInput(this.context.excel, cell, v));
  }
  set numberFormat(m: unknown) {
    this.setMatrix("numberFormat", m, (cell, v) => {
      if (v === null || v === undefined) return;
      if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", "numberFormat must be a string.");
      cell.numberFormat = v;
    });
  }
  set hyperlink(h: HyperlinkData | null) {
    this.set("hyperlink", h, () => {
      this.context.excel.useApi("1.7", "Range.hyperlink");
      this.forEachCell((c) => {
        c.hyperlink = h ? { ...h } : null;
        // textToDisplay is shown as text, never parsed.
        if (h?.textToDisplay !== undefined) Object.assign(c, { value: h.textToDisplay, formula: null });
      });
    });
  }

  private derived(what: string, f: (b: Box) => Box, version = "1.1"): FakeRange {
    return new FakeRange(this.context, `${this.path}.${what}`, () => {
      this.context.excel.useApi(version, `Range.${what.replace(/\(.*/, "")}`);
      return f(this.box());
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived(`getCell(${row},${column})`, (b) => ({ sheet: b.sheet, top: b.top + row, left: b.left + column, rows: 1, cols: 1 }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, (b) => {
      if (b.rows + deltaRows < 1 || b.cols + deltaColumns < 1) throw new FakeOfficeError("InvalidArgument", "Resized range is empty.");
      return { ...b, rows: b.rows + deltaRows, cols: b.cols + deltaColumns };
    }, "1.7");
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.derived(`getAbsoluteResizedRange(${numRows},${numColumns})`, (b) => ({ ...b, rows: numRows, cols: numColumns }), "1.7");
  }
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, (b) => ({ ...b, top: b.top + rowOffset, left: b.left + columnOffset }));
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.context, `${this.path}.getMergedAreasOrNullObject()`, this);
    this.context.queue(`${this.path}.getMergedAreasOrNullObject`, null, () => this.context.excel.useApi("1.13", "Range.getMergedAreasOrNullObject"));
    return areas;
  }

  clear(applyTo = "All"): void {
    this.context.queue(`${this.path}.clear`, applyTo, () => {
      const b = this.writableBox();
      for (const [r, c] of [...boxCells(b)]) {
        const key = `${r},${c}`;
        const cell = b.sheet.cells.get(key);
        if (!cell) continue;
        if (applyTo === "All") b.sheet.cells.delete(key);
        else if (applyTo === "Contents") Object.assign(cell, { value: "", formula: null, quotePrefix: false });
        else if (applyTo === "Formats") Object.assign(cell, { numberFormat: "General", style: {} });
        else if (applyTo === "Hyperlinks") cell.hyperlink = null;
        else throw new FakeOfficeError("InvalidArgument", `clear(${applyTo})`);
      }
      if (applyTo === "All" || applyTo === "Formats") b.sheet.merges = b.sheet.merges.filter((m) => !intersects(b, m));
    });
  }

  merge(across = false): void {
    this.context.queue(`${this.path}.merge`, across, () => {
      this.context.excel.useApi("1.2", "Range.merge");
      const b = this.writableBox();
      if (b.sheet.merges.some((m) => intersects(b, m))) throw new FakeOfficeError("MergedRangeConflict", "Overlapping merge.");
      if (across) for (let r = b.top; r < b.top + b.rows; r++) b.sheet.merges.push({ top: r, left: b.left, bottom: r, right: b.left + b.cols - 1 });
      else b.sheet.merges.push({ top: b.top, left: b.left, bottom: b.top + b.rows - 1, right: b.left + b.cols - 1 });
    });
  }

  select(): void {
    this.context.queue(`${this.path}.select`, null, () => {
      const b = this.box();
      if (b.sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "Cannot select on a hidden sheet.");
      this.context.excel.activeSheet = b.sheet;
      this.context.excel.selection = { sheet: b.sheet.name, address: boxAddress(b).split("!")[1] };
    });
  }
}

scalarGetters(FakeApplication, ["calculationMode"]);
// Workbook.name: ExcelApi 1.7 (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-name-member).
scalarGetters(FakeWorkbook, ["name"]);
scalarGetters(FakeWorkbookProtection, ["protected"]);
scalarGetters(FakeWorksheetProtection, ["protected"]);
scalarGetters(FakeCustomProperty, ["key", "value"]);
scalarGetters(FakeChart, ["name"]);
scalarGetters(FakeChartSeries, ["name"]);
scalarGetters(FakeConditionalFormat, ["type", "priority"]);
