// How Excel (en-US) takes a string written through range.values / range.formulas.
import { isValidYmd, serialFromYmd } from "../../../src/core/dates";
import { FakeOfficeError } from "./errors";
import type { FakeCell } from "./data";
import type { FakeExcel } from "./excel";

export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!"];

/** Applies one entry of `range.values` or `range.formulas` to a cell: Excel takes both as if typed. */
export function enterInput(excel: FakeExcel, cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell unchanged, as in Office.js
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", "Non-finite number.");
    Object.assign(cell, { value: input, formula: null, quotePrefix: false });
    return;
  }
  if (typeof input === "boolean") {
    Object.assign(cell, { value: input, formula: null, quotePrefix: false });
    return;
  }
  if (typeof input !== "string") throw new FakeOfficeError("InvalidArgument", `Unsupported value type: ${typeof input}`);
  const s = input;
  if (s === "") {
    Object.assign(cell, { value: "", formula: null, quotePrefix: false });
    return;
  }
  if (cell.numberFormat === "@") {
    Object.assign(cell, { value: s, formula: null, quotePrefix: false });
    return;
  }
  if (s.startsWith("'")) {
    Object.assign(cell, { value: s.slice(1), formula: null, quotePrefix: true });
    return;
  }
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s)) {
    Object.assign(cell, { value: Number(s), formula: null, quotePrefix: false });
    return;
  }
  // "47%" is a number (0.47); a General cell takes a percent format, as in Excel.
  const percent = /^([+-]?\d+(?:\.(\d+))?)%$/.exec(s);
  if (percent) {
    const numberFormat = cell.numberFormat === "General" ? (percent[2] ? "0.00%" : "0%") : cell.numberFormat;
    Object.assign(cell, { value: Number(percent[1]) / 100, formula: null, numberFormat, quotePrefix: false });
    return;
  }
  // An ISO date ("2022-06-30") is a date serial in any locale. Day-first dates and
  // decimal commas ("30/06/2022", "12,5") depend on the locale: they stay text here
  // ("1.500" is en-US 1.5, taken by the number rule above).
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso && isValidYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]))) {
    const numberFormat = cell.numberFormat === "General" ? "yyyy-mm-dd" : cell.numberFormat;
    Object.assign(cell, { value: serialFromYmd(Number(iso[1]), Number(iso[2]), Number(iso[3])), formula: null, numberFormat, quotePrefix: false });
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    Object.assign(cell, { value: /^true$/i.test(s), formula: null, quotePrefix: false });
    return;
  }
  if (/^[=+\-@]/.test(s) && s.length > 1) {
    const formula = s.startsWith("=") ? s : `=${s}`;
    Object.assign(cell, { value: excel.evaluateFormula(formula), formula, quotePrefix: false });
    return;
  }
  Object.assign(cell, { value: ERROR_VALUES.includes(s.toUpperCase()) ? s.toUpperCase() : s, formula: null, quotePrefix: false });
}
