// A Stato, Target or Peso as the workbook shows it: text as typed; otherwise the engine's Italian notation, with the
// fixed decimals of the cell's number format ("0.0" → "6,0", "0.0%" → "30,0%"), as the
// published document prints the cell.
import type { CellInput, Value } from "../types";
import { formatDate, formatNumber, formatPercent } from "../format";
import { describeValue } from "../rules";

/** Fixed decimals of a number format ("0.00%" → 2, "#,##0.0" → 1, "General" → null). */
export function formatDecimals(format: string | undefined): number | null {
  if (!format || format === "General" || format === "@") return null;
  const m = /0[.,](0+)/.exec(format);
  return m ? m[1].length : /0/.test(format) ? 0 : null;
}

function padDecimals(text: string, digits: number): string {
  if (digits <= 0) return text;
  const m = /^(-?[\d.]+)(?:,(\d*))?(.*)$/.exec(text);
  if (!m) return text;
  return `${m[1]},${(m[2] ?? "").padEnd(digits, "0")}${m[3]}`;
}

/** A date in the cell's own day-month-year pattern ("dd.mm.yyyy" → "30.03.2022"), else dd/mm/yyyy. */
function shownDate(serial: number, format: string | undefined): string {
  const m = /d{1,2}([./-])m{1,2}\1(y{2,4})/i.exec(format ?? "");
  const text = formatDate(serial);
  if (!m) return text;
  const [d, mo, y] = text.split("/");
  return [d, mo, m[2].length === 2 ? y.slice(-2) : y].join(m[1]);
}

export function shownValue(v: Value, cell?: CellInput): string {
  // Text typed in the cell is printed as typed ("dal 28.10 al 14.11 2022", "5.441").
  if (typeof cell?.value === "string" && cell.value.trim() !== "") return cell.value.trim();
  if (v.kind === "date") return shownDate(v.serial, cell?.format);
  if (v.kind !== "number") return describeValue(v);
  const digits = formatDecimals(cell?.format);
  if (digits === null || typeof cell?.value !== "number") return describeValue(v);
  if (v.percent) return padDecimals(formatPercent(v.value, digits), digits);
  return padDecimals(formatNumber(v.value, digits), digits);
}

/** A weight (fraction) with the decimals of its cell's format. */
export function shownWeight(weight: number, cell?: CellInput): string {
  const digits = formatDecimals(cell?.format);
  return digits === null ? formatPercent(weight) : padDecimals(formatPercent(weight, digits), digits);
}
