// What one cell holds, as the Office.js layer reads and restores it: value, formula and
// number format. Pure helpers (no Excel calls), shared by reading, writing and restoring.
import type { CellValue } from "../core/types";
import { ERROR_CODES, type CellContent } from "../core/reader/backup";

// The cell-content codec and the error codes are the backup's (src/core/reader/backup.ts): one source.
export { cellKey, decodeContent, encodeContent, ERROR_CODES, type CellContent } from "../core/reader/backup";

/** The same in an Italian Excel, as range.values shows them. */
const ITALIAN_ERRORS: Record<string, string> = {
  "#NULLO!": "#NULL!",
  "#VALORE!": "#VALUE!",
  "#RIF!": "#REF!",
  "#NOME?": "#NAME?",
  "#N/D": "#N/A",
  "#RECUPERO_DATI": "#GETTING_DATA",
  "#ESPANSIONE!": "#SPILL!",
  "#OCCUPATO!": "#BUSY!",
  "#CAMPO!": "#FIELD!",
  "#BLOCCATO!": "#BLOCKED!",
  "#CONNETTI!": "#CONNECT!",
  "#SCONOSCIUTO!": "#UNKNOWN!",
};

/**
 * The English code of an error cell's value, whatever the display language. Excel says a
 * cell is an error through range.valueTypes ("Error"); its text is localised (an Italian
 * Excel gives "#N/D"). A language not listed here still reads as an error (#VALUE!).
 */
export function errorCode(shown: unknown): string {
  const s = typeof shown === "string" ? shown.trim().toUpperCase() : "";
  if (ERROR_CODES.includes(s)) return s;
  return ITALIAN_ERRORS[s] ?? "#VALUE!";
}

/**
 * Office.js `range.formulas` gives the formula of a formula cell and the constant of any
 * other cell — so a text cell holding "=abc" also reads "=abc". It is a formula only when
 * it starts with "=" and is not that same text as the value.
 */
export function formulaOf(value: unknown, formula: unknown): string | null {
  if (typeof formula !== "string" || !formula.startsWith("=")) return null;
  if (typeof value === "string" && value === formula) return null;
  return formula;
}

export function sameValue(a: CellValue, b: CellValue, tolerance = 1e-9): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= tolerance;
  return (a ?? "") === (b ?? "");
}

export function sameContent(a: CellContent, b: CellContent): boolean {
  return sameValue(a.value, b.value) && (a.formula ?? null) === (b.formula ?? null) && a.numberFormat === b.numberFormat && (a.error === true) === (b.error === true);
}

/**
 * Whether Excel would read this text as something else when typed into a cell that is not
 * formatted as text: a formula (= + - @), a number, a date, a percentage, a boolean, an
 * error value, or a leading apostrophe that would be swallowed. Such text is written with
 * an apostrophe in front, which Excel keeps as "this is text".
 */
export function needsTextGuard(s: string): boolean {
  if (s === "") return false;
  if (/^[=+\-@']/.test(s)) return true;
  if (/\d/.test(s)) return true;
  if (/^\s*(true|false|vero|falso)\s*$/i.test(s)) return true;
  if (/^\s*#/.test(s)) return true;
  return false;
}

/** The input to put in `range.values` so that the cell ends up holding `value` exactly. */
export function inputFor(value: CellValue, numberFormat: string): CellValue {
  if (typeof value !== "string") return value ?? "";
  if (numberFormat === "@") return value;
  return needsTextGuard(value) ? `'${value}` : value;
}

/** Bytes a value adds to a request once serialised (UTF-8 JSON), for the 5 MB limit. */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x ?? null);
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) n += c > 0x7ff ? 2 : 1;
  }
  return n;
}
