// «Diagnostica» against the fake: the layer's own round trip on a scratch sheet it creates
// and removes — the user's sheets untouched. Worksheet.delete has no undo
// (docs/excel/excel-add-ins-undo-capabilities.md), which the pane says before it runs.
import { createExcelHost } from "../../src/excel/excelHost";
import { DIAGNOSTICS } from "../../src/messages/diagnostics";
import { exampleGrid, fakeWith } from "./workbooks";

test.each([
  ["OfficeOnline", "1.20"],
  ["PC", "1.13"],
  ["Mac", "1.12"],
] as const)("every check passes on %s ExcelApi %s, and the user's sheets are untouched", async (platform, apiVersion) => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { platform, apiVersion, version: "16.0.19127.20000" });
  try {
    const before = fake.snapshot();
    const report = await createExcelHost().runDiagnostics!();
    expect(report.environment).toContain("16.0.19127.20000");
    expect(report.environment).toContain(platform);
    expect(report.checks.map((c) => c.name)).toEqual(Object.values(DIAGNOSTICS.checks));
    for (const c of report.checks) expect({ name: c.name, ok: c.ok, detail: c.detail }).toMatchObject({ ok: true });
    if (platform === "PC") expect(report.checks.find((c) => c.name === DIAGNOSTICS.checks.merge)?.detail).toBe(DIAGNOSTICS.mergesSkipped);
    // The scratch sheet is gone; nothing else changed.
    expect(fake.deletedSheets).toEqual([DIAGNOSTICS.scratchSheet]);
    expect(fake.snapshot()).toEqual(before);
  } finally {
    uninstall();
  }
});

test("a scratch-sheet name already taken: a numbered one is used, the user's sheet stays", async () => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { platform: "OfficeOnline", apiVersion: "1.13" });
  try {
    fake.sheets[0].name = DIAGNOSTICS.scratchSheet;
    const report = await createExcelHost().runDiagnostics!();
    expect(fake.deletedSheets).toEqual([`${DIAGNOSTICS.scratchSheet} 2`]);
    expect(fake.findSheet(DIAGNOSTICS.scratchSheet)).toBeDefined();
    expect(report.checks.every((c) => c.ok)).toBe(true);
  } finally {
    uninstall();
  }
});

test("what differs is reported: an Excel that refuses undo groups (office-js#6711)", async () => {
  const { uninstall } = fakeWith(exampleGrid(), { platform: "OfficeOnline", apiVersion: "1.20", rejectUndoGroupWith: "GeneralException" });
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    const report = await createExcelHost().runDiagnostics!();
    const group = report.checks.find((c) => c.name === DIAGNOSTICS.checks.undoGroup);
    expect(group).toEqual({ name: DIAGNOSTICS.checks.undoGroup, ok: false, detail: DIAGNOSTICS.undoGroupUnavailable });
  } finally {
    warn.mockRestore();
    uninstall();
  }
});
