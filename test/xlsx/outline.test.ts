// The output's outline of a grid (src/adapters/xlsx/output.ts outputOutline): the plan's cells
// dropped, the add-in's own sheets kept — so every decision addinOutput takes from the grid
// (which sheet is its settings sheet, its backup, the names it gives them) is the same on the
// outline as on the whole grid, for marked sheets, an earlier version's unmarked ones, and a
// user's sheets that only carry the add-in's names.
import { outputOutline } from "../../src/adapters/xlsx";
import type { SheetGrid, WorkbookGrid } from "../../src/core/reader/grid";
import { BACKUP_SHEET_NAME, backupHeader, findBackupSheet } from "../../src/core/reader/backup";
import { findSettingsSheet, settingsSheetName, SETTINGS_SHEET_NAME } from "../../src/core/reader/settings";
import { SETTINGS } from "../../src/messages/workbook";

const sheet = (name: string, values: SheetGrid["values"], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name, startRow: 0, startCol: 0, values, formats: values.map((r) => r.map(() => "General")), merges: [], ...extra });
const plan = sheet("OO01 Scheda", [["Missione:", "011"], ["Indicatori", "Peso"]]);
const legacySettings = () => sheet(SETTINGS_SHEET_NAME, [[SETTINGS.title, ""], [SETTINGS.policyJsonLabel, "{}"]]);
const legacyBackup = () => sheet(BACKUP_SHEET_NAME, [backupHeader()]);

const cases: [string, WorkbookGrid][] = [
  ["marked sheets", { marksRead: true, sheets: [plan, sheet("Riepilogo", [["x"]], { ownedBy: "summary" }), sheet("Imp", [["p"]], { ownedBy: "settings" }), sheet("Rip", [backupHeader()], { ownedBy: "backup", hidden: "veryHidden" })] }],
  ["an earlier version's unmarked sheets", { marksRead: true, sheets: [plan, legacySettings(), legacyBackup()] }],
  ["a user's sheets with the add-in's names", { marksRead: true, sheets: [plan, sheet(SETTINGS_SHEET_NAME.toUpperCase(), [["mie note"]]), sheet(BACKUP_SHEET_NAME, [["Firma"]])] }],
  ["marks not read", { sheets: [plan, sheet(SETTINGS_SHEET_NAME, [["?"]]), sheet(BACKUP_SHEET_NAME, [["?"]])] }],
];

describe("outputOutline keeps what addinOutput decides from", () => {
  it.each(cases)("%s", (_name, grid) => {
    const outline = outputOutline(grid);
    expect(findSettingsSheet(outline)?.name).toBe(findSettingsSheet(grid)?.name);
    expect(findBackupSheet(outline)?.name).toBe(findBackupSheet(grid)?.name);
    expect(settingsSheetName(outline)).toBe(settingsSheetName(grid));
    expect(outline.sheets.map((s) => [s.name, s.ownedBy, s.hidden])).toEqual(grid.sheets.map((s) => [s.name, s.ownedBy, s.hidden]));
    // The plan's cells are gone.
    expect(outline.sheets[0].values).toEqual([]);
  });
});
