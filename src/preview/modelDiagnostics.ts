// «Diagnostica» in the browser preview: the SAME round trip the add-in runs inside Excel
// (src/excel/diagnostics.ts), run against the model of Excel (src/officeModel — the one the
// tests use, built from Microsoft's documentation) installed as the page's Excel and Office
// for the length of the run. Loaded on demand: the model is never in the add-in's bundle.
// The report says it ran on the model, not on a real Excel.
import type { WorkbookGrid } from "../core/reader/grid";
import type { DiagnosticsReport } from "../host/workbookHost";
import { DIAGNOSTICS } from "../messages/diagnostics";
import { runDiagnostics } from "../excel/diagnostics";
import { FakeExcel } from "../officeModel";

/** What the model plays: Excel on the web with the newest requirement set the layer uses. */
export const MODEL_HOST = { platform: "OfficeOnline", apiVersion: "1.20", version: DIAGNOSTICS.modelVersion } as const;

/**
 * Runs the Office.js layer's diagnostics on a model holding a copy of the preview's workbook
 * (so the scratch sheet's name is chosen as in the user's Excel). The page's own Office
 * global (office.js outside Office) is put back afterwards, whatever happens.
 */
export async function runModelDiagnostics(grid: WorkbookGrid | null): Promise<DiagnosticsReport> {
  const model = new FakeExcel({ platform: MODEL_HOST.platform, apiVersion: MODEL_HOST.apiVersion, version: MODEL_HOST.version });
  if (grid) model.loadGrid(grid);
  const uninstall = model.install();
  try {
    const report = await runDiagnostics();
    return { ...report, environment: DIAGNOSTICS.modelEnvironment(report.environment) };
  } finally {
    uninstall();
  }
}
