// One operation at a time across the whole pane: "Calcola performance" cannot be pressed
// twice, nor run while a summary is being built. The lock is a ref (set synchronously,
// so a double click before React re-renders is refused) mirrored in state for the UI.
import { useCallback, useRef, useState } from "react";
import type { Progress, ProgressFn } from "../host/workbookHost";

export type OperationKind = "analyze" | "calculate" | "restore" | "summary" | "insertCard" | "settings" | "loadSettings" | "select" | "nextYear" | "download" | "print" | "compare" | "accept";

export interface Runner {
  /** The operation running now, or null. */
  busy: OperationKind | null;
  progress: Progress | null;
  /** The last failure, with the operation it belongs to. */
  failure: { kind: OperationKind; error: unknown } | null;
  /** Runs `fn` unless another operation is running (then resolves to undefined).
   *  A failure is recorded (shown by the pane) and also resolves to undefined. */
  run<T>(kind: OperationKind, fn: (onProgress: ProgressFn) => Promise<T>): Promise<{ value: T } | undefined>;
  dismissFailure(): void;
}

export function useRunner(): Runner {
  const lock = useRef(false);
  const [busy, setBusy] = useState<OperationKind | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<Runner["failure"]>(null);

  const run = useCallback(async <T,>(kind: OperationKind, fn: (onProgress: ProgressFn) => Promise<T>) => {
    if (lock.current) return undefined;
    lock.current = true;
    setBusy(kind);
    setProgress(null);
    setFailure(null);
    try {
      const value = await fn((p) => setProgress({ ...p }));
      return { value };
    } catch (error) {
      setFailure({ kind, error });
      return undefined;
    } finally {
      lock.current = false;
      setBusy(null);
      setProgress(null);
    }
  }, []);

  const dismissFailure = useCallback(() => setFailure(null), []);
  return { busy, progress, failure, run, dismissFailure };
}
