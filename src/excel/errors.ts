// Errors the Office.js layer reports to the task pane: always an Italian message, plus
// a stable code. Office's own errors (OfficeExtension.Error) are translated here, so a
// component never shows "RichApi.Error: AccessDenied" to a user.
import { EXCEL_ERRORS } from "../messages/excel";

/** The requirement set the manifest declares: everything used unguarded is within it. */
export const REQUIRED_API = "1.12";

export type ExcelHostErrorCode =
  | "apiNotSupported"
  | "noCards"
  | "protected"
  | "cellEditing"
  | "sheetMissing"
  | "staleAnalysis"
  | "tooLarge"
  | "busy"
  | "invalidPolicy"
  | "unreadableSettings"
  | "office"
  | "internal";

export class ExcelHostError extends Error {
  /** Its message is Italian and meant for the user (see isUserFacingError in the task pane). */
  readonly userFacing = true;
  constructor(
    readonly code: ExcelHostErrorCode,
    message: string,
    /** Office's error code, when the error came from Excel. */
    readonly officeCode?: string,
  ) {
    super(message);
    this.name = "ExcelHostError";
  }
}

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
}

/** Turns anything thrown inside Excel.run into an ExcelHostError with an Italian message. */
export function toHostError(e: unknown): ExcelHostError {
  if (e instanceof ExcelHostError) return e;
  const err = (e ?? {}) as OfficeErrorLike;
  const code = typeof err.code === "string" ? err.code : undefined;
  const detail = typeof err.message === "string" ? err.message : String(e);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new ExcelHostError("cellEditing", EXCEL_ERRORS.cellEditing, code);
    case "AccessDenied":
      // The checks before writing name the sheet; this is the rare case they could not see
      // (protection added while the run was in progress).
      return new ExcelHostError("protected", EXCEL_ERRORS.protectedSomewhere, code);
    case "ItemNotFound":
      return new ExcelHostError("sheetMissing", EXCEL_ERRORS.itemMissing, code);
    case "ApiNotFound":
    case "NotImplemented":
    case "UnsupportedFeature":
      return new ExcelHostError("apiNotSupported", EXCEL_ERRORS.apiNotSupported(REQUIRED_API), code);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new ExcelHostError("tooLarge", EXCEL_ERRORS.tooLarge, code);
    case "Conflict":
    case "RequestAborted":
      return new ExcelHostError("busy", EXCEL_ERRORS.busy, code);
    case undefined:
      // No Office code: a bug in the add-in (a TypeError…), not something Excel refused.
      // The English detail is for the developer's console, never for the user.
      console.error("Piano Performance: internal error during an Excel operation:", e);
      return new ExcelHostError(e instanceof Error ? "internal" : "office", e instanceof Error ? EXCEL_ERRORS.internal : EXCEL_ERRORS.unknown);
    default:
      // An Office code this layer has no advice for: name the code (it is what support
      // needs), keep Office's English message out of the pane.
      console.error(`Piano Performance: Excel refused the operation (${code}): ${detail}`, e);
      return new ExcelHostError("office", EXCEL_ERRORS.officeRefused(code), code);
  }
}

/** True when an error thrown by context.sync() is Office's "response too large". */
export function isResponseTooLarge(e: unknown): boolean {
  const code = (e as OfficeErrorLike | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

export function isOfficeError(e: unknown, code: string): boolean {
  return (e as OfficeErrorLike | null)?.code === code;
}
