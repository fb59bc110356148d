// The one place that calls Excel.run. Every user action is one run: it waits for a cell
// edit to end instead of failing (delayForCellEdit), makes the whole run one undo step
// where Excel allows it (mergeUndoGroup, ExcelApi 1.20), and turns Office errors into
// Italian messages.
import { EXCEL_ERRORS } from "../messages/excel";
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

export interface RunOptions {
  /** The run changes the workbook: group it into one undo step when Excel can. */
  undoGroup?: boolean;
}

export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>, opts: RunOptions = {}): Promise<T> {
  requireApi();
  const options: Excel.RunOptions = { delayForCellEdit: true };
  if (opts.undoGroup && isApiSupported("1.20")) options.mergeUndoGroup = true;
  try {
    return await Excel.run(options, batch);
  } catch (e) {
    throw toHostError(e);
  }
}
