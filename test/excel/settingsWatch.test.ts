// A settings sheet that appears after start-up — the first «Salva» in Impostazioni, or one a
// co-author adds — is followed without a reload: WorksheetCollection.onAdded (ExcelApi 1.7,
// https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-onadded-member,
// args https://learn.microsoft.com/javascript/api/excel/excel.worksheetaddedeventargs: source
// "Local" | "Remote", worksheetId) attaches the sheet's Worksheet.onChanged when the new sheet
// carries the add-in's mark — by the mark, never by the name.
import { defaultPolicy, type Policy } from "../../src/core/policy";
import { SETTINGS_SHEET_NAME, settingsSheetCells } from "../../src/core/reader/settings";
import { OWNER_MARK_PROPERTY } from "../../src/core/reader/grid";
import { createExcelHost, watchSettingsSheet } from "../../src/excel/excelHost";
import { getFunctionsPolicy, resetFunctionsPolicy } from "../../src/functions/policyState";
import { cellAddress, type SheetData } from "./fakeExcel";
import { exampleGrid, fakeWith } from "./workbooks";

/** Writes a policy into a sheet as the settings codec lays it out (what a co-author's «Salva» leaves). */
function fillSettings(sheet: SheetData, policy: Policy): void {
  const block = settingsSheetCells(policy, []);
  sheet.cells.clear();
  block.values.forEach((row, r) => row.forEach((v, c) => v !== "" && sheet.set(cellAddress(r, c), v, { numberFormat: block.formats[r]?.[c] ?? "General" })));
}

afterEach(() => resetFunctionsPolicy());

test("the first «Salva» creates the settings sheet after start-up: its later edits (a co-author's) are adopted without a reload", async () => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.12" });
  try {
    // Start-up on a workbook without settings: nothing to follow yet.
    expect(await watchSettingsSheet()).toBe(false);
    const first = { ...defaultPolicy(), cap: 1.2 };
    await createExcelHost().savePolicy(first);
    await fake.settleEvents();
    expect(getFunctionsPolicy()).toEqual(first);
    // A co-author saves another policy: the new sheet's cells change under us.
    const other = { ...defaultPolicy(), cap: 1.5, thresholds: { green: 0.9, yellow: 0.6 } };
    fillSettings(fake.sheet(SETTINGS_SHEET_NAME), other);
    await fake.fireChanged(SETTINGS_SHEET_NAME, "B5", "Remote");
    await fake.settleEvents();
    expect(getFunctionsPolicy()).toEqual(other);
  } finally {
    uninstall();
  }
});

test("a settings sheet a co-author adds (marked as the add-in's) is adopted at once and followed", async () => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.12" });
  try {
    expect(await watchSettingsSheet()).toBe(false);
    const theirs = { ...defaultPolicy(), cap: 1.3 };
    await fake.coAuthorAddsSheet(SETTINGS_SHEET_NAME, (s) => {
      fillSettings(s, theirs);
      s.customProperties.set(OWNER_MARK_PROPERTY.toLowerCase(), { key: OWNER_MARK_PROPERTY, value: "settings" });
    });
    expect(getFunctionsPolicy()).toEqual(theirs);
    const edited = { ...theirs, cap: 1.1 };
    fillSettings(fake.sheet(SETTINGS_SHEET_NAME), edited);
    await fake.fireChanged(SETTINGS_SHEET_NAME, "B5", "Remote");
    await fake.settleEvents();
    expect(getFunctionsPolicy()).toEqual(edited);
  } finally {
    uninstall();
  }
});

test("a sheet added with the settings sheet's name but without the add-in's mark is not followed", async () => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.12" });
  try {
    expect(await watchSettingsSheet()).toBe(false);
    const runsBefore = fake.runs.length;
    await fake.coAuthorAddsSheet(SETTINGS_SHEET_NAME, (s) => fillSettings(s, { ...defaultPolicy(), cap: 1.4 }));
    // The handler looked at the new sheet's mark (one run), and went no further.
    expect(fake.runs.length).toBe(runsBefore + 1);
    await fake.fireChanged(SETTINGS_SHEET_NAME, "B5", "Remote");
    await fake.settleEvents();
    expect(fake.runs.length).toBe(runsBefore + 1);
  } finally {
    uninstall();
  }
});

test("the model fires onAdded after the sync that added the sheet, for the add-in's own sheets too (source Local)", async () => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.12" });
  try {
    const seen: unknown[] = [];
    await Excel.run(async (context) => {
      context.workbook.worksheets.onAdded.add(async (e) => void seen.push(e));
      await context.sync();
      context.workbook.worksheets.add("Nuovo");
      await context.sync();
      // Delivered afterwards, not inside the sync.
      expect(seen).toEqual([]);
    });
    await fake.settleEvents();
    expect(seen).toEqual([{ source: "Local", type: "WorksheetAdded", worksheetId: fake.sheet("Nuovo").id }]);
  } finally {
    uninstall();
  }
});

test("onAdded needs ExcelApi 1.7: on an older host registering it fails as Excel does (ApiNotFound)", async () => {
  const { uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.6" });
  try {
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.onAdded.add(async () => undefined);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  } finally {
    uninstall();
  }
});
