// Loads rectangular blocks of cells (values, number formats, formulas) for any number of
// sheets in as few context.sync() calls as Excel's limits allow: all blocks are queued
// together and synced once; only when a response would pass Excel on the web's 5 MB limit
// are they split over more syncs. Tall ranges are read in row blocks (Microsoft's advice
// for large reads).
import type { CellValue } from "../core/types";
import { isResponseTooLarge } from "./errors";
import { errorCode } from "./cells";

export interface Box {
  sheet: string;
  /** 0-based sheet row/column of the top-left cell. */
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export interface BoxData extends Box {
  /** Error cells (range.valueTypes "Error") hold their English code ("#N/A") whatever the
   *  display language; see `errors`. */
  values: CellValue[][];
  /** True where the cell holds an error value (same shape as values; empty in valuesOnly reads). */
  errors: boolean[][];
  formats: string[][];
  /** Office.js `range.formulas` as read (constants included). */
  formulas: unknown[][];
}

/** Tuning: rows per block and cells per sync (values + types + formats + formulas ≈ 35 bytes a cell). */
export const READ_LIMITS = { rowsPerBlock: 5000, cellsPerSync: 120_000 };

interface Block extends Box {
  boxIndex: number;
}

function splitBox(box: Box, boxIndex: number, rowsPerBlock: number, cellsPerSync: number): Block[] {
  const out: Block[] = [];
  const rowsPer = Math.max(1, Math.min(rowsPerBlock, Math.floor(cellsPerSync / Math.max(1, box.cols)) || 1));
  for (let r = 0; r < box.rows; r += rowsPer) {
    out.push({ ...box, top: box.top + r, rows: Math.min(rowsPer, box.rows - r), boxIndex });
  }
  return out;
}

function groupBlocks(blocks: Block[], cellsPerSync: number): Block[][] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let cells = 0;
  for (const b of blocks) {
    const n = b.rows * b.cols;
    if (current.length > 0 && cells + n > cellsPerSync) {
      groups.push(current);
      current = [];
      cells = 0;
    }
    current.push(b);
    cells += n;
  }
  if (current.length) groups.push(current);
  return groups;
}

type Loaded = { values: CellValue[][]; formats: string[][]; formulas: unknown[][]; errors: boolean[][] };

/** Values with error cells as their English code (range.values gives the display language's). */
function normalised(values: CellValue[][], types: string[][]): { values: CellValue[][]; errors: boolean[][] } {
  const errors = types.map((row) => row.map((t) => t === "Error"));
  if (!errors.some((row) => row.includes(true))) return { values, errors };
  return { values: values.map((row, r) => row.map((v, c) => (errors[r][c] ? errorCode(v) : v))), errors };
}

export interface LoadOptions {
  onBlock?: (done: number, total: number) => void;
  /** Queued with the first sync, so a caller can load other things (protection, custom
   *  properties) without an extra round trip. */
  extra?: () => void;
  /** Values only (formats and formulas come back empty). */
  valuesOnly?: boolean;
  /** Cells per sync, for cells known to be large (long text). */
  cellsPerSync?: number;
}

/** Reads the boxes (cells in row-major matrices, like Office.js gives them). */
export async function loadBoxes(context: Excel.RequestContext, boxes: Box[], options: LoadOptions = {}): Promise<BoxData[]> {
  const { onBlock, extra, valuesOnly } = options;
  const cellsPerSync = options.cellsPerSync ?? READ_LIMITS.cellsPerSync;
  const blocks = boxes.flatMap((b, i) => splitBox(b, i, READ_LIMITS.rowsPerBlock, cellsPerSync));
  const results = new Map<Block, Loaded>();
  const queue = groupBlocks(blocks, cellsPerSync);
  let pendingExtra = extra;
  if (queue.length === 0 && pendingExtra) {
    pendingExtra();
    await context.sync();
    pendingExtra = undefined;
  }
  let done = 0;
  while (queue.length > 0) {
    const group = queue.shift() as Block[];
    const sheets = new Map<string, Excel.Worksheet>();
    const ranges = group.map((b) => {
      let ws = sheets.get(b.sheet);
      if (!ws) {
        ws = context.workbook.worksheets.getItem(b.sheet);
        sheets.set(b.sheet, ws);
      }
      const r = ws.getRangeByIndexes(b.top, b.left, b.rows, b.cols);
      r.load(valuesOnly ? ["values"] : ["values", "valueTypes", "numberFormat", "formulas"]);
      return r;
    });
    if (pendingExtra) pendingExtra();
    try {
      await context.sync();
    } catch (e) {
      if (!isResponseTooLarge(e)) throw e;
      // Too much for one response: halve the group (or the block) and try again.
      if (group.length > 1) {
        const mid = Math.ceil(group.length / 2);
        queue.unshift(group.slice(0, mid), group.slice(mid));
        continue;
      }
      const b = group[0];
      if (b.rows <= 1) throw e;
      const half = Math.ceil(b.rows / 2);
      queue.unshift([{ ...b, rows: half }], [{ ...b, top: b.top + half, rows: b.rows - half }]);
      continue;
    }
    pendingExtra = undefined;
    group.forEach((b, i) => {
      const r = ranges[i];
      if (valuesOnly) results.set(b, { values: r.values as CellValue[][], formats: [], formulas: [], errors: [] });
      else results.set(b, { ...normalised(r.values as CellValue[][], r.valueTypes as string[][]), formats: r.numberFormat as string[][], formulas: r.formulas as unknown[][] });
    });
    done += group.length;
    onBlock?.(done, done + queue.reduce((n, g) => n + g.length, 0));
  }
  // Reassemble each box from its blocks, in row order.
  const byBox = new Map<number, { block: Block; data: Loaded }[]>();
  for (const [block, data] of results) {
    const list = byBox.get(block.boxIndex) ?? [];
    list.push({ block, data });
    byBox.set(block.boxIndex, list);
  }
  return boxes.map((box, i) => {
    const parts = (byBox.get(i) ?? []).sort((a, b) => a.block.top - b.block.top);
    return {
      ...box,
      values: parts.flatMap((p) => p.data.values),
      errors: parts.flatMap((p) => p.data.errors),
      formats: parts.flatMap((p) => p.data.formats),
      formulas: parts.flatMap((p) => p.data.formulas),
    };
  });
}
