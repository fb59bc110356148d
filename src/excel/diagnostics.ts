// «Diagnostica»: the Office.js layer's own round trip inside the user's Excel, on a scratch
// sheet it creates and removes — never the user's sheets. What it reads back is compared
// with what it wrote, so the body's IT can see what this Excel does differently.
import type { DiagnosticCheck, DiagnosticsReport } from "../host/workbookHost";
import { DIAGNOSTICS as D } from "../messages/diagnostics";
import { errorCode } from "./cells";
import { isApiSupported, officePlatform, runExcel, runExcelReporting } from "./officeRun";
import { mergesCostUndo } from "./merges";
import { parseAreas } from "./readGrid";
import { ACTION_BYTES, REQUEST_LIMITS } from "./payload";

function environment(): string {
  let version = "?";
  try {
    version = (Office.context?.diagnostics?.version as string | undefined) ?? "?";
  } catch {
    /* outside Office */
  }
  const sets = ["1.12", "1.13", "1.16", "1.20"].filter((v) => isApiSupported(v));
  return `Excel ${version} · ${officePlatform() ?? "?"} · ExcelApi ${sets.length ? sets.join(", ") : "< 1.12"}`;
}

const check = (name: string, ok: boolean, detail: string): DiagnosticCheck => ({ name, ok, detail });

export async function runDiagnostics(): Promise<DiagnosticsReport> {
  const checks: DiagnosticCheck[] = [];
  let name: string = D.scratchSheet;
  let created = false;
  try {
  // Run 1: the scratch sheet, its values, and what this Excel reads back.
  await runExcel(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${D.scratchSheet} ${i}`;
    const ws = sheets.add(name);
    await context.sync();
    created = true;
    const r = ws.getRange("A1:E1");
    r.numberFormat = [["0.00", "0%", "dd/mm/yyyy", "@", "General"]];
    r.formulas = [[1234.5, 0.47, 44742, "=SOMMA(1)", "#N/A"]];
    ws.getRange("A2:B2").merge(false);
    await context.sync();
    r.load("values,valueTypes,numberFormat");
    const merges = isApiSupported("1.13") && !mergesCostUndo() ? ws.getRange("A1:E2").getMergedAreasOrNullObject().load("address") : null;
    await context.sync();
    const [v] = r.values as unknown[][];
    const [t] = r.valueTypes as string[][];
    checks.push(check(D.checks.number, v[0] === 1234.5, D.got(String(v[0]))));
    checks.push(check(D.checks.percent, v[1] === 0.47, D.got(String(v[1]))));
    checks.push(check(D.checks.date, v[2] === 44742, D.got(String(v[2]))));
    checks.push(check(D.checks.text, v[3] === "=SOMMA(1)" && t[3] === "String", D.got(`${String(v[3])} (${t[3]})`)));
    checks.push(check(D.checks.error, t[4] === "Error" && errorCode(v[4]) === "#N/A", D.got(`${String(v[4])} (${t[4]})`)));
    if (!merges) checks.push(check(D.checks.merge, true, isApiSupported("1.13") ? D.mergesSkipped : D.mergesUnsupported));
    else {
      const areas = merges.isNullObject ? [] : parseAreas(merges.address);
      checks.push(check(D.checks.merge, areas.length === 1 && areas[0].left === 0 && areas[0].right === 1, D.got(merges.isNullObject ? "—" : merges.address)));
    }
  });
  // Run 2: a write and its restore (what «Ripristina» does: the previous content back).
  await runExcel(async (context) => {
    const cell = context.workbook.worksheets.getItem(name).getRange("A1");
    cell.formulas = [[0.9]];
    await context.sync();
    cell.formulas = [[1234.5]];
    cell.load("values");
    await context.sync();
    const back = (cell.values as unknown[][])[0][0];
    checks.push(check(D.checks.restore, back === 1234.5, D.got(String(back))));
  });
  // Run 3: an undo-grouped run (ExcelApi 1.20), retried ungrouped when Excel refuses it.
  const grouped = await runExcelReporting(async (context) => {
    context.workbook.worksheets.getItem(name).getRange("F1").values = [[1]];
    await context.sync();
    return true;
  }, { undoGroup: true });
  const groupOk = isApiSupported("1.20") && grouped.notices.length === 0;
  checks.push(check(D.checks.undoGroup, groupOk || !isApiSupported("1.20"), groupOk ? "" : D.undoGroupUnavailable));
  checks.push(check(D.checks.budget, REQUEST_LIMITS.budget < 5 * 1024 * 1024, D.budget(REQUEST_LIMITS.budget, ACTION_BYTES)));
  } finally {
    // The scratch sheet goes, whatever happened (Worksheet.delete has no undo: said in the intro).
    if (created)
      await runExcel(async (context) => {
        context.workbook.worksheets.getItem(name).delete();
        await context.sync();
      });
  }
  return { environment: environment(), checks };
}
