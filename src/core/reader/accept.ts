// «Accetta» a correction on an analysis (the ExcelJS paths: CLI and preview): the backup entries
// of the accepted cells flagged with the date (src/core/rectifications.ts), the corrections,
// accepted corrections and problems following. The Office.js layer does the same on the
// backup rows it reads live (src/excel/acceptRectifications.ts).
import type { CellValue } from "../types";
import { cellKey } from "./backup";
import { analysisWithBackup, type WorkbookAnalysis } from "./analyze";
import { acceptInBackup, holdsWritten, type Rectification } from "../rectifications";

export interface AcceptOutcome {
  analysis: WorkbookAnalysis;
  /** The corrections accepted now. */
  accepted: Rectification[];
  /** Requested cells that are not a correction the add-in wrote. */
  unknown: { sheet: string; cell: string }[];
}

/**
 * Accepts the written corrections at `cells` ("all": every one the add-in wrote). `analysis` is
 * the workbook as it is (no writes pending: see analysisAfterWrites).
 */
export function acceptCorrections(analysis: WorkbookAnalysis, cells: "all" | readonly { sheet: string; cell: string }[], date: string): AcceptOutcome {
  const written = analysis.rectifications.filter((r) => r.state === "written");
  const wanted = cells === "all" ? written.map((r) => ({ sheet: r.sheet, cell: r.cell })) : cells;
  const live = new Map<string, CellValue>();
  for (const o of analysis.plan.objectives)
    for (const i of o.indicators) if (o.sheet && i.stated?.address) live.set(cellKey(o.sheet, i.stated.address), i.stated.value);
  const byKey = new Map(written.map((r) => [cellKey(r.sheet, r.cell), r]));
  const requested = wanted.filter((c) => byKey.has(cellKey(c.sheet, c.cell)));
  const res = acceptInBackup(analysis.backup, requested, (e) => holdsWritten(e, live.get(cellKey(e.sheet, e.cell))), date);
  const unknown = [...wanted.filter((c) => !byKey.has(cellKey(c.sheet, c.cell))), ...res.unknown];
  const accepted = res.changed.map((e) => byKey.get(cellKey(e.sheet, e.cell))!).filter(Boolean);
  return { analysis: res.changed.length ? analysisWithBackup(analysis, res.backup) : analysis, accepted, unknown };
}
