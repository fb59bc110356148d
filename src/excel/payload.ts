// Keeps every context.sync() request under Excel on the web's 5 MB payload limit: writes
// are queued through a budget that counts the bytes of what each action carries (address
// and JSON values), and syncs early only when the next action would not fit. Normal
// workbooks fit in one request, so the number of syncs stays constant.
import type { CellValue } from "../core/types";
import { jsonBytes } from "./cells";

/** Below 5 MB (Excel on the web: docs/concepts/resource-limits-and-performance-optimization.md),
 *  with room for the request envelope. Tuning object, so tests can scale it with the fake. */
export const REQUEST_LIMITS = { budget: 4 * 1024 * 1024 };
export const REQUEST_BUDGET = REQUEST_LIMITS.budget;
/** Rows per written block: keeps any single action far below the budget. */
export const WRITE_ROWS_PER_BLOCK = 2000;
/**
 * What one queued action weighs besides its values: Office.js sends each action with its
 * object path and method (about 100–250 bytes): counted at the top of that range, so
 * thousands of small actions (a summary's links) are budgeted honestly.
 */
export const ACTION_BYTES = 250;

export class SyncBudget {
  private used = 0;
  /** Syncs this budget made (for tests and progress). */
  syncs = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit = REQUEST_LIMITS.budget,
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
  add(bytes = ACTION_BYTES): void {
    this.used += bytes;
  }
}

/** One action carrying these values. */
export function actionBytes(...payloads: unknown[]): number {
  return actionsBytes(1, ...payloads);
}

/** `count` actions carrying these values between them. */
export function actionsBytes(count: number, ...payloads: unknown[]): number {
  return payloads.reduce<number>((n, p) => n + jsonBytes(p), count * ACTION_BYTES);
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
    // Three actions: the range, its number formats, its values.
    await budget.reserve(actionsBytes(3, v, f));
    const range = sheet.getRangeByIndexes(top + r, left, v.length, width);
    if (f) range.numberFormat = f;
    range.values = v;
  }
}
