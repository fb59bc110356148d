// The SMVP policy inside the workbook, through the reader's settings codec (so the CLI
// reads the same sheet), and the PIANO.* functions kept in step with it: after loading
// or saving, the functions get the policy and Excel recalculates.
import { parsePolicy, serializePolicy, type Policy } from "../core/policy";
import { SETTINGS_SHEET_NAME } from "../core/reader/settings";
import { getFunctionsPolicy, setFunctionsPolicy } from "../functions/policyState";
import { EXCEL_ERRORS } from "../messages/excel";
import { ExcelHostError } from "./errors";
import { SyncBudget } from "./payload";
import { queueProtection, queueSettings, queueSettingsWrite, queueSheetList } from "./workbookState";

/** The workbook's policy (the default when it has none, or an unreadable one). */
export async function loadPolicy(context: Excel.RequestContext): Promise<Policy> {
  const readList = queueSheetList(context);
  await context.sync();
  const readSettings = queueSettings(context, readList());
  await context.sync();
  const policy = readSettings().policy;
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
  const settingsName = list.find(SETTINGS_SHEET_NAME);
  const readSettings = queueSettings(context, list);
  const readProtection = queueProtection(context, settingsName ? [settingsName] : []);
  await context.sync();
  if (readProtection().length > 0) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedSheets([settingsName as string]));
  if (!settingsName && list.workbookProtected) throw new ExcelHostError("protected", EXCEL_ERRORS.protectedWorkbook);
  const settings = readSettings();

  const budget = new SyncBudget(context);
  await queueSettingsWrite(context, budget, list, check.policy, settings.ownedSheets);
  await budget.flush();
  // The PIANO.* cells score with the new policy from now on: recalculate them all
  // (they do not depend on the settings cells, so only a full recalculation reaches them).
  setFunctionsPolicy(check.policy);
  context.application.calculate("Full");
  await context.sync();
}

/**
 * At start-up the PIANO.* functions must score with the workbook's policy, not the default
 * they start with: adopt it, and recalculate only when it differs from the one they used.
 */
export async function adoptWorkbookPolicy(context: Excel.RequestContext): Promise<boolean> {
  const before = serializePolicy(getFunctionsPolicy() as Policy);
  const policy = await loadPolicy(context);
  if (serializePolicy(policy) === before) return false;
  context.application.calculate("Full");
  await context.sync();
  return true;
}
