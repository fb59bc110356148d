// «Accetta» corrections in Excel (issue 12): one run, cell writes only. The backup sheet (very
// hidden, the add-in's) gets one row appended per accepted cell — the same original, the value
// written flagged with the date (src/core/reader/backup.ts) — so the reader stops reporting the
// correction while «Ripristina» still has the original. Only range values and number formats
// are written (undoable: the run may be one undo group, docs/excel/excel-add-ins-undo-capabilities.md);
// no sheet is added, shown or hidden. A cell that no longer holds what the add-in wrote is skipped.
// Round trips: the sheet list; the backup's extent and protection; the backup rows and the cells.
import { BACKUP_SHEET_NAME, backupRows } from "../core/reader/backup";
import { acceptanceDate, acceptInBackup } from "../core/rectifications";
import { cellKey, sameContent } from "./cells";
import { loadBoxes } from "./readBoxes";
import { SyncBudget, writeBlock } from "./payload";
import { queueExtent, queueProtection, queueSheetList } from "./workbookState";
import { boxesFor, contentIndex, readBackup, refuseProtected, toTarget, type Target } from "./writeResults";

export async function acceptRectifications(context: Excel.RequestContext, cells: readonly { sheet: string; cell: string }[], date: string = acceptanceDate()): Promise<number> {
  if (!cells.length) return 0;
  const readList = queueSheetList(context);
  await context.sync();
  const list = readList();
  const name = list.find(BACKUP_SHEET_NAME);
  if (!name) return 0;
  const readExtent = queueExtent(context, name);
  const readProtection = queueProtection(context, [name]);
  await context.sync();
  const extent = readExtent();
  const entries = await readBackup(context, name, extent);
  if (!extent || !entries.length) return 0;

  // What the requested cells hold now: an entry is accepted only while its cell holds what was written.
  const wanted = new Set(cells.map((c) => cellKey(c.sheet, c.cell)));
  const targets: Target[] = [];
  for (const e of entries) {
    if (!wanted.has(cellKey(e.sheet, e.cell))) continue;
    const sheet = list.find(e.sheet);
    const t = sheet ? toTarget(sheet, e.cell) : null;
    if (t) targets.push(t);
  }
  if (!targets.length) return 0;
  const live = contentIndex(await loadBoxes(context, boxesFor(targets)));
  const actual = (sheet: string) => list.find(sheet) ?? sheet;
  const res = acceptInBackup(entries, cells, (e) => {
    const now = live.get(cellKey(actual(e.sheet), e.cell));
    return now !== undefined && sameContent(now, e.after);
  }, date);
  if (!res.changed.length) return 0;
  refuseProtected(readProtection());

  // Appended: for each cell the first row keeps the original, the last one now says «accepted».
  const rows = backupRows(res.changed);
  const budget = new SyncBudget(context);
  await writeBlock(budget, context.workbook.worksheets.getItem(name), extent.top + extent.rows, 0, rows, rows.map((r) => r.map(() => "@")));
  await budget.flush();
  return res.changed.length;
}
