// Excel's limits on what a cell may hold (Microsoft: "Excel specifications and limits",
// support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
// 32,767 characters per cell. Text the add-in writes is cut to fit, visibly.
import { formatNumber } from "./format";

export const MAX_CELL_CHARS = 32_767;

/** `text` when it fits a cell; else its start, an ellipsis and how long the whole text was. */
export function fitCellText(text: string): { text: string; cut: boolean } {
  if (text.length <= MAX_CELL_CHARS) return { text, cut: false };
  const tail = `… [testo troncato: ${formatNumber(text.length, 0)} caratteri in tutto]`;
  let head = text.slice(0, MAX_CELL_CHARS - tail.length);
  // Never leave half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  return { text: head + tail, cut: true };
}
