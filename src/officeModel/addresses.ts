// A1 addresses and boxes of cells, as the fake's Excel resolves them.
import { a1, columnLetters, parseA1 } from "../core/reader/grid";
import { FakeOfficeError } from "./errors";
import type { MergeData, SheetData } from "./data";

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number), pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export const colLetters = columnLetters;
export const cellAddress = a1;

export function parseCell(a: string): { row: number; col: number } {
  const p = parseA1(a);
  if (!p) throw new FakeOfficeError("InvalidArgument", `Invalid cell address: ${a}`);
  return p;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "A1", "A1:C3", "Sheet1!A1:B2", "'My sheet'!A1" → sheet name (or null) + box. */
export function parseRangeAddress(address: string): { sheet: string | null; top: number; left: number; rows: number; cols: number } {
  let sheet: string | null = null;
  let rest = address.trim();
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [a, b] = rest.split(":");
  const p = parseCell(a);
  const q = b ? parseCell(b) : p;
  const top = Math.min(p.row, q.row), left = Math.min(p.col, q.col);
  return { sheet, top, left, rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

export interface Box {
  sheet: SheetData;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export function boxAddress(b: Box): string {
  const a = cellAddress(b.top, b.left);
  const z = cellAddress(b.top + b.rows - 1, b.left + b.cols - 1);
  return `${quoteSheet(b.sheet.name)}!${a === z ? a : `${a}:${z}`}`;
}

export function* boxCells(b: Box): Generator<[number, number]> {
  if (b.rows * b.cols > 4_000_000) {
    // A whole-sheet range: visit only the cells that exist.
    for (const key of [...b.sheet.cells.keys()]) {
      const [r, c] = key.split(",").map(Number);
      if (r >= b.top && r < b.top + b.rows && c >= b.left && c < b.left + b.cols) yield [r, c];
    }
    return;
  }
  for (let r = b.top; r < b.top + b.rows; r++) for (let c = b.left; c < b.left + b.cols; c++) yield [r, c];
}

export function intersects(b: Box, m: MergeData): boolean {
  return m.top <= b.top + b.rows - 1 && m.bottom >= b.top && m.left <= b.left + b.cols - 1 && m.right >= b.left;
}
