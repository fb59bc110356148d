// The settings sheet («Impostazioni Piano Performance», the SMVP policy as JSON and the
// registry of the add-in's sheets) is the add-in's: left visible, printing the whole
// workbook prints its JSON. It is kept Hidden — not VeryHidden, so a user can still find
// it with «Scopri» — by a run of its own, never inside a mergeUndoGroup run:
// Worksheet.visibility has no undo on Windows and Mac (docs/excel/excel-add-ins-undo-capabilities.md,
// UndoNotSupported inside a group; outside one it empties the user's undo history), as the
// backup sheet is prepared (writeResults.ts, prepareBackupSheet). Only when it differs:
// a sheet already hidden (or very hidden by the user) is left as it is, so the undo history
// is touched at most once per workbook.
import { queueAddinSheets, queueSheetList } from "./workbookState";

/**
 * Hides the add-in's settings sheet when it is visible — the sheet carrying the add-in's
 * mark, or an unmarked one holding exactly what an earlier version wrote there (see
 * queueAddinSheets) — never a user's own sheet that merely has its name. Returns whether
 * its visibility changed. Never fails the user's action: a workbook whose structure is
 * protected keeps it visible.
 */
export async function hideSettingsSheet(context: Excel.RequestContext): Promise<boolean> {
  const readList = queueSheetList(context);
  await context.sync();
  const list = readList();
  if (list.workbookProtected) return false;
  const readState = queueAddinSheets(context, list);
  await context.sync();
  const own = (await readState()).settings;
  if (!own || own.visibility !== "Visible") return false;
  context.workbook.worksheets.getItem(own.name).visibility = "Hidden";
  await context.sync();
  return true;
}
