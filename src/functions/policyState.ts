// The policy the PIANO.* functions score with. The Office.js layer calls
// setFunctionsPolicy after it loads or saves the workbook's policy, then recalculates,
// so every PIANO.* cell agrees with "Calcola performance".
//
// Why a slot on globalThis and not a module variable: taskpane.js and functions.js are
// separate webpack entries, each with its own copy of this module, but in the shared
// runtime they run in one JavaScript realm. A Symbol.for key is the one place both see.
import { DEFAULT_POLICY, type Policy } from "../core/policy";

const SLOT = Symbol.for("piano-performance.functions.policy");
type Holder = { [SLOT]?: Readonly<Policy> };

export function getFunctionsPolicy(): Readonly<Policy> {
  return (globalThis as Holder)[SLOT] ?? DEFAULT_POLICY;
}

/** Keeps a frozen copy: later edits to the caller's object do not leak into the functions. */
export function setFunctionsPolicy(policy: Policy): void {
  const copy: Policy = {
    ...policy,
    rules: Object.freeze({ ...policy.rules }) as Policy["rules"],
    bands: Object.freeze(policy.bands.map((b) => Object.freeze({ ...b }))) as Policy["bands"],
    thresholds: Object.freeze({ ...policy.thresholds }) as Policy["thresholds"],
  };
  (globalThis as Holder)[SLOT] = Object.freeze(copy);
}

/** Back to the default policy (a workbook without one, or tests). */
export function resetFunctionsPolicy(): void {
  delete (globalThis as Holder)[SLOT];
}
