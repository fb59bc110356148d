// The open-data CSV: one row per indicator with its objective's fields, Stato, Target,
// the scoring rule, the performance, the weight and the objective's performance. Pure.
//
// Conventions, after AgID «Linee Guida recanti regole tecniche per l'apertura dei dati e
// il riutilizzo dell'informazione del settore pubblico» (2023, Allegato B: CSV as in
// RFC 4180, comma separator, one table per file, one header row, no title or blank rows,
// units in the column names) — which replaced the 2017 «Linee guida per la valorizzazione
// del patrimonio informativo pubblico»:
// - UTF-8 without BOM (RFC 4180 / W3C tabular data; a BOM becomes part of the first column
//   name for many parsers); CRLF line ends; fields quoted with " only when they contain a
//   comma, a quote or a line break, quotes doubled;
// - numbers in machine form: "." as decimal separator (the comma is the field separator),
//   no thousands separator, no % or € sign (the unit is in the column name); dates ISO 8601;
// - text can never become a formula when the file is opened in a spreadsheet: a text cell
//   beginning with =, +, -, @, tab or carriage return is prefixed with an apostrophe
//   (OWASP «CSV Injection»). Operators are written in words for the same reason.
import type { IndicatorResult, ObjectiveResult, PlanResult, Value } from "../types";
import type { Policy } from "../policy";
import { isDateUnit } from "../rules";
import { ymdFromSerial } from "../dates";
import { OPEN_DATA } from "../../messages/document";
import { RULE_NAMES } from "../../messages/engine";
import { SETTINGS } from "../../messages/workbook";

export const CSV_SEPARATOR = ",";
export const CSV_LINE_END = "\r\n";

/** First characters that make a spreadsheet read a cell as a formula (OWASP CSV Injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that cannot become a formula: an apostrophe before a formula-like start. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number in machine form: "." decimals, at most `digits`, trailing zeros trimmed, never exponent notation. */
export function csvNumber(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "";
  // toFixed switches to exponent notation from 1e21: such a number is an integer anyway.
  if (Math.abs(x) >= 1e21) return BigInt(x).toString();
  const fixed = x.toFixed(digits);
  const trimmed = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  return trimmed === "-0" ? "0" : trimmed;
}

const pctNumber = (fraction: number | null | undefined) => (fraction === null || fraction === undefined ? "" : csvNumber(fraction * 100));

function isoDate(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A Stato or Target value in machine form; percentages as points (the UdM column says "%"). */
function valueText(v: Value, unit: string | undefined): string {
  switch (v.kind) {
    case "number":
      if (isDateUnit(unit) && !v.percent && v.value > 0) return isoDate(v.value);
      return v.percent ? csvNumber(v.value * 100) : csvNumber(v.value);
    case "date":
      return isoDate(v.serial);
    case "bool":
      return v.value ? OPEN_DATA.yes : OPEN_DATA.no;
    case "na":
      return OPEN_DATA.notAvailable;
    case "blank":
      return "";
    case "error":
      return v.code;
    case "unreadable":
      // The user's text as typed: neutralised. Numbers above are written by us (a negative
      // number such as -0.05 is a number for every spreadsheet, not a formula).
      return neutralizeFormula(v.text);
  }
}

const OPERATOR_WORDS = { ">=": "maggiore o uguale", "<=": "minore o uguale", "=": "uguale" } as const;

/** The scoring rule of this indicator, with the names the «Regola» column and the settings use. */
export function ruleLabel(i: IndicatorResult, unit: string | undefined, policy: Policy): string {
  if (i.rule) return i.rule;
  if (!i.operator) return "";
  const dateTarget = i.target.kind === "date" || (isDateUnit(unit) && i.target.kind === "number" && !i.target.percent);
  if (dateTarget) return policy.dateRule === "daysLate" ? RULE_NAMES.daysLate : SETTINGS.values[policy.dateRule];
  if (i.target.kind === "bool" || i.operator === "=") return RULE_NAMES.allOrNothing;
  return i.operator === ">=" ? RULE_NAMES.ratio : RULE_NAMES[policy.rules["<="]];
}

export interface CsvInput {
  result: PlanResult;
  policy: Policy;
  year?: number;
}

/** The rows (header first) as plain strings, before quoting: what a reader gets back. */
export function indicatorRows(input: CsvInput): string[][] {
  const year = input.year ?? input.result.year;
  const rows: string[][] = [[...OPEN_DATA.columns]];
  const text = (s: string | undefined) => neutralizeFormula((s ?? "").trim());
  for (const o of input.result.objectives) rows.push(...objectiveRows(o, year, input.policy, text));
  return rows;
}

function objectiveRows(o: ObjectiveResult, year: number | undefined, policy: Policy, text: (s: string | undefined) => string): string[][] {
  const i = o.input;
  return o.indicators.map((ind, k) => {
    const src = i.indicators[k];
    return [
      year === undefined ? "" : String(year),
      text(o.sheet),
      text(i.missione),
      text(i.programma),
      text(i.ambitoStrategico),
      text(i.obiettivoStrategico),
      text(o.name),
      text(i.areaResponsabilita),
      text(i.ufficio),
      o.resources === null ? "" : csvNumber(o.resources, 2),
      o.internalResources ? OPEN_DATA.yes : OPEN_DATA.no,
      String(ind.row),
      text(ind.name),
      text(src?.algorithm),
      text(src?.type),
      text(src?.unit),
      valueText(ind.actual, src?.unit),
      ind.operator ? OPERATOR_WORDS[ind.operator] : "",
      valueText(ind.target, src?.unit),
      ruleLabel(ind, src?.unit, policy),
      pctNumber(ind.performance),
      pctNumber(ind.weight),
      pctNumber(o.performance),
    ];
  });
}

/** The whole file as a string (UTF-8 without BOM when encoded; see the header comment). */
export function indicatorCsv(input: CsvInput): string {
  return indicatorRows(input).map((r) => r.map(csvField).join(CSV_SEPARATOR)).join(CSV_LINE_END) + CSV_LINE_END;
}

export const CSV_MIME = "text/csv;charset=utf-8";
