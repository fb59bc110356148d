// The open workbook as the reader's cell model (src/core/reader/grid.ts): every sheet's
// used range — values (dates as serials, percentages as fractions, errors as "#N/A"),
// number formats, formulas, merged areas — in a constant number of context.sync() calls
// whatever the number of sheets: one for the sheet list, one for the used ranges' extent
// and the add-in's ownership marks, one (more only past Excel's 5 MB limit) for the cells.
import type { MergeArea, SheetGrid, WorkbookGrid } from "../core/reader/grid";
import { a1, OWNER_MARK_PROPERTY, parseA1 } from "../core/reader/grid";
import { LIMITS, LimitError } from "../core/limits";
import { GRID_LIMITS } from "../messages/gridLimits";
import type { ProgressFn } from "../host/workbookHost";
import { EXCEL_PROGRESS } from "../messages/excel";
import { formulaOf } from "./cells";
import { isApiSupported } from "./officeRun";
import { loadBoxes, type Box } from "./readBoxes";

/** Worksheet custom property marking the sheets the add-in created. */
export const OWNER_PROPERTY = OWNER_MARK_PROPERTY;
export type OwnerKind = "summary" | "settings" | "backup";

export interface SheetInfo {
  name: string;
  visibility: string;
  owner: OwnerKind | null;
}

export interface WorkbookRead {
  grid: WorkbookGrid;
  sheets: SheetInfo[];
}

function ownerKind(v: unknown): OwnerKind | null {
  return v === "summary" || v === "settings" || v === "backup" ? v : null;
}

/** "Foglio1!A1:B2, 'Foglio 2'!C3" → merged areas (0-based, inclusive). */
export function parseAreas(address: string): MergeArea[] {
  const out: MergeArea[] = [];
  // Split on commas outside quoted sheet names.
  const parts: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  for (const p of parts) {
    const ref = p.slice(p.lastIndexOf("!") + 1).trim();
    if (!ref) continue;
    const [a, b] = ref.split(":");
    const s = parseA1(a);
    const e = b ? parseA1(b) : s;
    if (!s || !e) continue;
    out.push({ top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) });
  }
  return out;
}

export interface ReadOptions {
  /** Read merged areas (ExcelApi 1.13). False for a read-only run on Excel for Windows,
   *  where reading them empties the user's undo stack (office-js#5918). Default true. */
  merges?: boolean;
}

/** Reads the workbook. Merged areas need ExcelApi 1.13; older hosts get none (the reader copes). */
export async function readWorkbookGrid(context: Excel.RequestContext, onProgress?: ProgressFn, options: ReadOptions = {}): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const sheets = worksheets.items;

  const used = sheets.map((ws) => {
    // Values only: a stray format far down a sheet must not turn into a million-row read.
    // (Format-only cells matter only as write targets, and writes re-read their targets.)
    const r = ws.getUsedRangeOrNullObject(true);
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    return r;
  });
  const owners = sheets.map((ws) => ws.customProperties.getItemOrNullObject(OWNER_PROPERTY).load("value"));
  await context.sync();

  const info: SheetInfo[] = sheets.map((ws, i) => ({
    name: ws.name,
    visibility: ws.visibility,
    owner: owners[i].isNullObject ? null : ownerKind(owners[i].value),
  }));
  const boxes: Box[] = [];
  const boxOfSheet = new Map<number, number>();
  sheets.forEach((ws, i) => {
    const u = used[i];
    if (u.isNullObject) return;
    // Values at A1 and XFD1048576 make a used range of 17 billion cells: refuse it before reading (issue 14).
    if (u.rowCount * u.columnCount > LIMITS.maxSheetBoxCells) {
      const range = `${a1(u.rowIndex, u.columnIndex)}:${a1(u.rowIndex + u.rowCount - 1, u.columnIndex + u.columnCount - 1)}`;
      throw new LimitError(GRID_LIMITS.sheetTooWide(ws.name, range, u.rowCount * u.columnCount, LIMITS.maxSheetBoxCells, a1(u.rowIndex + u.rowCount - 1, u.columnIndex + u.columnCount - 1)));
    }
    boxOfSheet.set(i, boxes.length);
    boxes.push({ sheet: ws.name, top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount });
  });

  const report = (done: number, total: number) => onProgress?.({ phase: EXCEL_PROGRESS.reading, done, total });
  let mergeAreas: Map<number, Excel.RangeAreas> | null = null;
  const queueMerges = options.merges !== false && isApiSupported("1.13")
    ? () => {
        mergeAreas = new Map();
        for (const [i] of boxOfSheet) mergeAreas.set(i, used[i].getMergedAreasOrNullObject().load("address"));
      }
    : undefined;
  let data;
  try {
    data = await loadBoxes(context, boxes, { onBlock: report, extra: queueMerges });
  } catch (e) {
    if (!queueMerges) throw e;
    // A sheet with more than 512 merged areas makes Excel refuse the request: read without them.
    mergeAreas = null;
    data = await loadBoxes(context, boxes, { onBlock: report });
  }
  const merges = mergeAreas as Map<number, Excel.RangeAreas> | null;

  const gridSheets: SheetGrid[] = sheets.map((ws, i) => {
    const owner = info[i].owner;
    // The restore backup gets no mark here: "settings" would let the reader take it for the
    // settings sheet. Callers drop it (see excelHost.ts) and the registry lists it.
    const ownedBy = owner === "summary" || owner === "settings" ? owner : undefined;
    const vis = info[i].visibility;
    const hidden = vis === "Hidden" ? { hidden: "hidden" as const } : vis === "VeryHidden" ? { hidden: "veryHidden" as const } : {};
    const bi = boxOfSheet.get(i);
    if (bi === undefined) {
      return { name: ws.name, startRow: 0, startCol: 0, values: [], formats: [], formulas: [], merges: [], ...(ownedBy ? { ownedBy } : {}), ...hidden };
    }
    const d = data[bi];
    const areas = merges?.get(i);
    return {
      name: ws.name,
      startRow: d.top,
      startCol: d.left,
      values: d.values,
      formats: d.formats,
      formulas: d.formulas.map((row, r) => row.map((f, c) => formulaOf(d.values[r][c], f) ?? "")),
      merges: areas && !areas.isNullObject ? parseAreas(areas.address) : [],
      // Before ExcelApi 1.13 (or when not asked for) merged areas are not read: tell the reader so.
      ...(merges ? {} : { mergesUnknown: true }),
      ...(ownedBy ? { ownedBy } : {}),
      ...hidden,
    };
  });
  return { grid: { sheets: gridSheets }, sheets: info };
}

/** The workbook as the reader's cell model. */
export async function gridFromWorkbook(context: Excel.RequestContext, onProgress?: ProgressFn): Promise<WorkbookGrid> {
  return (await readWorkbookGrid(context, onProgress)).grid;
}
