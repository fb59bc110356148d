// How the read-only grid shows a cell: roughly what Excel would display for the value
// and its number format (percent, date, euro, plain numbers), in Italian notation.
import type { CellValue } from "../core/types";
import { formatDate, formatEuro, formatNumber, formatPercent } from "../core/format";

const DATE_RE = /(^|[^"\\])[dmy]/i;

function decimals(format: string): number {
  const m = /0[.,](0+)/.exec(format);
  return m ? m[1].length : 0;
}

export function cellText(value: CellValue, format: string | undefined): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "VERO" : "FALSO";
  if (typeof value === "string") return value;
  const f = format ?? "General";
  if (f.includes("%")) return formatPercent(value, decimals(f));
  if (f.includes("€")) return formatEuro(value);
  if (f !== "General" && f !== "@" && DATE_RE.test(f.replace(/\[[^\]]*\]/g, ""))) return formatDate(value);
  return formatNumber(value, Number.isInteger(value) ? 0 : f === "General" ? 4 : decimals(f));
}
