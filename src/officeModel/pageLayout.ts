// Worksheet.pageLayout of the fake.
import { FakeOfficeError } from "./errors";
import { FakeObject } from "./object";
import type { FakeContext } from "./context";
import type { FakeWorksheet } from "./worksheet";

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
export class FakePageLayout extends FakeObject {
  readonly headersFooters: { defaultForAllPages: Record<string, string> };
  constructor(ctx: FakeContext, private ws: FakeWorksheet) {
    super(ctx, `${ws.path}.pageLayout`);
    for (const name of PAGE_LAYOUT_SCALARS)
      Object.defineProperty(this, name, {
        get: () => this.read(name),
        set: (v: unknown) => this.set(name, v, () => this.apply(name, v)),
      });
    const target: Record<string, string> = {};
    this.headersFooters = {
      defaultForAllPages: new Proxy(target, {
        set: (_t, key: string, value: string) => {
          this.set(`headersFooters.defaultForAllPages.${key}`, value, () => {
            this.context.excel.useApi("1.9", "HeaderFooter." + key);
            this.ws.writableHost().pageLayout.headersFooters[key] = value;
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
  /** A range or its address: "A1:B2", or whole rows as in the docs' "$1:$1"
   *  (docs/excel/excel-add-ins-worksheet-display.md). */
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

