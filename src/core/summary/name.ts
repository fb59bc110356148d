// The summary sheet's name, apart from the model builder: the reader needs it on every analysis,
// the pane's initial JavaScript should not carry the whole summary layout for it.
import { SUMMARY } from "../../messages/workbook";

/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

/**
 * "Riepilogo performance 2022" — or, when a user's sheet (not in `ownedSheets`) already has
 * that name (case-insensitive, as Excel compares), "Riepilogo performance 2022 (2)", (3)…
 * An owned sheet of that name is reused (refreshed).
 */
export function summarySheetName(year: number | undefined, existingSheetNames: string[], ownedSheets: string[]): string {
  const base = SUMMARY.title(year).slice(0, MAX_SHEET_NAME);
  const existing = new Set(existingSheetNames.map((n) => n.toLowerCase()));
  const owned = new Set(ownedSheets.map((n) => n.toLowerCase()));
  const free = (name: string) => !existing.has(name.toLowerCase()) || owned.has(name.toLowerCase());
  if (free(base)) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (free(name)) return name;
  }
}
