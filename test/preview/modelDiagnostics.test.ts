// The preview's «Diagnostica» runs the add-in's own diagnostics (src/excel/diagnostics.ts)
// against the model of Excel (src/officeModel), not a stand-in: the same checks the tests
// run against the fake, and a report that says it was the model, not a real Excel.
import { runModelDiagnostics, MODEL_HOST } from "../../src/preview/modelDiagnostics";
import { DIAGNOSTICS } from "../../src/messages/diagnostics";
import { exampleGrid } from "../excel/workbooks";
import * as diagnostics from "../../src/excel/diagnostics";

test("every check of the Office.js layer runs on the model and passes; the report names the model", async () => {
  const report = await runModelDiagnostics(exampleGrid());
  expect(report.checks.map((c) => c.name)).toEqual(Object.values(DIAGNOSTICS.checks));
  for (const c of report.checks) expect(c).toMatchObject({ ok: true });
  expect(report.environment).toContain("modello di Excel");
  expect(report.environment).toContain("non su un Excel reale");
  expect(report.environment).toContain(MODEL_HOST.platform);
  expect(report.environment).toContain("ExcelApi 1.12, 1.13, 1.16, 1.20");
  // The undo-grouped run really ran grouped on the model (ExcelApi 1.20): no "non disponibile".
  expect(report.checks.find((c) => c.name === DIAGNOSTICS.checks.undoGroup)?.detail).toBe("");
});

test("the page's own Office and Excel globals come back after the run, also when it fails", async () => {
  const g = globalThis as Record<string, unknown>;
  const office = { mine: true };
  g.Office = office;
  delete g.Excel;
  try {
    await runModelDiagnostics(null);
    expect(g.Office).toBe(office);
    expect(g.Excel).toBeUndefined();
    // A run that fails midway: the globals still come back.
    const spy = jest.spyOn(diagnostics, "runDiagnostics").mockImplementation(async () => {
      expect(g.Office).not.toBe(office);
      throw new Error("boom");
    });
    await expect(runModelDiagnostics(null)).rejects.toThrow("boom");
    expect(spy).toHaveBeenCalled();
    expect(g.Office).toBe(office);
    expect(g.Excel).toBeUndefined();
  } finally {
    jest.restoreAllMocks();
    delete g.Office;
  }
});
