// Is the summary sheet still true? The settings sheet records, for each summary built, the
// fingerprint of the plan and rules it shows; the workbook's current fingerprint differing
// (cards edited, rules changed, corrections changed) makes it stale: the pane says
// «riepilogo da aggiornare» and «Calcola performance» offers to refresh it.
import type { PlanInput } from "../types";
import type { Policy } from "../policy";
import type { Rectification } from "../rectifications";
import type { SummaryRecord } from "../reader/settings";
import { summaryFingerprint } from "./fingerprint";

export interface SummaryStatus {
  /** The summary sheet's name. */
  sheet: string;
  /** True when the plan or the rules changed since it was built (or it has no fingerprint). */
  stale: boolean;
  /** The fingerprint of the workbook as it is now. */
  fingerprint: string;
}

/** The status of the add-in's summary sheet `sheet`, or null when the workbook has none. */
export function summaryStatus(
  input: { plan: PlanInput; policy: Policy; rectifications: readonly Rectification[]; sheetNames: string[]; ownedSheets: string[] },
  sheet: string,
  records: readonly SummaryRecord[],
): SummaryStatus | null {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (!input.sheetNames.some((n) => same(n, sheet)) || !input.ownedSheets.some((n) => same(n, sheet))) return null;
  const fingerprint = summaryFingerprint(input.plan, input.policy, input.rectifications);
  const record = records.find((r) => same(r.sheet, sheet));
  return { sheet, stale: !record || record.fingerprint !== fingerprint, fingerprint };
}
