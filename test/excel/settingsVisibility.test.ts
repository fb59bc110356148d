// The settings sheet kept hidden (Hidden, not VeryHidden: the user can still find it), so
// printing the whole workbook does not print its JSON. Worksheet.visibility has no undo on
// Windows and Mac (docs/excel/excel-add-ins-undo-capabilities.md, OfficeDev/office-js-docs-pr:
// inside `mergeUndoGroup` it throws UndoNotSupported; outside, "the user's undo stack is
// cleared"): it is set in a run of its own, never in a grouped one, and only when it differs.
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { DEFAULT_POLICY } from "../../src/core/policy";
import { SETTINGS_SHEET_NAME } from "../../src/core/reader/settings";
import { createExcelHost } from "../../src/excel/excelHost";
import { hideSettingsSheet } from "../../src/excel/settingsVisibility";
import { OWNER_PROPERTY } from "../../src/excel/readGrid";
import { EXCEL_NOTICES } from "../../src/messages/excel";
import { FakeExcel, type FakeExcelOptions, type FakePlatform } from "./fakeExcel";
import { exampleGrid, fakeWith } from "./workbooks";

function setup(options: FakeExcelOptions) {
  const { fake, uninstall } = fakeWith(exampleGrid(), options);
  return { fake, uninstall, host: createExcelHost() };
}

/** Indexes of the runs made without an undo group (where sheet visibility may change). */
function visibilityRuns(fake: FakeExcel): number[] {
  return fake.runs.map((r, i) => ({ r, i })).filter(({ r }) => r.options.mergeUndoGroup !== true).map(({ i }) => i);
}

describe.each<FakePlatform>(["PC", "Mac"])("UndoNotSupported on desktop ExcelApi 1.20 (%s)", (platform) => {
  test("UndoNotSupported: hiding the settings sheet inside an undo group fails — which is why it has its own run", async () => {
    const fake = new FakeExcel({ apiVersion: "1.20", platform });
    fake.addSheet("Scheda");
    // The add-in's settings sheet: it carries the add-in's mark (a user's sheet of that name is never hidden).
    fake.addSheet(SETTINGS_SHEET_NAME).customProperties.set(OWNER_PROPERTY.toLowerCase(), { key: OWNER_PROPERTY, value: "settings" });
    const uninstall = fake.install();
    try {
      await expect(Excel.run({ mergeUndoGroup: true } as Excel.RunOptions, hideSettingsSheet)).rejects.toMatchObject({ code: "UndoNotSupported" });
      expect(fake.sheet(SETTINGS_SHEET_NAME).visibility).toBe("Visible");
      expect(await Excel.run(hideSettingsSheet)).toBe(true);
      expect(fake.sheet(SETTINGS_SHEET_NAME).visibility).toBe("Hidden");
      // Only when it differs: a second call changes nothing (and leaves the undo history alone).
      fake.undoStackCleared.length = 0;
      expect(await Excel.run(hideSettingsSheet)).toBe(false);
      expect(fake.undoStackCleared).toEqual([]);
    } finally {
      uninstall();
    }
  });

  test("a user's own sheet with the settings sheet's name (unmarked) is never hidden", async () => {
    const fake = new FakeExcel({ apiVersion: "1.20", platform });
    fake.addSheet("Scheda");
    fake.addSheet(SETTINGS_SHEET_NAME.toLowerCase()).set("A1", "Le mie note");
    const uninstall = fake.install();
    try {
      expect(await Excel.run(hideSettingsSheet)).toBe(false);
      expect(fake.sheet(SETTINGS_SHEET_NAME).visibility).toBe("Visible");
      expect(fake.undoStackCleared).toEqual([]);
    } finally {
      uninstall();
    }
  });

  test("the first «Salva impostazioni» creates the sheet in the grouped run and hides it in an ungrouped one", async () => {
    const { fake, uninstall, host } = setup({ apiVersion: "1.20", platform });
    try {
      await host.savePolicy({ ...DEFAULT_POLICY, cap: 1.2 });
      const settings = fake.sheet(SETTINGS_SHEET_NAME);
      expect(settings.visibility).toBe("Hidden");
      expect(fake.runs.some((r) => r.options.mergeUndoGroup === true)).toBe(true);
      expect(fake.undoStackCleared).toEqual(["Worksheet.visibility"]);
      // The last run hid it, ungrouped.
      expect(visibilityRuns(fake)).toContain(fake.runs.length - 1);
      // Saved again: already hidden, nothing to do — the undo history is kept.
      fake.undoStackCleared.length = 0;
      await host.savePolicy({ ...DEFAULT_POLICY, cap: 1.1 });
      expect(settings.visibility).toBe("Hidden");
      expect(fake.undoStackCleared).toEqual([]);
    } finally {
      uninstall();
    }
  });

  test("a settings sheet left visible by an earlier version is hidden BEFORE the grouped «Calcola performance», which keeps its undo", async () => {
    const { fake, uninstall, host } = setup({ apiVersion: "1.20", platform });
    try {
      await host.savePolicy(DEFAULT_POLICY);
      fake.sheet(SETTINGS_SHEET_NAME).visibility = "Visible";
      fake.runs.length = 0;
      fake.undoStackCleared.length = 0;
      const analysis = (await host.analyze()) as WorkbookAnalysis;
      const report = await host.writeResults(analysis);
      expect(report.written).toBeGreaterThan(0);
      expect(fake.sheet(SETTINGS_SHEET_NAME).visibility).toBe("Hidden");
      // Run 0 analyses; run 1 hides (ungrouped); the cells are written in a later grouped run.
      expect(fake.runs[1].options.mergeUndoGroup).toBeUndefined();
      const lastGrouped = fake.runs.map((r) => r.options.mergeUndoGroup === true).lastIndexOf(true);
      expect(lastGrouped).toBeGreaterThan(1);
      // The user is told that Ctrl+Z will not reach what came before.
      expect(report.notices).toContain(EXCEL_NOTICES.undoHistoryCleared);
    } finally {
      uninstall();
    }
  });

  test("a settings sheet the user made very hidden is left as it is", async () => {
    const { fake, uninstall, host } = setup({ apiVersion: "1.20", platform });
    try {
      await host.savePolicy(DEFAULT_POLICY);
      fake.sheet(SETTINGS_SHEET_NAME).visibility = "VeryHidden";
      fake.undoStackCleared.length = 0;
      await host.buildSummary(await host.analyze());
      await host.savePolicy(DEFAULT_POLICY);
      expect(fake.sheet(SETTINGS_SHEET_NAME).visibility).toBe("VeryHidden");
      expect(fake.undoStackCleared.filter((a) => a === "Worksheet.visibility")).toEqual([]);
    } finally {
      uninstall();
    }
  });
});

test("on the web too the sheet is hidden after the first summary (there visibility has undo)", async () => {
  const { fake, uninstall, host } = setup({ apiVersion: "1.12", platform: "OfficeOnline" });
  try {
    await host.buildSummary(await host.analyze());
    expect(fake.sheet(SETTINGS_SHEET_NAME).visibility).toBe("Hidden");
    expect(fake.undoStackCleared).toEqual([]);
  } finally {
    uninstall();
  }
});
