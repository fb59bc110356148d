// Rewrites single cells of a worksheet part in place (ECMA-376 Part 1, §18.3.1.4 c,
// §18.3.1.73 row). Every other byte of the part — other cells, rows' attributes,
// merges, validations, conditional formats, drawings, extensions — stays as it was.
import { columnLetters, parseA1 } from "../../core/reader/grid";
import { childElements, encodeCellText, findElement, getAttr, prefixOf, removeAttr, setAttr, splice, type ElementSpan } from "./xml";
import type { StyleSheet } from "./styles";

/** One cell the add-in owns, with what to put there. */
export interface CellPatch {
  /** A1 address. */
  cell: string;
  /** A number, a text (written as an inline string, never a formula), or null for an empty cell. */
  value: number | string | null;
  /** The number format to give the cell; undefined keeps the cell's own style. */
  numberFormat?: string;
  /** Keep the cell's own number format when it already contains "%" (the user's percent style). */
  keepPercentFormat?: boolean;
}

/** Thrown when a patch would write over a formula: the add-in never does. */
export class FormulaCellError extends Error {}


function cellXml(prefix: string, ref: string, style: number, patch: CellPatch): string {
  const s = style ? ` s="${style}"` : "";
  const v = patch.value;
  if (v === null || v === "") return `<${prefix}c r="${ref}"${s}/>`;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`valore non finito per ${ref}`);
    return `<${prefix}c r="${ref}"${s}><${prefix}v>${String(v)}</${prefix}v></${prefix}c>`;
  }
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
  return `<${prefix}c r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t${space}>${encodeCellText(v)}</${prefix}t></${prefix}is></${prefix}c>`;
}

interface Located {
  row: number;
  col: number;
}

/** Row number of a row element (rows without r follow the previous one, §18.3.1.73). */
function rowNumbers(rows: ElementSpan[]): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const r of rows) {
    const n = Number(getAttr(r.tag, "r") ?? prev + 1);
    out.push(n);
    prev = n;
  }
  return out;
}

function cellPositions(xml: string, row: ElementSpan): { span: ElementSpan; col: number }[] {
  if (row.selfClosing) return [];
  let prev = -1;
  return childElements(xml, row.contentStart, row.contentEnd, "c").map((span) => {
    const ref = getAttr(span.tag, "r");
    const col = ref ? (parseA1(ref)?.col ?? prev + 1) : prev + 1;
    prev = col;
    return { span, col };
  });
}

/**
 * The <row> elements of sheetData, found without parsing the cells inside them (rows do not
 * nest, and nothing but rows is a child of sheetData: ECMA-376 Part 1, §18.3.1.80): on a
 * 50k-row sheet, walking every cell's tags costs seconds.
 */
function rowElements(xml: string, sheetData: ElementSpan, prefix: string): ElementSpan[] {
  const out: ElementSpan[] = [];
  const open = new RegExp(`<${prefix.replace(/[.]/g, "\\.")}row(?=[\\s/>])[^>]*>`, "g");
  const close = `</${prefix}row>`;
  open.lastIndex = sheetData.contentStart;
  for (let m = open.exec(xml); m && m.index < sheetData.contentEnd; m = open.exec(xml)) {
    const tag = m[0];
    const contentStart = m.index + tag.length;
    if (tag.endsWith("/>")) {
      out.push({ start: m.index, end: contentStart, tag, contentStart, contentEnd: contentStart, name: "row", selfClosing: true });
      continue;
    }
    const contentEnd = xml.indexOf(close, contentStart);
    if (contentEnd < 0) break;
    out.push({ start: m.index, end: contentEnd + close.length, tag, contentStart, contentEnd, name: "row", selfClosing: false });
    open.lastIndex = contentEnd + close.length;
  }
  return out;
}

/**
 * Applies the patches to a worksheet part's text; returns the new text. A patch on a cell
 * that holds a formula throws FormulaCellError (the plan never asks for it).
 */
export function patchSheetCells(xml: string, patches: CellPatch[], styles: StyleSheet): string {
  const byRow = new Map<number, { p: CellPatch; at: Located }[]>();
  for (const p of patches) {
    const a = parseA1(p.cell);
    if (!a) continue;
    const list = byRow.get(a.row + 1) ?? [];
    list.push({ p, at: a });
    byRow.set(a.row + 1, list);
  }
  if (!byRow.size) return xml;
  const sheetData = findElement(xml, "sheetData");
  if (!sheetData) throw new Error("sheetData mancante");
  const prefix = prefixOf(sheetData.tag);
  const rows = sheetData.selfClosing ? [] : rowElements(xml, sheetData, prefix);
  const numbers = rowNumbers(rows);
  const indexOfRow = new Map<number, number>();
  numbers.forEach((n, i) => {
    if (!indexOfRow.has(n)) indexOfRow.set(n, i);
  });
  // Every edit is located in the original text and the result is assembled once: a
  // splice per row would copy the whole part for each (quadratic on a 50k-row sheet).
  const edits: { start: number; end: number; text: string; order: number }[] = [];
  let sd = sheetData;
  if (sd.selfClosing) {
    const open = sd.tag.replace(/\s*\/>$/, ">");
    edits.push({ start: sd.start, end: sd.end, text: `${open}</${prefix}sheetData>`, order: 0 });
    sd = { ...sd, contentEnd: sd.end, selfClosing: false };
  }
  const wanted = [...byRow.keys()].sort((a, b) => a - b);
  for (const rowNo of wanted) {
    const list = byRow.get(rowNo)!.sort((a, b) => b.at.col - a.at.col);
    const i = indexOfRow.get(rowNo) ?? -1;
    if (i < 0) {
      // A new row, placed before the first row with a higher number.
      const cells = [...list].reverse().map(({ p, at }) => cellXml(prefix, columnLetters(at.col) + rowNo, newCellStyle(styles, 0, p), p));
      const next = numbers.findIndex((n) => n > rowNo);
      const at = next >= 0 ? rows[next].start : sd.contentEnd;
      const text = `<${prefix}row r="${rowNo}">${cells.join("")}</${prefix}row>`;
      // Inside a self-closing sheetData, the new rows go into its replacement text.
      if (sd !== sheetData && next < 0) edits[0].text = edits[0].text.replace(new RegExp(`</${prefix}sheetData>$`), `${text}</${prefix}sheetData>`);
      else edits.push({ start: at, end: at, text, order: 0 });
      continue;
    }
    const row = rows[i];
    const close = `</${prefix}row>`;
    const openTag = row.selfClosing ? row.tag.replace(/\s*\/>$/, ">") : row.tag;
    let rowText = row.selfClosing ? openTag + close : xml.slice(row.start, row.end);
    const closeLen = row.selfClosing ? close.length : row.end - row.contentEnd;
    const local: ElementSpan = { ...row, tag: openTag, selfClosing: false, start: 0, end: rowText.length, contentStart: openTag.length, contentEnd: rowText.length - closeLen };
    const rowStyle = getAttr(row.tag, "customFormat") === "1" ? Number(getAttr(row.tag, "s") ?? "0") : 0;
    for (const { p, at } of list) {
      const cells = cellPositions(rowText, local);
      const found = cells.find((c) => c.col === at.col);
      const ref = columnLetters(at.col) + rowNo;
      if (found) {
        const whole = rowText.slice(found.span.start, found.span.end);
        if (findElement(whole, "f")) throw new FormulaCellError(ref);
        const s = Number(getAttr(found.span.tag, "s") ?? "0");
        rowText = splice(rowText, found.span.start, found.span.end, cellXml(prefixOf(found.span.tag), ref, newCellStyle(styles, s, p), p));
      } else {
        const next = cells.find((c) => c.col > at.col);
        const pos = next ? next.span.start : local.contentEnd;
        rowText = splice(rowText, pos, pos, cellXml(prefix, ref, newCellStyle(styles, rowStyle, p), p));
      }
      local.end = rowText.length;
      local.contentEnd = rowText.length - closeLen;
    }
    // Spans hint ("1:9") may no longer cover the row's cells: it is optional, so drop it when wrong.
    const spans = getAttr(row.tag, "spans");
    if (spans) {
      const [lo, hi] = spans.split(":").map(Number);
      const cols = list.map((x) => x.at.col + 1);
      if (cols.some((c) => c < lo || c > hi)) rowText = removeAttr(openTag, "spans") + rowText.slice(openTag.length);
    }
    edits.push({ start: row.start, end: row.end, text: rowText, order: 1 });
  }
  // In text order; at one offset, new rows (ascending, as pushed) before the row found there.
  edits.sort((a, b) => a.start - b.start || a.order - b.order);
  const pieces: string[] = [];
  let pos = 0;
  for (const e of edits) {
    pieces.push(xml.slice(pos, e.start), e.text);
    pos = e.end;
  }
  pieces.push(xml.slice(pos));
  const out = pieces.join("");
  return growDimension(out, patches);
}

function newCellStyle(styles: StyleSheet, s: number, p: CellPatch): number {
  if (p.numberFormat === undefined) return s;
  if (p.keepPercentFormat && styles.cellFormat(s).includes("%")) return s;
  return styles.cellStyleWithFormat(s, p.numberFormat);
}

/** Widens <dimension ref> to cover the written cells. */
function growDimension(xml: string, patches: CellPatch[]): string {
  const dim = findElement(xml, "dimension");
  if (!dim) return xml;
  const ref = getAttr(dim.tag, "ref") ?? "";
  const [a, b] = ref.split(":");
  const p1 = parseA1(a ?? "");
  const p2 = parseA1(b ?? a ?? "");
  if (!p1 || !p2) return xml;
  let top = Math.min(p1.row, p2.row);
  let bottom = Math.max(p1.row, p2.row);
  let left = Math.min(p1.col, p2.col);
  let right = Math.max(p1.col, p2.col);
  for (const p of patches) {
    const q = parseA1(p.cell);
    if (!q) continue;
    top = Math.min(top, q.row);
    bottom = Math.max(bottom, q.row);
    left = Math.min(left, q.col);
    right = Math.max(right, q.col);
  }
  const next = top === bottom && left === right ? `${columnLetters(left)}${top + 1}` : `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`;
  if (next === ref) return xml;
  return splice(xml, dim.start, dim.start + dim.tag.length, setAttr(dim.tag, "ref", next));
}
