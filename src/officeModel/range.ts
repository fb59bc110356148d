// A range: values, formulas, number formats, hyperlinks, merges, derived ranges.
import type { CellValue } from "../core/types";
import { FakeOfficeError } from "./errors";
import { FakeObject } from "./object";
import type { FakeContext } from "./context";
import type { FakeCell, HyperlinkData, MergeData } from "./data";
import { MAX_COLS, MAX_ROWS } from "./limits";
import { boxAddress, boxCells, intersects, type Box } from "./addresses";
import { enterInput, isErrorCell, ITALIAN_ERRORS } from "./input";
import { FakeConditionalFormatCollection, FakeRangeFormat } from "./rangeFormat";

export class FakeRangeAreas extends FakeObject {
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

/** Range.getSpecialCellsOrNullObject("Formulas") (ExcelApi 1.9): the formula cells of the
 *  range, one area per cell (docs/excel/excel-add-ins-ranges-special-cells.md). */
export class FakeFormulaCells extends FakeObject {
  constructor(ctx: FakeContext, path: string, private range: FakeRange) {
    super(ctx, path, true);
  }
  private cells(): [number, number][] {
    const b = this.range.box();
    const out: [number, number][] = [];
    for (const [key, c] of b.sheet.cells) {
      if (c.formula === null) continue;
      const [r, col] = key.split(",").map(Number);
      if (r >= b.top && r < b.top + b.rows && col >= b.left && col < b.left + b.cols) out.push([r, col]);
    }
    return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  }
  protected scalarNames(): string[] {
    return ["address", "areaCount"];
  }
  protected hostValue(name: string): unknown {
    const b = this.range.box();
    const cells = this.cells();
    if (name === "areaCount") return cells.length;
    return cells.map(([r, c]) => boxAddress({ sheet: b.sheet, top: r, left: c, rows: 1, cols: 1 })).join(", ");
  }
  isNullHost(): boolean {
    return this.cells().length === 0;
  }
  get address(): string {
    return this.read("address");
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
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "valueTypes", "formulas", "numberFormat", "text", "hyperlink", "cellCount"];
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
        return matrix((c) => this.shown(c));
      case "valueTypes":
        return matrix((c) => (isErrorCell(c) ? "Error" : c.value === "" ? "Empty" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String"));
      case "text":
        return matrix((c) => String(this.shown(c)));
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
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  /** A cell's value as range.values gives it: error values in the display language. */
  private shown(c: FakeCell): unknown {
    return isErrorCell(c) && this.context.excel.locale === "it-IT" ? (ITALIAN_ERRORS[c.value as string] ?? c.value) : c.value;
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
    this.context.queue(`${this.path}.getMergedAreasOrNullObject`, null, () => {
      this.context.excel.useApi("1.13", "Range.getMergedAreasOrNullObject");
      // office-js#5918: on Windows desktop the sync empties the user's undo stack.
      if (this.context.excel.platform === "PC") this.context.excel.clearUndoStack("Range.getMergedAreasOrNullObject");
    });
    return areas;
  }

  getSpecialCellsOrNullObject(cellType: string): FakeFormulaCells {
    if (cellType !== "Formulas") throw new Error(`fake: only getSpecialCellsOrNullObject("Formulas") is modelled`);
    const cells = new FakeFormulaCells(this.context, `${this.path}.getSpecialCellsOrNullObject(${cellType})`, this);
    this.context.queue(`${this.path}.getSpecialCellsOrNullObject`, cellType, () => this.context.excel.useApi("1.9", "Range.getSpecialCellsOrNullObject"));
    return cells;
  }

  /** Range.calculate (ExcelApi 1.6): recalculates these cells only; recorded as "Sheet!A1". */
  calculate(): void {
    this.context.queue(`${this.path}.calculate`, null, () => {
      this.context.excel.useApi("1.6", "Range.calculate");
      this.context.excel.calculations.push(boxAddress(this.box()));
    });
  }

  clear(applyTo = "All"): void {
    this.context.queue(`${this.path}.clear`, applyTo, () => {
      const b = this.writableBox();
      for (const [r, c] of [...boxCells(b)]) {
        const key = `${r},${c}`;
        const cell = b.sheet.cells.get(key);
        if (!cell) continue;
        if (applyTo === "All") b.sheet.cells.delete(key);
        else if (applyTo === "Contents") Object.assign(cell, { value: "", formula: null, quotePrefix: false, error: undefined });
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
