// A readiness promise with a deadline: if office.js is blocked or slow, the pane still
// renders (with a notice) instead of staying blank. Office itself is handed in by the
// entry points (src/taskpane/index.tsx, src/preview/index.tsx, src/commands/commands.ts),
// so this helper knows nothing of Office.
export const OFFICE_READY_TIMEOUT_MS = 5000;

export type ReadyOutcome<T> = { ready: true; info: T | null } | { ready: false };

/** The object office.js defines globally, as far as waiting for it goes. */
export interface Readiness<T> {
  onReady(): Promise<T>;
}

/**
 * Resolves at the deadline at the latest. Office may still become ready after it (a slow
 * start of Excel): `onLateReady` is then called, so the caller can finish starting (adopt
 * the workbook's policy, drop the notice) — hiding and reopening a shared-runtime pane does
 * not reload it, so "close and reopen" would not help.
 */
export function readyWithin<T>(office: Readiness<T> | undefined, timeoutMs = OFFICE_READY_TIMEOUT_MS, onLateReady?: (info: T | null) => void): Promise<ReadyOutcome<T>> {
  if (!office || typeof office.onReady !== "function") return Promise.resolve({ ready: false });
  return new Promise((resolve) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      resolve({ ready: false });
    }, timeoutMs);
    office.onReady().then(
      (info) => {
        clearTimeout(timer);
        if (late) onLateReady?.(info ?? null);
        else resolve({ ready: true, info: info ?? null });
      },
      () => {
        clearTimeout(timer);
        resolve({ ready: false });
      },
    );
  });
}

/** The global `Office` if office.js loaded (a blocked CDN leaves it undefined). */
export function globalOffice(): Readiness<unknown> | undefined {
  return (globalThis as { Office?: Readiness<unknown> }).Office;
}
