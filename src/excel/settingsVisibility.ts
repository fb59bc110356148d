// The settings sheet («Impostazioni Piano Performance», the SMVP policy as JSON and the
// registry of the add-in's sheets) is the add-in's: left visible, printing the whole
// workbook prints its JSON. It is kept Hidden — not VeryHidden, so a user can still find
// it with «Scopri» — by a run of its own, never inside a mergeUndoGroup run:
// Worksheet.visibility has no undo on Windows and Mac (docs/excel/excel-add-ins-undo-capabilities.md,
// UndoNotSupported inside a group; outside one it empties the user's undo history), as the
// backup sheet is prepared (writeResults.ts, prepareBackupSheet). Only when it differs:
// a sheet already hidden (or very hidden by the user) is left as it is, so the undo history
// is touched at most once per workbook.
import { SETTINGS_SHEET_NAME } from "../core/reader/settings";
import { OWNER_PROPERTY } from "./readGrid";

/**
 * Hides the add-in's settings sheet when it is visible (the add-in's mark, or an unmarked
 * sheet of that name from an earlier version). Returns whether its visibility changed.
 * Never fails the user's action: a workbook whose structure is protected keeps it visible.
 */
export async function hideSettingsSheet(context: Excel.RequestContext): Promise<boolean> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET_NAME);
  sheet.load("visibility");
  const protection = context.workbook.protection.load("protected");
  await context.sync();
  if (sheet.isNullObject || sheet.visibility !== "Visible" || protection.protected) return false;
  const mark = sheet.customProperties.getItemOrNullObject(OWNER_PROPERTY).load("value");
  await context.sync();
  // A sheet of that name marked as something else (the summary's, the backup's) is not touched.
  if (!mark.isNullObject && mark.value !== "settings") return false;
  sheet.visibility = "Hidden";
  await context.sync();
  return true;
}
