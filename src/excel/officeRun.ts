// The one place that calls Excel.run. Every user action is one run: it waits for a cell
// edit to end instead of failing (delayForCellEdit), makes the whole run one undo step
// where Excel allows it (mergeUndoGroup, ExcelApi 1.20), and turns Office errors into
// Italian messages.
//
// Undo groups (docs/excel/excel-add-ins-undo-capabilities.md): an API without undo support
// inside a grouped run throws UndoNotSupported, so grouped runs never call one (sheet
// visibility, names, positions, deletions run on their own, ungrouped). Hosts have also been
// seen refusing grouped runs that call none (office-js#6711, #6491, #6255): such a run is
// retried once without mergeUndoGroup, and the user is told Ctrl+Z will not undo it.
import { EXCEL_ERRORS, EXCEL_NOTICES } from "../messages/excel";
import { ExcelHostError, REQUIRED_API, toHostError } from "./errors";

export { REQUIRED_API };

export function isApiSupported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

export function requireApi(): void {
  if (typeof Excel === "undefined" || !isApiSupported(REQUIRED_API)) {
    throw new ExcelHostError("apiNotSupported", EXCEL_ERRORS.apiNotSupported(REQUIRED_API));
  }
}

/** Office.context.platform as a string ("PC", "Mac", "OfficeOnline"…), or null outside Office. */
export function officePlatform(): string | null {
  try {
    const p = typeof Office !== "undefined" ? (Office.context?.platform as unknown) : undefined;
    return typeof p === "string" ? p : null;
  } catch {
    return null;
  }
}

/** Excel on Windows or Mac: where sheet visibility, names and positions have no undo. */
export function isDesktopExcel(): boolean {
  const p = officePlatform();
  return p === "PC" || p === "Mac";
}

export interface RunOptions {
  /** The run changes the workbook: group it into one undo step when Excel can. */
  undoGroup?: boolean;
}

export interface RunOutcome<T> {
  value: T;
  /** Italian notices for the user (e.g. Ctrl+Z cannot undo this run). */
  notices: string[];
}

/**
 * Office codes after which a grouped run is retried once without mergeUndoGroup:
 * UndoNotSupported (the doc; office-js#6491 for a plain formula write), GeneralException
 * (office-js#6255) and the "not available here" family a host that does not take the
 * option may answer with (office-js#6711).
 */
const UNDO_GROUP_REFUSALS = new Set(["UndoNotSupported", "GeneralException", "NotImplemented", "UnsupportedFeature", "UnsupportedOperation", "ApiNotFound"]);

/** The Excel namespaces (one per session) that refused an undo group: later runs of the
 *  session go ungrouped at once (and still say that Ctrl+Z will not undo them). */
const refusingHosts = new WeakSet<object>();

function refusedUndoGroup(e: unknown): boolean {
  if (e instanceof ExcelHostError) return false;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && UNDO_GROUP_REFUSALS.has(code);
}

/** Runs `batch` in one Excel.run; grouped for undo when asked and Excel can, with one
 *  ungrouped retry when Excel refuses the group. The batch must re-read what it needs
 *  (it may run twice, and the first attempt may have applied part of its writes). */
export async function runExcelReporting<T>(batch: (context: Excel.RequestContext) => Promise<T>, opts: RunOptions = {}): Promise<RunOutcome<T>> {
  requireApi();
  const wanted = opts.undoGroup === true && isApiSupported("1.20");
  const grouped = wanted && !refusingHosts.has(Excel);
  if (grouped) {
    try {
      return { value: await Excel.run({ delayForCellEdit: true, mergeUndoGroup: true }, batch), notices: [] };
    } catch (e) {
      if (!refusedUndoGroup(e)) throw toHostError(e);
      refusingHosts.add(Excel);
      console.warn(`Piano Performance: Excel refused the undo group (${(e as { code: string }).code}); running again without it.`, e);
    }
  }
  try {
    return { value: await Excel.run({ delayForCellEdit: true }, batch), notices: wanted ? [EXCEL_NOTICES.undoUnavailable] : [] };
  } catch (e) {
    throw toHostError(e);
  }
}

export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, opts: RunOptions = {}): Promise<T> {
  return (await runExcelReporting(batch, opts)).value;
}
