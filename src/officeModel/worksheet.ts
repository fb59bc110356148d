// A worksheet, its protection and freeze panes.
import { FakeOfficeError } from "./errors";
import { FakeObject, scalarGetters } from "./object";
import type { FakeContext } from "./context";
import type { SheetData } from "./data";
import { MAX_COLS, MAX_ROWS } from "./limits";
import { parseRangeAddress } from "./addresses";
import { FakeCustomPropertyCollection } from "./customProperties";
import { FakeChartCollection } from "./charts";
import { FakeRange } from "./range";
import { FakePageLayout } from "./pageLayout";

export class FakeWorksheetProtection extends FakeObject {
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

export class FakeFreezePanes extends FakeObject {
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

export class FakeWorksheet extends FakeObject {
  private bound: SheetData | null = null;
  private boundNull = false;
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly customProperties: FakeCustomPropertyCollection;
  readonly charts: FakeChartCollection;
  readonly pageLayout: FakePageLayout;
  /** Worksheet.onChanged (ExcelApi 1.7): handlers registered at sync, fired by FakeExcel.fireChanged. */
  readonly onChanged = {
    add: (handler: (event: unknown) => Promise<unknown> | unknown) => {
      this.context.queue(`${this.path}.onChanged.add`, null, () => {
        this.context.excel.useApi("1.7", "Worksheet.onChanged");
        this.context.excel.addChangedHandler(this.host(), handler);
      });
      return { remove: () => undefined };
    },
  };
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
      this.context.checkUndo("Worksheet.name");
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
      this.context.checkUndo("Worksheet.position");
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
      this.context.checkUndo("Worksheet.visibility");
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
      this.context.checkUndo("Worksheet.delete");
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

scalarGetters(FakeWorksheetProtection, ["protected"]);
