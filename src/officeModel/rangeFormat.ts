// A range's format (font, fill, alignment, column width) and conditional formats.
import { FakeOfficeError, notLoaded } from "./errors";
import { FakeObject, scalarGetters } from "./object";
import type { FakeContext } from "./context";
import type { ConditionalFormatData } from "./data";
import { boxAddress, intersects, parseRangeAddress } from "./addresses";
import type { FakeRange } from "./range";
import { DEFAULT_COLUMN_POINTS } from "../core/units";

export class FakeFormatPart extends FakeObject {
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

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

/** RangeFormat.borders (ExcelApi 1.1): getItem(index) → a border with color, style, weight,
 *  stored on each cell's style as "border.<index>.<property>". */
export class FakeRangeBorders {
  constructor(private ctx: FakeContext, private path: string, private range: FakeRange) {}
  getItem(index: string): FakeFormatPart & Record<string, unknown> {
    if (!BORDER_INDEXES.includes(index)) throw new FakeOfficeError("InvalidArgument", `Unknown border index ${index}.`);
    return new FakeFormatPart(this.ctx, `${this.path}.getItem(${index})`, this.range, `border.${index}.`, ["color", "style", "weight"]) as FakeFormatPart & Record<string, unknown>;
  }
}

export class FakeRangeFormat extends FakeObject {
  readonly font: FakeFormatPart & Record<string, unknown>;
  readonly fill: FakeFormatPart & Record<string, unknown>;
  readonly borders: FakeRangeBorders;
  constructor(ctx: FakeContext, private range: FakeRange) {
    super(ctx, `${range.path}.format`);
    this.font = new FakeFormatPart(ctx, `${this.path}.font`, range, "font.", ["bold", "italic", "color", "size", "name", "underline"]) as FakeFormatPart & Record<string, unknown>;
    this.fill = new FakeFormatPart(ctx, `${this.path}.fill`, range, "fill.", ["color"]) as FakeFormatPart & Record<string, unknown>;
    this.borders = new FakeRangeBorders(ctx, `${this.path}.borders`, range);
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
    if (name === "columnWidth") return b.sheet.columnWidths.get(b.left) ?? DEFAULT_COLUMN_POINTS;
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

export class FakeConditionalFormat extends FakeObject {
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

export class FakeConditionalFormatCollection extends FakeObject {
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

scalarGetters(FakeConditionalFormat, ["type", "priority"]);
