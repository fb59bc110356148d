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

export function readyWithin<T>(office: Readiness<T> | undefined, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<ReadyOutcome<T>> {
  if (!office || typeof office.onReady !== "function") return Promise.resolve({ ready: false });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ready: false }), timeoutMs);
    office.onReady().then(
      (info) => {
        clearTimeout(timer);
        resolve({ ready: true, info: info ?? null });
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
