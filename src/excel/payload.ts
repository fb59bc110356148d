// Keeps every context.sync() request under Excel on the web's 5 MB payload limit: writes
// are queued through a budget that counts the bytes of what each action carries (address
// and JSON values), and syncs early only when the next action would not fit. Normal
// workbooks fit in one request, so the number of syncs stays constant.
import type { CellValue } from "../core/types";
import { jsonBytes } from "./cells";

/** Below 5 MB with room for the request envelope Office adds around each action. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
/** Rows per written block: keeps any single action far below the budget. */
export const WRITE_ROWS_PER_BLOCK = 2000;
const ACTION_OVERHEAD = 120;

export class SyncBudget {
  private used = 0;
  /** Syncs this budget made (for tests and progress). */
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit = REQUEST_BUDGET,
  ) {}

  /** Makes room for an action of `bytes`: syncs what is queued first when it would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) await this.flush();
    this.used += bytes;
  }

  /** Syncs what is queued (nothing to do when nothing was queued). */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.context.sync();
    this.syncs++;
    this.used = 0;
  }

  /** Counts an action queued without reserve() (a small format, a method call). */
  add(bytes = ACTION_OVERHEAD): void {
    this.used += bytes;
  }
}

export function actionBytes(...payloads: unknown[]): number {
  return payloads.reduce<number>((n, p) => n + jsonBytes(p), ACTION_OVERHEAD);
}

/**
 * Queues values (and their number formats, set FIRST so "@" keeps text as text) for a
 * block starting at (top, left), in row chunks that each fit the budget.
 */
export async function writeBlock(
  budget: SyncBudget,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  values: CellValue[][],
  formats: string[][] | null,
): Promise<void> {
  const width = values[0]?.length ?? 0;
  if (width === 0) return;
  for (let r = 0; r < values.length; r += WRITE_ROWS_PER_BLOCK) {
    const v = values.slice(r, r + WRITE_ROWS_PER_BLOCK);
    const f = formats ? formats.slice(r, r + WRITE_ROWS_PER_BLOCK) : null;
    await budget.reserve(actionBytes(v, f));
    const range = sheet.getRangeByIndexes(top + r, left, v.length, width);
    if (f) range.numberFormat = f;
    range.values = v;
  }
}
