// Corrections ("rettifiche"): the performance a user stated in a card differs from the
// one the SMVP rules compute. The user's statement is the reference the OIV must see —
// also after "Calcola performance" replaced it — so it is taken from the restore backup
// (the content the cell held before the add-in first wrote it) whenever the cell still
// holds what the add-in wrote. Pure: both paths (Office.js, ExcelJS) read the backup into
// the grid, and the analysis reports the same corrections on every run until the user
// restores the value (it is then the cell's own again), changes it, or accepts it.
// «Accetta» marks the backup row (the value written, with the date): the computed value is
// then the reference and the correction is no longer reported, while the user's original
// stays in the backup — «Ripristina» still puts it back. A later run that writes another
// value into the cell ends the acceptance (the correction against the original comes back).
import type { CellInput, CellValue, PlanInput, PlanResult, Problem } from "./types";
import type { Policy } from "./policy";
import { evaluatePlan } from "./plan";
import { formatPercent } from "./format";
import { cellKey, type BackupEntry } from "./reader/backup";
import type { StatedChange } from "./reader/writeback";
import { parseValue } from "./values";
import { parseStated } from "./indicator";
import { RECTIFICATIONS } from "../messages/summary";

export interface Rectification {
  sheet: string;
  /** A1 address of the Performance cell. */
  cell: string;
  /** The objective's name and the indicator's name and 1-based row in its card. */
  objective: string;
  indicator: string;
  indicatorRow: number;
  /** What the user stated, as a fraction (0 = 0%). */
  original: number;
  /** What the rules compute, as a fraction. */
  computed: number;
  /** How the computed value is obtained, in Italian («5 / 10 = 50%»). */
  explanation: string;
  /** "pending": the cell still holds the user's value; "written": the add-in replaced it
   *  and the user's value is kept in the restore backup. */
  state: "pending" | "written";
}

/** The problem code of a correction already written into the cell. */
export const RECTIFIED_CODE = "RECTIFIED";
/** The engine's code of a stated value that differs from the computed one. */
export const STATED_MISMATCH_CODE = "STATED_MISMATCH";

function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9;
  return (a ?? "") === (b ?? "");
}

/**
 * The plan with each Performance cell the add-in wrote (and the user has not changed since)
 * holding the user's original statement again. Returns the keys of those cells.
 */
export function planWithOriginals(plan: PlanInput, backup: BackupEntry[]): { plan: PlanInput; restored: Set<string> } {
  const restored = new Set<string>();
  if (!backup.length) return { plan, restored };
  const byKey = new Map(backup.map((e) => [cellKey(e.sheet, e.cell), e]));
  const objectives = plan.objectives.map((o) => {
    let changed = false;
    const indicators = o.indicators.map((i) => {
      const address = i.stated?.address;
      if (!o.sheet || !address || !i.stated) return i;
      const key = cellKey(o.sheet, address);
      const e = byKey.get(key);
      // A cell the user changed since the add-in wrote it holds the user's own statement;
      // one whose written value the user accepted holds the reference.
      if (!e || e.before.formula !== null || !sameValue(i.stated.value, e.after.value) || e.after.accepted) return i;
      restored.add(key);
      changed = true;
      const stated: CellInput = { value: e.before.value, format: e.before.numberFormat, address };
      return { ...i, stated };
    });
    return changed ? { ...o, indicators } : o;
  });
  return { plan: { ...plan, objectives }, restored };
}

/** The corrections of a plan evaluated against the users' original statements. */
export function rectificationsOf(reference: PlanResult, policy: Policy, restored: Set<string>): Rectification[] {
  const out: Rectification[] = [];
  for (const o of reference.objectives)
    for (const i of o.indicators) {
      const sheet = i.sheet ?? o.sheet;
      if (!sheet || !i.performanceCell || i.stated === null || i.performance === null || i.status !== "ok" || !i.operator) continue;
      if (Math.abs(i.stated - i.performance) <= policy.statedTolerance + 1e-9) continue;
      out.push({
        sheet,
        cell: i.performanceCell,
        objective: o.name,
        indicator: i.name,
        indicatorRow: i.row,
        original: i.stated,
        computed: i.performance,
        explanation: i.explanation,
        state: restored.has(cellKey(sheet, i.performanceCell)) ? "written" : "pending",
      });
    }
  return out;
}

/**
 * Finds the corrections of `plan` under `policy`, the backup giving the original statements.
 * `result` (the plan's own evaluation) is reused when no cell needs its original back.
 */
export function findRectifications(plan: PlanInput, policy: Policy, backup: BackupEntry[], result?: PlanResult): Rectification[] {
  const { plan: ref, restored } = planWithOriginals(plan, backup);
  if (!restored.size) return rectificationsOf(result ?? evaluatePlan(plan, policy), policy, restored);
  return rectificationsOf(evaluatePlan(ref, policy), policy, restored);
}

/**
 * The engine's problems with the corrections in: a written cell's mismatch (between what the
 * add-in wrote and a later computation) gives way to the correction against the user's
 * original, reported as a warning on every run — so Verifica counts the same warnings
 * before and after «Sostituisci».
 */
export function problemsWithRectifications(problems: Problem[], rectifications: Rectification[], written: Set<string>): Problem[] {
  const kept = problems.filter((p) => !(p.code === STATED_MISMATCH_CODE && p.sheet && p.cell && written.has(cellKey(p.sheet, p.cell))));
  const extra: Problem[] = rectifications
    .filter((r) => r.state === "written")
    .map((r) => ({
      code: RECTIFIED_CODE,
      severity: "warning",
      message: RECTIFICATIONS.problem(r.objective, r.indicatorRow, r.indicator, formatPercent(r.original), formatPercent(r.computed), r.explanation),
      sheet: r.sheet,
      cell: r.cell,
      indicatorRow: r.indicatorRow,
    }));
  return [...kept, ...extra];
}

/** The cells of the backup whose original the analysis used (see planWithOriginals). */
export function writtenCells(plan: PlanInput, backup: BackupEntry[]): Set<string> {
  return planWithOriginals(plan, backup).restored;
}

/** «dichiarata 0%, calcolata 100%» */
export function describeRectification(r: Rectification): string {
  return RECTIFICATIONS.short(formatPercent(r.original), formatPercent(r.computed));
}

/** A change the confirmation lists one by one, with its reason. */
export interface RealChange {
  change: StatedChange;
  /** Why the value changes («37 ≥ 30: raggiunto»), when known. */
  reason: string;
}

/** The changes of a run, as the confirmation shows them: real ones listed, the rest counted. */
export interface ChangeGroups {
  real: RealChange[];
  /** The same value to within the tolerance, more digits («96% → 95,95%»). */
  rounding: StatedChange[];
  /** The same value, now a number instead of text («testo "100%" → 100%»). */
  format: StatedChange[];
}

/**
 * Splits the planned changes: a value that moves by more than the SMVP's tolerance on the
 * stated performance (or becomes/stops being "n.d.") is a real change, with the reason taken
 * from the correction of that cell; the others only round or reformat what the card says.
 */
export function classifyChanges(changes: readonly StatedChange[], rectifications: readonly Rectification[], tolerance: number): ChangeGroups {
  const reasons = new Map(rectifications.map((r) => [cellKey(r.sheet, r.cell), r.explanation]));
  const out: ChangeGroups = { real: [], rounding: [], format: [] };
  for (const c of changes) {
    const before = statedFraction(c.before);
    if (before === null || c.after === null || Math.abs(before - c.after) > tolerance + 1e-9) {
      out.real.push({ change: c, reason: reasons.get(cellKey(c.sheet, c.cell)) ?? "" });
    } else if (typeof c.before === "string") out.format.push(c);
    else out.rounding.push(c);
  }
  return out;
}

/** A stated performance as a fraction ("100%", 0.96, 96 as points), or null when it is not one. */
function statedFraction(v: CellValue): number | null {
  if (v === null || v === "") return null;
  const parsed = parseValue({ value: v });
  return parseStated(parsed);
}

/** A correction the user accepted: the computed value is the reference, the original kept in the backup. */
export interface AcceptedRectification {
  sheet: string;
  cell: string;
  objective: string;
  indicator: string;
  /** The user's original statement (as a fraction; null when it was not a performance, e.g. blank). */
  original: number | null;
  /** The value written and accepted, as a fraction. */
  computed: number | null;
  /** When it was accepted (ISO date). */
  acceptedOn: string;
}

/** The accepted corrections still in force: the cell still holds the value the user accepted. */
export function acceptedRectificationsOf(plan: PlanInput, backup: readonly BackupEntry[]): AcceptedRectification[] {
  const accepted = backup.filter((e) => e.after.accepted);
  if (!accepted.length) return [];
  const byKey = new Map(accepted.map((e) => [cellKey(e.sheet, e.cell), e]));
  const out: AcceptedRectification[] = [];
  for (const o of plan.objectives)
    for (const i of o.indicators) {
      const address = i.stated?.address;
      if (!o.sheet || !address || !i.stated) continue;
      const e = byKey.get(cellKey(o.sheet, address));
      if (!e || !sameValue(i.stated.value, e.after.value)) continue;
      out.push({
        sheet: e.sheet,
        cell: e.cell,
        objective: o.obiettivoOperativo,
        indicator: i.name,
        original: statedFraction(e.before.value),
        computed: statedFraction(e.after.value),
        acceptedOn: e.after.accepted!,
      });
    }
  return out;
}

/** What accepting did: the backup with the accepted rows flagged, and the entries changed
 *  (the Office.js path appends exactly these rows; the ExcelJS path rewrites the sheet). */
export interface Acceptance {
  backup: BackupEntry[];
  changed: BackupEntry[];
  /** Requested cells that are not a correction written by the add-in (nothing to accept). */
  unknown: { sheet: string; cell: string }[];
}

/**
 * Accepts the corrections at `cells`: each must be a value the add-in wrote and the cell must
 * still hold it (`holds`, from the live cells); its backup entry's written content gets the
 * date. Nothing else changes — the original stays as it was.
 */
export function acceptInBackup(backup: readonly BackupEntry[], cells: readonly { sheet: string; cell: string }[], holds: (e: BackupEntry) => boolean, date: string): Acceptance {
  const wanted = new Set(cells.map((c) => cellKey(c.sheet, c.cell)));
  const changed: BackupEntry[] = [];
  const found = new Set<string>();
  const out = backup.map((e) => {
    const k = cellKey(e.sheet, e.cell);
    if (!wanted.has(k) || !holds(e)) return e;
    found.add(k);
    if (e.after.accepted) return e;
    const next = { ...e, after: { ...e.after, accepted: date } };
    changed.push(next);
    return next;
  });
  return { backup: out, changed, unknown: cells.filter((c) => !found.has(cellKey(c.sheet, c.cell))) };
}

/** Whether a live cell value is the one the add-in wrote (for acceptInBackup's `holds`). */
export function holdsWritten(e: BackupEntry, live: CellValue | undefined): boolean {
  return live !== undefined && e.after.formula === null && sameValue(live, e.after.value);
}

/** Today as the acceptance date (ISO, local calendar day). */
export function acceptanceDate(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
