// The request context: queued actions applied at context.sync(), with the payload limits.
import { FakeOfficeError } from "./errors";
import type { FakeExcel, RunRecord } from "./excel";
import type { FakeObject } from "./object";
import { FakeApplication, FakeWorkbook } from "./workbook";

export interface Action {
  describe: string;
  bytes: number;
  apply: () => void;
}

/** UTF-8 length of a string (no Buffer: the model also runs in the browser preview). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair: 4 bytes for its 2 units.
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

export function byteLength(x: unknown): number {
  return utf8Length(JSON.stringify(x ?? null));
}

export class FakeContext {
  pending: Action[] = [];
  private nullables: FakeObject[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  private responseBytes = 0;
  constructor(readonly excel: FakeExcel, readonly options: Record<string, unknown>, private record: RunRecord) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }

  queue(describe: string, payload: unknown, apply: () => void): void {
    this.pending.push({ describe, bytes: this.excel.actionPathBytes + byteLength(payload), apply });
  }

  /** See FakeExcel.checkUndo: call from an action's apply, before it changes anything. */
  checkUndo(api: string): void {
    this.excel.checkUndo(api, this.options);
  }

  trackNullable(o: FakeObject): void {
    this.nullables.push(o);
  }

  addResponse(data: unknown): void {
    this.responseBytes += byteLength(data);
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    const index = excel.syncCount;
    const actions = this.pending;
    this.pending = [];
    const nullables = this.nullables;
    this.nullables = [];
    const requestBytes = actions.reduce((n, a) => n + a.bytes, 0);
    this.record.syncs.push({ requestBytes, responseBytes: 0, actions: actions.length });
    excel.beforeSync?.(index);
    await excel.waitCellEdit(this.options);
    if (requestBytes > excel.requestLimitBytes) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    if (excel.rejectUndoGroupWith && this.options.mergeUndoGroup === true && excel.supports("1.20"))
      throw new FakeOfficeError(excel.rejectUndoGroupWith, "The operation failed inside an undo group.");
    this.responseBytes = 0;
    try {
      for (const a of actions) {
        try {
          a.apply();
        } catch (e) {
          if (e instanceof FakeOfficeError) throw new FakeOfficeError(e.code, e.message, e.debugInfo.errorLocation ?? a.describe);
          throw e;
        }
      }
    } finally {
      // What this sync changed (also before a failing action) reaches the event handlers
      // afterwards (see FakeExcel.dispatchEvents).
      excel.dispatchEvents();
    }
    for (const n of nullables) n.settleNull();
    this.record.syncs[this.record.syncs.length - 1].responseBytes = this.responseBytes;
    if (this.responseBytes > excel.requestLimitBytes) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
    }
    await Promise.resolve();
  }
}
