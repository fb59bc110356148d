// The workbook's content on the "host" side: what the fake's Excel holds, outside any run.
import type { CellValue } from "../core/types";
import { parseCell } from "./addresses";
import type { PageLayoutData } from "./pageLayout";

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
  /** false: text that reads like an error value (entered under the "@" format). Unset: an
   *  error value is an error unless it is text by apostrophe or "@" format (see isErrorCell). */
  error?: boolean;
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
    delete c.error;
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

export function emptyCell(): FakeCell {
  return { value: "", formula: null, numberFormat: "General", quotePrefix: false, hyperlink: null, style: {} };
}
