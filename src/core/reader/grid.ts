// The cell model every adapter hands to the reader: what Office.js gives for a used
// range. ExcelJS (headless) and Office.js (in Excel) both produce exactly this.
import type { CellValue } from "../types";

/** A merged area, 0-based, inclusive, in sheet coordinates. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** 0-based sheet row/column of values[0][0] (the used range's top-left). */
  startRow: number;
  startCol: number;
  /** Office.js `range.values`: numbers, strings, booleans; "" when empty; dates as
   *  serials; percentages as fractions; errors as their strings ("#N/A"). Only the
   *  master cell of a merged area holds a value. */
  values: CellValue[][];
  /** Office.js `range.numberFormat`, same shape as values. */
  formats: string[][];
  /** Office.js `range.formulas` where a cell holds a formula ("=..."), else "" — same shape. */
  formulas?: string[][];
  merges: MergeArea[];
  /** True when the host could not report merged areas (Office.js before ExcelApi 1.13). */
  mergesUnknown?: boolean;
  /** Visible/hidden state is irrelevant to the reader; custom marks are not. */
  ownedBy?: OwnerMark;
  /** The sheet is hidden ("hidden") or very hidden ("veryHidden") in Excel; absent = visible. */
  hidden?: "hidden" | "veryHidden";
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** True when every sheet's `ownedBy` reflects the add-in's mark, so an unmarked sheet is the
   *  user's (the registry of the settings sheet cannot claim it). */
  marksRead?: boolean;
}

/** The add-in's mark on its own sheets: a worksheet custom property of this name (Office.js
 *  `worksheet.customProperties`; in the file, a Custom Property part of the sheet). */
export const OWNER_MARK_PROPERTY = "PianoPerformance";

/** What the mark says the sheet is. */
export type OwnerMark = "summary" | "settings" | "backup";

/** 0-based column index to letters: 0 → A, 27 → AB. */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row/column to an A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Column letters (any case) to a 0-based index: A → 0, AB → 27; -1 when they are not letters. */
export function columnNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) {
    const ch = letters.charCodeAt(i) | 32;
    if (ch < 97 || ch > 122) return -1;
    col = col * 26 + (ch - 96);
  }
  return letters.length ? col - 1 : -1;
}

const isAsciiLetter = (ch: number) => ((ch | 32) >= 97 && (ch | 32) <= 122);

/**
 * A1 address ("B7", "$B$7", any case, spaces around) to 0-based row/column; null when not an
 * A1 address (1–3 letters, 1–7 digits). Read character by character: the package reader
 * calls it for every cell of a sheet.
 */
export function parseA1(address: string): { row: number; col: number } | null {
  const first = address.charCodeAt(0);
  const last = address.charCodeAt(address.length - 1);
  const s = (isAsciiLetter(first) || first === 36) && last >= 48 && last <= 57 ? address : address.trim();
  let i = s.charCodeAt(0) === 36 ? 1 : 0;
  const lettersFrom = i;
  let col = 0;
  while (i < s.length && isAsciiLetter(s.charCodeAt(i))) col = col * 26 + ((s.charCodeAt(i++) | 32) - 96);
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return null;
  if (s.charCodeAt(i) === 36) i++;
  const digitsFrom = i;
  let row = 0;
  for (let ch = s.charCodeAt(i); ch >= 48 && ch <= 57; ch = s.charCodeAt(++i)) row = row * 10 + (ch - 48);
  const digits = i - digitsFrom;
  if (digits < 1 || digits > 7 || i !== s.length) return null;
  return { row: row - 1, col: col - 1 };
}
