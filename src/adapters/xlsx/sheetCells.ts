// A worksheet part's cells (ECMA-376 Part 1, §18.3.1: sheetData, row, c, v, f, is) read
// straight from its XML into the sparse sheet of core/reader/sparseSheet.ts, as Office.js
// `range.values` / `numberFormat` / `formulas` give them: numbers as numbers (dates as
// serials, percentages as fractions, whatever the format), shared strings and inline
// strings as their plain text (rich-text runs joined, phonetic runs left out, `_xHHHH_`
// escapes decoded), booleans, errors as their codes ("#N/A"), a formula as "=…" with its
// cached result (or "" when the file has none), shared formulas moved to each cell.
//
// A scan over the text, not a DOM: a 54,000-row plan is a 26 MB part. Namespace prefixes
// (`<x:c>`) are accepted; elements the cell model does not need are stepped over.
import type { CellValue } from "../../core/types";
import { parseA1, type MergeArea } from "../../core/reader/grid";
import { SparseSheet } from "../../core/reader/sparseSheet";
import { serialFromYmd } from "../../core/dates";
import { formatKind } from "../../core/values";
import { shiftFormula } from "./sharedFormula";
import { getAttr, unescapeXml } from "./xml";
import { PackageError } from "./package";
import { PACKAGE } from "../../messages/limits";

/** What the cells of every sheet resolve through: the shared strings, the cell formats, the date system. */
export interface CellContext {
  strings: string[];
  /** Number format code of each cell format (cellXfs) index. */
  formats: string[];
  /** The workbook counts dates from 1904 (workbookPr date1904): date serials are moved to 1900's. */
  date1904: boolean;
}

/** Days between the 1904 and the 1900 date systems' day zero. */
const DAYS_1904 = 1462;

/** Entities and `_xHHHH_` escapes (ECMA-376 Part 1, §22.4.2.4) of a text node. */
export function decodeText(raw: string): string {
  let s = raw.indexOf("&") >= 0 ? unescapeXml(raw) : raw;
  if (s.indexOf("_x") >= 0) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/** The concatenated `<t>` texts of a string item (`si`, `is`), phonetic runs (`rPh`) left out. */
export function itemText(xml: string, from: number, to: number): string {
  let out = "";
  let i = xml.indexOf("<", from);
  while (i >= 0 && i < to) {
    const nameEnd = nameEndAt(xml, i + 1);
    const local = localName(xml, i + 1, nameEnd);
    const tagEnd = xml.indexOf(">", nameEnd);
    if (tagEnd < 0) break;
    if (xml.charCodeAt(i + 1) === 47 /* / */) {
      i = xml.indexOf("<", tagEnd);
      continue;
    }
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    if (local === "rPh" && !selfClosing) {
      const close = closingTag(xml, tagEnd + 1, xml.slice(i + 1, nameEnd));
      i = close < 0 ? -1 : xml.indexOf("<", close);
      continue;
    }
    if (local === "t" && !selfClosing) {
      const close = xml.indexOf("<", tagEnd + 1);
      if (close < 0) break;
      out += decodeText(xml.slice(tagEnd + 1, close));
      i = close;
      continue;
    }
    i = xml.indexOf("<", tagEnd);
  }
  return out;
}

/** The shared string table (xl/sharedStrings.xml), by index. */
export function readSharedStrings(xml: string | undefined): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let i = xml.indexOf("<");
  while (i >= 0) {
    const nameEnd = nameEndAt(xml, i + 1);
    const tagEnd = xml.indexOf(">", nameEnd);
    if (tagEnd < 0) break;
    if (localName(xml, i + 1, nameEnd) === "si" && xml.charCodeAt(i + 1) !== 47) {
      if (xml.charCodeAt(tagEnd - 1) === 47) {
        out.push("");
        i = xml.indexOf("<", tagEnd);
        continue;
      }
      const close = closingTag(xml, tagEnd + 1, xml.slice(i + 1, nameEnd));
      const end = close < 0 ? xml.length : close;
      out.push(itemText(xml, tagEnd + 1, end));
      i = xml.indexOf("<", end + 1);
      continue;
    }
    i = xml.indexOf("<", tagEnd);
  }
  return out;
}

function isNameCode(ch: number): boolean {
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 45 || ch === 46 || ch === 58 || ch > 127;
}

/** Offset after the tag name starting at `at` (just after "<" or "</"). */
function nameEndAt(xml: string, at: number): number {
  let j = xml.charCodeAt(at) === 47 ? at + 1 : at;
  while (j < xml.length && isNameCode(xml.charCodeAt(j))) j++;
  return j;
}

/** The local name (after any prefix) of the tag name between `at` and `end`. */
function localName(xml: string, at: number, end: number): string {
  let start = xml.charCodeAt(at) === 47 ? at + 1 : at;
  for (let k = start; k < end; k++) if (xml.charCodeAt(k) === 58 /* : */) start = k + 1;
  return xml.slice(start, end);
}

/** Offset of `</qname>` from `from`, or -1. */
function closingTag(xml: string, from: number, qname: string): number {
  return xml.indexOf(`</${qname}>`, from);
}

/** A cell of the sheet ("B7"), 0-based; null when not a cell reference. */
function cellRef(ref: string): { row: number; col: number } | null {
  const at = parseA1(ref);
  return at && at.row >= 0 ? at : null;
}

function rangeOf(ref: string): MergeArea | null {
  const [a, b] = ref.split(":");
  const p = cellRef(a);
  const q = b ? cellRef(b) : p;
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/** A `t="d"` cell (ISO 8601 text) as a 1900 serial; the text itself when it is not a date. */
function isoSerial(text: string): CellValue {
  const m = ISO_DATE.exec(text);
  if (!m) return text;
  const day = serialFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  const time = m[4] ? (Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0)) / 86_400 : 0;
  return day + time;
}

function numberOf(text: string): CellValue {
  const n = parseFloat(text);
  return Number.isFinite(n) ? n : "#NUM!";
}

/** What a cell's content holds: its `<f>` (start tag and text), its `<v>` text, its `<is>` content span. */
interface CellParts {
  fTag: string | null;
  fText: string;
  vText: string | null;
  isFrom: number;
  isTo: number;
}

const parts: CellParts = { fTag: null, fText: "", vText: null, isFrom: -1, isTo: -1 };

/** The children of a cell's content (`from`–`to`), in one pass. Reuses one object: read it before the next call. */
function cellParts(xml: string, from: number, to: number): CellParts {
  parts.fTag = null;
  parts.fText = "";
  parts.vText = null;
  parts.isFrom = -1;
  parts.isTo = -1;
  let i = xml.indexOf("<", from);
  while (i >= 0 && i < to) {
    const nameEnd = nameEndAt(xml, i + 1);
    const tagEnd = xml.indexOf(">", nameEnd);
    if (tagEnd < 0 || tagEnd > to) break;
    if (xml.charCodeAt(i + 1) === 47) {
      i = xml.indexOf("<", tagEnd);
      continue;
    }
    const local = localName(xml, i + 1, nameEnd);
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    if (local === "v" || local === "f") {
      // Their text holds no "<" (escaped as &lt;): it ends at the next tag.
      const close = selfClosing ? tagEnd + 1 : xml.indexOf("<", tagEnd + 1);
      const text = selfClosing ? "" : xml.slice(tagEnd + 1, close < 0 || close > to ? to : close);
      if (local === "v") parts.vText = text;
      else {
        parts.fTag = xml.slice(i, tagEnd + 1);
        parts.fText = text;
      }
      i = selfClosing ? xml.indexOf("<", tagEnd + 1) : close < 0 ? -1 : xml.indexOf("<", close + 1);
      continue;
    }
    if (local === "is" && !selfClosing) {
      const close = closingTag(xml, tagEnd + 1, xml.slice(i + 1, nameEnd));
      parts.isFrom = tagEnd + 1;
      parts.isTo = close < 0 || close > to ? to : close;
      i = xml.indexOf("<", parts.isTo + 1);
      continue;
    }
    i = xml.indexOf("<", tagEnd);
  }
  return parts;
}

let attrR: string | undefined;
let attrS: string | undefined;
let attrT: string | undefined;

/** A `<c>` start tag's r, s and t attributes (between `from` and `to`), in one pass, into attrR/attrS/attrT. */
function cellAttributes(xml: string, from: number, to: number): void {
  attrR = attrS = attrT = undefined;
  let i = from;
  while (i < to) {
    let ch = xml.charCodeAt(i);
    while (i < to && (ch === 32 || ch === 9 || ch === 10 || ch === 13)) ch = xml.charCodeAt(++i);
    const nameStart = i;
    while (i < to && ch !== 61 && ch !== 32 && ch !== 47) ch = xml.charCodeAt(++i);
    const nameEnd = i;
    while (i < to && ch !== 61) ch = xml.charCodeAt(++i);
    i++;
    while (i < to && xml.charCodeAt(i) !== 34 && xml.charCodeAt(i) !== 39) i++;
    if (i >= to) return;
    const quote = xml[i];
    const valueEnd = xml.indexOf(quote, i + 1);
    if (valueEnd < 0 || valueEnd > to) return;
    if (nameEnd - nameStart === 1) {
      const n = xml.charCodeAt(nameStart);
      if (n === 114 /* r */) attrR = xml.slice(i + 1, valueEnd);
      else if (n === 115 /* s */) attrS = xml.slice(i + 1, valueEnd);
      else if (n === 116 /* t */) attrT = xml.slice(i + 1, valueEnd);
    }
    i = valueEnd + 1;
  }
}

/** One worksheet part's cells and merged areas. */
export function readSheetCells(name: string, xml: string, ctx: CellContext): SparseSheet {
  const sheet = new SparseSheet(name);
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const fmt = (s: string | undefined) => (s === undefined ? ctx.formats[0] ?? "General" : ctx.formats[Number(s)] ?? ctx.formats[0] ?? "General");
  let row = -1;
  let col = -1;
  let i = xml.indexOf("<");
  let afterData = -1;
  let openData = false;
  let cellName = "c";
  let cellClose = "</c>";
  while (i >= 0) {
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
      const close = xml.startsWith("<!--", i) ? xml.indexOf("-->", i + 4) : xml.indexOf(">", i + 2);
      i = close < 0 ? -1 : xml.indexOf("<", close);
      continue;
    }
    const nameEnd = nameEndAt(xml, i + 1);
    const tagEnd = xml.indexOf(">", nameEnd);
    if (tagEnd < 0) throw new PackageError(PACKAGE.sheetCut(name));
    const local = localName(xml, i + 1, nameEnd);
    if (c1 === 47) {
      if (local === "sheetData") {
        afterData = tagEnd;
        break;
      }
      i = xml.indexOf("<", tagEnd);
      continue;
    }
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    if (local === "sheetData") {
      if (selfClosing) {
        afterData = tagEnd;
        break;
      }
      openData = true;
    }
    if (local === "row") {
      const r = getAttr(xml.slice(i, tagEnd + 1), "r");
      row = r !== undefined && Number(r) >= 1 ? Number(r) - 1 : row + 1;
      col = -1;
      i = xml.indexOf("<", tagEnd);
      continue;
    }
    if (local !== "c") {
      i = xml.indexOf("<", tagEnd);
      continue;
    }
    cellAttributes(xml, nameEnd, tagEnd);
    const ref = attrR;
    const s = attrS;
    const t = attrT;
    const at = ref ? cellRef(ref) : null;
    if (at) {
      row = at.row;
      col = at.col;
    } else col++;
    if (selfClosing) {
      if (s !== undefined) sheet.formatted(row, col, fmt(s));
      i = xml.indexOf("<", tagEnd);
      continue;
    }
    const qname = xml.slice(i + 1, nameEnd);
    if (qname !== cellName) {
      cellName = qname;
      cellClose = `</${qname}>`;
    }
    const end = xml.indexOf(cellClose, tagEnd + 1);
    if (end < 0) throw new PackageError(PACKAGE.sheetCut(name));
    const parts = cellParts(xml, tagEnd + 1, end);
    let formula = parts.fText ? decodeText(parts.fText) : "";
    if (parts.fTag) {
      const shared = getAttr(parts.fTag, "t") === "shared" ? getAttr(parts.fTag, "si") : undefined;
      if (shared !== undefined) {
        if (formula) masters.set(shared, { formula, row, col });
        else {
          const m = masters.get(shared);
          if (m) formula = shiftFormula(m.formula, row - m.row, col - m.col);
        }
      }
    }
    let value: CellValue | undefined;
    if (t === "inlineStr" && parts.isFrom >= 0) value = itemText(xml, parts.isFrom, parts.isTo);
    if (value === undefined) {
      const text = parts.vText;
      if (text) {
        switch (t) {
          case "s":
            value = ctx.strings[Number(text)] ?? "";
            break;
          case "str":
          case "inlineStr":
            value = decodeText(text);
            break;
          case "b":
            value = parseInt(text, 10) !== 0;
            break;
          case "e":
            value = decodeText(text);
            break;
          case "d":
            value = isoSerial(text);
            break;
          default: {
            value = numberOf(text);
            if (ctx.date1904 && typeof value === "number" && formatKind(fmt(s)) === "date") value += DAYS_1904;
          }
        }
      }
    }
    if (formula) sheet.cell(row, col, value ?? "", fmt(s), `=${formula}`);
    else if (value !== undefined) sheet.cell(row, col, value, fmt(s));
    else if (s !== undefined) sheet.formatted(row, col, fmt(s));
    i = xml.indexOf("<", end + 1);
  }
  // A part cut short (sheetData opened, never closed) is not read as a shorter sheet.
  if (openData && afterData < 0) throw new PackageError(PACKAGE.sheetCut(name));
  if (afterData >= 0) sheet.merges = readMerges(xml, afterData);
  return sheet;
}

/** The `<mergeCell ref>` areas after sheetData. */
function readMerges(xml: string, from: number): MergeArea[] {
  const out: MergeArea[] = [];
  const re = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b([^>]*)>/g;
  re.lastIndex = from;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const ref = getAttr(m[0], "ref");
    const area = ref ? rangeOf(ref) : null;
    if (area) out.push(area);
  }
  return out;
}
