// `piano-perf calcola FILE --out COPIA.xlsx --accetta-rettifiche[=FOGLIO!CELLA,…]`: the copy is
// written as «Calcola performance» leaves it, then the corrections (all, or the cells named)
// are accepted in its restore backup (src/core/reader/accept.ts): the computed value is the
// reference from then on, the user's original stays in the backup. The input is never written.
import { analysisAfterWrites, type WorkbookAnalysis } from "../../core/reader/analyze";
import { acceptCorrections } from "../../core/reader/accept";
import { acceptanceDate } from "../../core/rectifications";
import { parseA1 } from "../../core/reader/grid";

export type AcceptSelection = "all" | { sheet: string; cell: string }[];

/** `--accetta-rettifiche` (all) or `--accetta-rettifiche=Foglio!H12,'Altro foglio'!G20`. */
export function parseAcceptOption(arg: string): { selection: AcceptSelection } | { bad: string } {
  const eq = arg.indexOf("=");
  if (eq < 0) return { selection: "all" };
  const list = arg.slice(eq + 1).trim();
  if (!list) return { bad: "" };
  const cells: { sheet: string; cell: string }[] = [];
  for (const raw of list.split(",")) {
    const item = raw.trim();
    const bang = item.lastIndexOf("!");
    let sheet = bang > 0 ? item.slice(0, bang).trim() : "";
    const cell = bang > 0 ? item.slice(bang + 1).trim().replace(/\$/g, "").toUpperCase() : "";
    if (/^'.*'$/.test(sheet)) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    if (!sheet || !parseA1(cell)) return { bad: item };
    cells.push({ sheet, cell });
  }
  return { selection: cells };
}

/** The copy's analysis (writes applied) with the corrections accepted; `unknown` names cells that are not corrections. */
export function acceptForOutput(analysis: WorkbookAnalysis, selection: AcceptSelection, now: Date): { analysis: WorkbookAnalysis; accepted: number; unknown: string[] } {
  const after = analysisAfterWrites(analysis);
  const res = acceptCorrections(after, selection, acceptanceDate(now));
  return { analysis: res.analysis, accepted: res.accepted.length, unknown: res.unknown.map((c) => `${c.sheet}!${c.cell}`) };
}
