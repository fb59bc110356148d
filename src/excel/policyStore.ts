// The SMVP policy inside the workbook, through the reader's settings codec (so the CLI
// reads the same sheet), and the PIANO.* functions kept in step with it: after loading
// or saving, the functions get the policy and Excel recalculates.
import { parsePolicy, serializePolicy, type Policy } from "../core/policy";
import { getFunctionsPolicy, setFunctionsPolicy } from "../functions/policyState";
import { EXCEL_ERRORS } from "../messages/excel";
import { ExcelHostError } from "./errors";
import { SyncBudget } from "./payload";
import { queueAddinSheets, queueSettingsWrite, queueSheetList } from "./workbookState";
import { parseAreas } from "./readGrid";

/** A formula calling one of the add-in's functions (PIANO.PERF, PIANO.PESATA…). */
const PIANO_CALL = /(^|[^A-Z0-9_.])PIANO\.[A-Z]/i;

/**
 * Recalculates only the cells whose formula calls a PIANO.* function — not the whole
 * workbook (a full recalculation at start-up marks the file changed for every formula).
 * Finds them with Range.getSpecialCellsOrNullObject("Formulas") (ExcelApi 1.9,
 * docs/excel/excel-add-ins-ranges-special-cells.md), reads those cells' formulas only, and
 * calls Range.calculate (ExcelApi 1.6) on the PIANO.* ones: both within the manifest's 1.12.
 * Three syncs whatever the size of the workbook. Returns the number of cells recalculated.
 */
export async function recalculatePianoCells(context: Excel.RequestContext): Promise<number> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const found = sheets.items.map((ws) => ({ ws, cells: ws.getUsedRange(true).getSpecialCellsOrNullObject("Formulas").load("address") }));
  await context.sync();
  const blocks = found.flatMap(({ ws, cells }) =>
    cells.isNullObject
      ? []
      : parseAreas(cells.address).map((a) => ({ ws, a, range: ws.getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1).load("formulas") })),
  );
  if (blocks.length === 0) return 0;
  await context.sync();
  let n = 0;
  for (const { ws, a, range } of blocks)
    (range.formulas as unknown[][]).forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f !== "string" || !PIANO_CALL.test(f)) return;
        ws.getCell(a.top + r, a.left + c).calculate();
        n++;
      }),
    );
  if (n > 0) await context.sync();
  return n;
}

/** The workbook's policy (the default when it has none, or an unreadable one): from the
 *  add-in's settings sheet, found by its mark — never a user's sheet of that name. */
export async function loadPolicy(context: Excel.RequestContext): Promise<Policy> {
  const readList = queueSheetList(context);
  await context.sync();
  const readState = queueAddinSheets(context, readList());
  await context.sync();
  const policy = (await readState()).read.policy;
  setFunctionsPolicy(policy);
  return policy;
}

/** Saves the policy in the settings sheet (keeping its registry), then recalculates. */
export async function savePolicy(context: Excel.RequestContext, policy: Policy): Promise<void> {
  const check = parsePolicy(JSON.parse(serializePolicy(policy)));
  if (!check.ok) throw new ExcelHostError("invalidPolicy", EXCEL_ERRORS.invalidPolicy(check.errors));
  const readList = queueSheetList(context);
  await context.sync();
  const list = readList();
  const readState = queueAddinSheets(context, list);
  await context.sync();
  const state = await readState();
  if (state.settings?.protected) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedSheets([state.settings.name]));
  if (!state.settings && list.workbookProtected) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedWorkbook);
  const settings = state.read;

  const budget = new SyncBudget(context);
  await queueSettingsWrite(context, budget, list, state, check.policy, settings.ownedSheets);
  await budget.flush();
  // The PIANO.* cells score with the new policy from now on. They do not depend on the
  // settings cells, so Excel would not recalculate them: recalculate exactly those.
  setFunctionsPolicy(check.policy);
  await recalculatePianoCells(context);
}

/**
 * At start-up the PIANO.* functions must score with the workbook's policy, not the default
 * they start with: adopt it, and recalculate only when it differs from the one they used.
 */
export async function adoptWorkbookPolicy(context: Excel.RequestContext): Promise<boolean> {
  const before = serializePolicy(getFunctionsPolicy() as Policy);
  const policy = await loadPolicy(context);
  if (serializePolicy(policy) === before) return false;
  await recalculatePianoCells(context);
  return true;
}
