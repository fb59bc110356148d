// The package's styles part (xl/styles.xml), edited by appending: a cell whose number
// format must change gets a copy of its own cell format (xf) with the new numFmtId, and
// the add-in's generated sheets bring their fonts, fills, borders, formats and
// differential formats (conditional formats) along. Existing entries are never changed
// or reordered, so every style index used by the user's cells keeps its meaning.
import { childElements, escapeXml, findElement, getAttr, rootElement, setAttr, splice, type ElementSpan } from "./xml";

/** Built-in number formats (ECMA-376 Part 1, §18.8.30) by id, as Excel's en-US codes. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

const SECTIONS = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Section = (typeof SECTIONS)[number];

const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

export class StyleSheet {
  private xml: string;
  private dirty = false;
  private formatIds: Map<number, string> | null = null;
  /** (xf index, format) → xf index with that format, so repeated writes share one new xf. */
  private readonly withFormat = new Map<string, number>();

  constructor(xml: string | undefined) {
    this.xml = xml ?? EMPTY_STYLES;
    this.dirty = xml === undefined;
  }

  get changed(): boolean {
    return this.dirty;
  }

  text(): string {
    return this.xml;
  }

  private section(name: Section): ElementSpan | null {
    const root = rootElement(this.xml);
    if (!root) return null;
    return childElements(this.xml, root.contentStart, root.contentEnd, name)[0] ?? null;
  }

  private items(name: Section, child: string): ElementSpan[] {
    const s = this.section(name);
    return s && !s.selfClosing ? childElements(this.xml, s.contentStart, s.contentEnd, child) : [];
  }

  /** Appends `items` to a section (created in schema order when missing); returns the index of the first. */
  private append(name: Section, child: string, items: string[]): number {
    const before = this.items(name, child).length;
    if (!items.length) return before;
    let s = this.section(name);
    if (!s) {
      const root = rootElement(this.xml)!;
      const order = SECTIONS.indexOf(name);
      const next = childElements(this.xml, root.contentStart, root.contentEnd).find((e) => SECTIONS.indexOf(e.name as Section) > order);
      const prefix = /^<([\w.-]+:)/.exec(root.tag)?.[1] ?? "";
      const at = next ? next.start : root.contentEnd;
      this.xml = splice(this.xml, at, at, `<${prefix}${name} count="0"></${prefix}${name}>`);
      s = this.section(name)!;
    }
    const prefix = /^<([\w.-]+:)/.exec(s.tag)?.[1] ?? "";
    const body = items.map((i) => (prefix ? i.replace(/<(\/?)(?![\w.-]+:)/g, `<$1${prefix}`) : i)).join("");
    const count = before + items.length;
    const tag = setAttr(s.selfClosing ? s.tag.replace(/\s*\/>$/, ">") : s.tag, "count", String(count));
    if (s.selfClosing) this.xml = splice(this.xml, s.start, s.end, `${tag}${body}</${prefix}${name}>`);
    else this.xml = splice(this.xml, s.start, s.contentEnd, tag + this.xml.slice(s.contentStart, s.contentEnd) + body);
    this.dirty = true;
    this.formatIds = null;
    return before;
  }

  /** Custom number formats by id (built-ins not included). */
  private customFormats(): Map<number, string> {
    if (!this.formatIds) {
      this.formatIds = new Map();
      for (const f of this.items("numFmts", "numFmt")) {
        const id = Number(getAttr(f.tag, "numFmtId"));
        if (Number.isFinite(id)) this.formatIds.set(id, getAttr(f.tag, "formatCode") ?? "");
      }
    }
    return this.formatIds;
  }

  formatCode(numFmtId: number): string {
    return this.customFormats().get(numFmtId) ?? BUILTIN_FORMATS[numFmtId] ?? "General";
  }

  /** The id of a number format code: a built-in, an existing custom one, or a new custom one. */
  formatId(code: string): number {
    for (const [id, c] of Object.entries(BUILTIN_FORMATS)) if (c === code && Number(id) !== 14) return Number(id);
    for (const [id, c] of this.customFormats()) if (c === code) return id;
    const ids = [...this.customFormats().keys()];
    const id = Math.max(163, ...ids) + 1;
    this.append("numFmts", "numFmt", [`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`]);
    return id;
  }

  /** The cell format (xf) at `index` in cellXfs (the first one when out of range). */
  private xf(index: number): ElementSpan | undefined {
    const xfs = this.items("cellXfs", "xf");
    return xfs[index] ?? xfs[0];
  }

  /** The number format code of every cell format (cellXfs), by index. */
  cellFormats(): string[] {
    return this.items("cellXfs", "xf").map((xf) => this.formatCode(Number(getAttr(xf.tag, "numFmtId") ?? "0")));
  }

  /** Number format code of the cell style index `s` (0 when a cell has no s attribute). */
  cellFormat(s: number): string {
    const xf = this.xf(s);
    return xf ? this.formatCode(Number(getAttr(xf.tag, "numFmtId") ?? "0")) : "General";
  }

  /** A cell style index like `s` but with number format `code`: `s` itself when it already has it. */
  cellStyleWithFormat(s: number, code: string): number {
    if (this.cellFormat(s) === code) return s;
    const key = `${s}\u0000${code}`;
    const known = this.withFormat.get(key);
    if (known !== undefined) return known;
    const xf = this.xf(s);
    const id = this.formatId(code);
    let copy: string;
    if (!xf) copy = `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
    else {
      const whole = this.xml.slice(xf.start, xf.end);
      const tag = setAttr(setAttr(xf.tag, "numFmtId", String(id)), "applyNumberFormat", "1");
      copy = tag + whole.slice(xf.tag.length);
    }
    const index = this.append("cellXfs", "xf", [stripPrefix(copy)]);
    this.withFormat.set(key, index);
    return index;
  }

  /**
   * Imports cell format `s` of another style sheet (a generated sheet's) with its font,
   * fill, border and number format; returns the new index here. Cell style (xfId)
   * becomes 0, the Normal style.
   */
  importCellStyle(from: StyleSheet, s: number, cache: Map<number, number>): number {
    const known = cache.get(s);
    if (known !== undefined) return known;
    const xf = from.xf(s);
    if (!xf) return 0;
    const whole = stripPrefix(from.xml.slice(xf.start, xf.end));
    let tag = stripPrefix(xf.tag);
    const copyItem = (attr: string, section: Section, child: string) => {
      const idx = Number(getAttr(tag, attr) ?? "0");
      const item = from.items(section, child)[idx];
      if (!item) return;
      const index = this.append(section, child, [stripPrefix(from.xml.slice(item.start, item.end))]);
      tag = setAttr(tag, attr, String(index));
    };
    copyItem("fontId", "fonts", "font");
    copyItem("fillId", "fills", "fill");
    copyItem("borderId", "borders", "border");
    const fmt = Number(getAttr(tag, "numFmtId") ?? "0");
    tag = setAttr(tag, "numFmtId", String(fmt === 0 ? 0 : this.formatId(from.formatCode(fmt))));
    tag = setAttr(tag, "xfId", "0");
    const index = this.append("cellXfs", "xf", [tag + whole.slice(stripPrefix(xf.tag).length)]);
    cache.set(s, index);
    return index;
  }

  /** Imports differential format `d` (conditional formats) of another style sheet; returns its index here. */
  importDxf(from: StyleSheet, d: number, cache: Map<number, number>): number {
    const known = cache.get(d);
    if (known !== undefined) return known;
    const item = from.items("dxfs", "dxf")[d];
    if (!item) return 0;
    let body = stripPrefix(from.xml.slice(item.start, item.end));
    // A dxf carries its number format inline (<numFmt numFmtId formatCode>): ids of custom ones are renumbered.
    body = body.replace(/<numFmt\b[^>]*>/g, (t) => {
      const code = getAttr(t, "formatCode");
      return code === undefined ? t : setAttr(t, "numFmtId", String(this.formatId(code)));
    });
    const index = this.append("dxfs", "dxf", [body]);
    cache.set(d, index);
    return index;
  }
}

/** Removes namespace prefixes from element names (`<x:xf>` → `<xf>`); the target's prefix is added back on append. */
function stripPrefix(xml: string): string {
  return xml.replace(/<(\/?)[\w.-]+:(?=[\w.-]+[\s/>])/g, (m, slash: string) => (m.startsWith("<" + slash + "x14") ? m : `<${slash}`));
}

/** Reads a style sheet from a package text (or a default one when the package has none). */
export function styleSheetOf(xml: string | undefined): StyleSheet {
  return new StyleSheet(xml);
}

export { findElement };
