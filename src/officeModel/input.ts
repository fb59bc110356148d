// How Excel (en-US) takes a string written through range.values / range.formulas.
import { isValidYmd, serialFromYmd } from "../core/dates";
import { FakeOfficeError } from "./errors";
import type { FakeCell } from "./data";
import type { FakeExcel } from "./excel";

export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!"];

/** How an Italian Excel shows the error values (range.values and range.text give the
 *  display language's names; range.valueTypes says "Error" whatever the language). */
export const ITALIAN_ERRORS: Record<string, string> = {
  "#NULL!": "#NULLO!",
  "#DIV/0!": "#DIV/0!",
  "#VALUE!": "#VALORE!",
  "#REF!": "#RIF!",
  "#NAME?": "#NOME?",
  "#NUM!": "#NUM!",
  "#N/A": "#N/D",
  "#GETTING_DATA": "#RECUPERO_DATI",
  "#SPILL!": "#ESPANSIONE!",
  "#CALC!": "#CALC!",
  "#BUSY!": "#OCCUPATO!",
};

/** An error cell: an error value that is not text (no apostrophe, no "@" format). */
export function isErrorCell(cell: FakeCell): boolean {
  if (cell.error !== undefined) return cell.error;
  return typeof cell.value === "string" && ERROR_VALUES.includes(cell.value) && !cell.quotePrefix && cell.numberFormat !== "@";
}

/** Applies one entry of `range.values` or `range.formulas` to a cell: Excel takes both as if typed. */
export function enterInput(excel: FakeExcel, cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell unchanged, as in Office.js
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", "Non-finite number.");
    Object.assign(cell, { value: input, formula: null, quotePrefix: false, error: undefined });
    return;
  }
  if (typeof input === "boolean") {
    Object.assign(cell, { value: input, formula: null, quotePrefix: false, error: undefined });
    return;
  }
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `Unsupported value type: ${typeof input}`);
  const s = input;
  if (s === "") {
    Object.assign(cell, { value: "", formula: null, quotePrefix: false, error: undefined });
    return;
  }
  if (cell.numberFormat === "@") {
    // Text, even if it reads like an error value and the cell's format changes later.
    Object.assign(cell, { value: s, formula: null, quotePrefix: false, error: ERROR_VALUES.includes(s.toUpperCase()) ? false : undefined });
    return;
  }
  if (s.startsWith("'")) {
    Object.assign(cell, { value: s.slice(1), formula: null, quotePrefix: true, error: undefined });
    return;
  }
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) {
    Object.assign(cell, { value: Number(s), formula: null, quotePrefix: false, error: undefined });
    return;
  }
  // "47%" is a number (0.47); a General cell takes a percent format, as in Excel.
  const percent = /^([+-]?\d+(?:\.(\d+))?)%$/.exec(s);
  if (percent) {
    const numberFormat = cell.numberFormat === "General" ? (percent[2] ? "0.00%" : "0%") : cell.numberFormat;
    Object.assign(cell, { value: Number(percent[1]) / 100, formula: null, numberFormat, quotePrefix: false, error: undefined });
    return;
  }
  // An ISO date ("2022-06-30") is a date serial in any locale. Day-first dates and
  // decimal commas ("30/06/2022", "12,5") depend on the locale: they stay text here
  // ("1.500" is en-US 1.5, taken by the number rule above).
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso && isValidYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]))) {
    const numberFormat = cell.numberFormat === "General" ? "yyyy-mm-dd" : cell.numberFormat;
    Object.assign(cell, { value: serialFromYmd(Number(iso[1]), Number(iso[2]), Number(iso[3])), formula: null, numberFormat, quotePrefix: false, error: undefined });
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    Object.assign(cell, { value: /^true$/i.test(s), formula: null, quotePrefix: false, error: undefined });
    return;
  }
  if (/^[=+\-@]/.test(s) && s.length > 1) {
    const formula = s.startsWith("=") ? s : `=${s}`;
    Object.assign(cell, { value: excel.evaluateFormula(formula), formula, quotePrefix: false, error: undefined });
    return;
  }
  Object.assign(cell, { value: ERROR_VALUES.includes(s.toUpperCase()) ? s.toUpperCase() : s, formula: null, quotePrefix: false, error: undefined });
}
