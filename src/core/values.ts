// Turns what users' cells hold into typed values: Office.js-typed cells (numbers,
// fractions with a % format, date serials with a date format, booleans) and the
// Italian text of printed plans ("5.441", "12,5%", "30/06/2022", "si", "n.d.").
// Never throws: anything else is an `unreadable` value carrying its reason.
import type { CellInput, CellValue, Operator, Value } from "./types";
import { expandYear, isValidYmd, serialFromYmd } from "./dates";
import { REASONS } from "../messages/engine";

const BLANK: Value = Object.freeze({ kind: "blank" }) as Value;
const NA: Value = Object.freeze({ kind: "na" }) as Value;
const TRUE: Value = Object.freeze({ kind: "bool", value: true }) as Value;
const FALSE: Value = Object.freeze({ kind: "bool", value: false }) as Value;

const formatKinds = new Map<string, "date" | "percent" | "number">();

/** What an Excel number format makes of a number: a date, a percentage or a plain number. */
export function formatKind(format: string | undefined): "date" | "percent" | "number" {
  if (!format || format === "General") return "number";
  let kind = formatKinds.get(format);
  if (kind === undefined) {
    // Drop quoted literals, escapes and [colour]/[$-locale] sections before looking at tokens.
    const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").split(";")[0];
    if (bare.includes("%")) kind = "percent";
    else if (/[dy]/i.test(bare) || /m/i.test(bare.replace(/[hs]:?m+|m+:?s/gi, ""))) kind = "date";
    else kind = "number";
    formatKinds.set(format, kind);
  }
  return kind;
}

/** Parses one cell as Office.js hands it over. */
export function parseValue(cell: CellInput): Value {
  return parseCellValue(cell.value, cell.format);
}

export function parseCellValue(v: CellValue | undefined, format?: string): Value {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return unreadable(String(v), REASONS.notFinite);
    const kind = formatKind(format);
    if (kind === "date") return { kind: "date", serial: v };
    return { kind: "number", value: v, percent: kind === "percent" };
  }
  if (typeof v === "string") return parseText(v);
  if (typeof v === "boolean") return v ? TRUE : FALSE;
  return BLANK;
}

function unreadable(text: string, reason: string): Value {
  return { kind: "unreadable", text, reason };
}

const ERROR_RE = /^#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;
const NA_RE = /^(?:n\s*[./]?\s*d\.?|n\s*[./]?\s*a\.?|non disponibile)$/i;
const DATE_RE = /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})$/;
const RANGE_RE = /^dal\s+.+?\s+al\s+(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./\s-]\s*(\d{2}|\d{4})$/i;
const TIME_RE = /^\d{1,2}:\d{2}(?::\d{2})?$/;
const PLAIN_INT_RE = /^[+-]?\d+$/;

/** Parses Italian text. */
export function parseText(raw: string): Value {
  const s = raw.trim();
  if (s === "") return BLANK;
  // Fast path: plain integers are the commonest text in a plan.
  if (s.length < 16 && PLAIN_INT_RE.test(s)) return { kind: "number", value: Number(s), percent: false };
  const c0 = s.charCodeAt(0);
  if (c0 === 35 /* # */) {
    return ERROR_RE.test(s) ? { kind: "error", code: s.toUpperCase() } : unreadable(raw, REASONS.notRecognised);
  }
  // si/no and n.d. begin with a letter: numbers and dates (a digit first) skip those checks.
  if (c0 < 48 || c0 > 57) {
    const lower = s.toLowerCase();
    if (lower === "si" || lower === "sì" || lower === "sí" || lower === "si'") return TRUE;
    if (lower === "no") return FALSE;
    if (NA_RE.test(lower)) return NA;
  }
  const n = parseItalianNumber(s);
  if (n !== null) return n;
  const d = parseItalianDate(s);
  if (d !== null) return d;
  const r = RANGE_RE.exec(s);
  if (r) return dateOrUnreadable(raw, +r[3], r[3].length, +r[2], +r[1]);
  if (TIME_RE.test(s)) return unreadable(raw, REASONS.looksLikeTime);
  return unreadable(raw, REASONS.notRecognised);
}

function parseItalianDate(s: string): Value | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  return dateOrUnreadable(s, +m[4], m[4].length, +m[3], +m[1]);
}

function dateOrUnreadable(raw: string, y: number, digits: number, m: number, d: number): Value {
  const year = expandYear(y, digits);
  if (!isValidYmd(year, m, d)) return unreadable(raw, REASONS.invalidDate);
  return { kind: "date", serial: serialFromYmd(year, m, d) };
}

const NUMBER_RE = /^([+-])?\s*(?:€\s*)?([\d.,\s']+?)\s*(%)?\s*(?:€|euro)?$/i;

/**
 * Italian numbers: "." groups thousands and "," marks decimals ("7.176.385", "161.000,0",
 * "0,6"); a lone "." followed by other than three digits is taken as a decimal point,
 * since a plan never groups fewer than four digits; nor does a group start with 0, so
 * "0.125" is 0,125 (never 125).
 */
const CANONICAL_RE = /^([+-]?)([1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(\d+))?(%?)$/;

export function parseItalianNumber(s: string): Value | null {
  // Fast path: the canonical Italian spelling ("7.780.000", "12,5%", "0,6").
  const c = CANONICAL_RE.exec(s);
  if (c) {
    const intPart = c[2].length > 3 ? c[2].replace(/\./g, "") : c[2];
    let value = Number(c[3] === undefined ? intPart : intPart + "." + c[3]);
    if (c[1] === "-") value = -value;
    return c[4] ? { kind: "number", value: value / 100, percent: true } : { kind: "number", value, percent: false };
  }
  const m = NUMBER_RE.exec(s);
  if (!m) return null;
  let body = m[2].replace(/[\s']/g, "");
  if (!/\d/.test(body)) return null;
  const commas = body.split(",").length - 1;
  const dots = body.split(".").length - 1;
  if (commas > 1) return null;
  if (commas === 1) {
    const [intPart, dec] = body.split(",");
    if (dots > 0 && !/^[1-9]\d{0,2}(?:\.\d{3})+$/.test(intPart)) return null;
    if (!/^\d*$/.test(dec)) return null;
    body = intPart.replace(/\./g, "") + "." + dec;
  } else if (dots > 1) {
    if (!/^[1-9]\d{0,2}(?:\.\d{3})+$/.test(body)) return null;
    body = body.replace(/\./g, "");
  } else if (dots === 1 && /^[1-9]\d{0,2}\.\d{3}$/.test(body)) {
    body = body.replace(".", "");
  }
  if (!/^\d*\.?\d*$/.test(body) || body === ".") return null;
  let value = Number(body);
  if (!Number.isFinite(value)) return null;
  if (m[1] === "-") value = -value;
  const percent = m[3] === "%";
  return { kind: "number", value: percent ? value / 100 : value, percent };
}

const OPERATOR_RE = /^(>=|<=|=>|=<|≥|≤|==|=|>|<)\s*/;

/** ">=", "≥", "=>" … → the three operators the plans use; null when not an operator. */
export function parseOperator(text: CellValue | undefined): Operator | null {
  if (text === ">=" || text === "<=" || text === "=") return text;
  if (typeof text !== "string") return null;
  const s = text.trim();
  const m = OPERATOR_RE.exec(s);
  if (!m || m[0].length !== s.length) return null;
  return normaliseOperator(m[1]);
}

function normaliseOperator(op: string): Operator {
  if (op === ">=" || op === "=>" || op === "≥" || op === ">") return ">=";
  if (op === "<=" || op === "=<" || op === "≤" || op === "<") return "<=";
  return "=";
}

/** A target cell may carry its operator: ">= 60", "= si", "<=  31.03.2022". */
export function splitOperator(cell: CellInput): { operator: Operator | null; value: Value } {
  const v = cell.value;
  if (typeof v === "string") {
    const s = v.trim();
    const m = OPERATOR_RE.exec(s);
    if (m) return { operator: normaliseOperator(m[1]), value: parseText(s.slice(m[0].length)) };
  }
  return { operator: null, value: parseValue(cell) };
}

/** Short Italian rendering of a value for messages ("n.d.", "si", "30/06/2022"). */
export function isBlankCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const AMBIGUOUS_RE = /^\s*[+-]?\s*[1-9]\d{0,2}\.\d{3}\s*(%?)\s*$/;

/**
 * "12.345" reads as 12345 (a thousands group, the Italian way) but would be 12,345 with a
 * decimal point: both readings, when a text is of that shape (one dot, three digits after
 * it, no comma). The reader warns when other values in the same column use a decimal comma.
 */
export function ambiguousGrouping(text: string): { thousands: number; decimal: number; percent: boolean } | null {
  const m = AMBIGUOUS_RE.exec(text);
  if (!m) return null;
  const plain = text.replace(/[\s%]/g, "");
  const decimal = Number(plain);
  const thousands = Number(plain.replace(".", ""));
  const percent = m[1] === "%";
  return percent ? { thousands: thousands / 100, decimal: decimal / 100, percent } : { thousands, decimal, percent };
}

/** A text with a decimal comma ("7,5", "0,6", "12,5%"). */
export function hasDecimalComma(text: string): boolean {
  return /\d,\d/.test(text) && parseText(text).kind === "number";
}
