// Merged areas without losing the user's undo history. On Excel for Windows a sync that
// reads Range.getMergedAreasOrNullObject empties the undo stack (OfficeDev/office-js#5918).
// The reader needs merges for one thing only: when a card label's value is EMPTY, the
// cell to fill is the one after the label's merged area (with a value, the first non-empty
// cell to the right is found without them). So on Windows:
// - read-only runs («Verifica», the first step of «Calcola») read no merges, and the pane
//   is told where that can matter (a problem pointing at an empty field of a card);
// - runs that write read merges only for the sheets where they change a written cell (a
//   card whose «Performance obiettivo» is still empty), in one more sync.
import type { CellValue } from "../core/types";
import type { WorkbookAnalysis } from "../core/reader/analyze";
import { parseA1, type MergeArea, type SheetGrid, type WorkbookGrid } from "../core/reader/grid";
import { officePlatform } from "./officeRun";
import { parseAreas } from "./readGrid";

/** Excel for Windows: reading merged areas there empties the undo stack (office-js#5918). */
export function mergesCostUndo(): boolean {
  return officePlatform() === "PC";
}

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function cellValue(sheet: SheetGrid | undefined, address: string): CellValue | undefined {
  const p = parseA1(address);
  if (!sheet || !p) return undefined;
  return sheet.values[p.row - sheet.startRow]?.[p.col - sheet.startCol];
}

function sheetOf(grid: WorkbookGrid, name: string | undefined): SheetGrid | undefined {
  return name === undefined ? undefined : grid.sheets.find((s) => s.name === name);
}

/** Sheets, read without merges, where merges would change a cell "Calcola" writes. */
export function sheetsWhereMergesMatter(grid: WorkbookGrid, analysis: WorkbookAnalysis): string[] {
  const out = new Set<string>();
  for (const o of analysis.result.objectives) {
    const sheet = sheetOf(grid, o.sheet);
    if (!sheet?.mergesUnknown || !o.input.performanceCell) continue;
    if (isBlank(cellValue(sheet, o.input.performanceCell))) out.add(sheet.name);
  }
  return [...out];
}

/** Whether a problem points at an empty field cell of a card read without merges (that
 *  cell may lie inside the label's merged area). */
export function problemsMayMissMerges(grid: WorkbookGrid, analysis: WorkbookAnalysis): boolean {
  const uncertain = new Set<string>();
  for (const o of analysis.result.objectives) {
    const sheet = sheetOf(grid, o.sheet);
    if (!sheet?.mergesUnknown) continue;
    const cells = [...Object.values(o.input.fieldCells ?? {}), o.input.performanceCell].filter((c): c is string => typeof c === "string");
    for (const c of cells) if (isBlank(cellValue(sheet, c))) uncertain.add(`${sheet.name}!${c}`);
  }
  return analysis.problems.some((p) => p.sheet !== undefined && p.cell !== undefined && uncertain.has(`${p.sheet}!${p.cell}`));
}

/** The merged areas of these sheets' used ranges, in one sync (null when Excel refuses:
 *  more than 512 areas on a sheet). */
export async function readMerges(context: Excel.RequestContext, names: string[]): Promise<Map<string, MergeArea[]> | null> {
  const areas = names.map((n) => ({ n, a: context.workbook.worksheets.getItem(n).getUsedRange(true).getMergedAreasOrNullObject().load("address") }));
  try {
    await context.sync();
  } catch {
    return null;
  }
  return new Map(areas.map(({ n, a }) => [n, a.isNullObject ? [] : parseAreas(a.address)]));
}

/** The grid with these sheets' merges known. */
export function withMerges(grid: WorkbookGrid, merges: Map<string, MergeArea[]>): WorkbookGrid {
  return {
    ...grid,
    sheets: grid.sheets.map((s) => {
      const m = merges.get(s.name);
      if (!m) return s;
      const { mergesUnknown: _unknown, ...rest } = s;
      return { ...rest, merges: m };
    }),
  };
}
