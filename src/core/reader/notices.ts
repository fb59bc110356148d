// What the reader must say before the numbers are trusted (issue 14, «Wrong numbers without
// a word»): cards on hidden sheets (counted, or left out by the policy), the same objective
// on two cards, formulas saved without their result, and dot-grouped numbers a column's
// decimal commas make ambiguous. Pure: the plan in, the plan to evaluate and problems out.
import type { CellInput, CellValue, ObjectiveInput, PlanInput, Problem } from "../types";
import type { Policy } from "../policy";
import type { SheetGrid, WorkbookGrid } from "./grid";
import { parseA1 } from "./grid";
import { ambiguousGrouping, hasDecimalComma } from "../values";
import { formatNumber } from "../format";
import { USER_DATA } from "../../messages/userData";

export interface PlanNotices {
  plan: PlanInput;
  problems: Problem[];
  /** Sheets whose cards the policy leaves out (hidden). */
  excludedSheets: string[];
  /** "sheet\0cell" of formula cells saved without a result. */
  uncalculated: Set<string>;
}

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

function cellAt(sheet: SheetGrid, address: string): { value: CellValue; formula: string } | null {
  const p = parseA1(address);
  if (!p) return null;
  const r = p.row - sheet.startRow;
  const c = p.col - sheet.startCol;
  return { value: sheet.values[r]?.[c] ?? "", formula: sheet.formulas?.[r]?.[c] ?? "" };
}

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function indicatorCells(o: ObjectiveInput): CellInput[] {
  const out: CellInput[] = [];
  for (const i of o.indicators) for (const c of [i.actual, i.target, i.weight, i.operator, i.stated]) if (c?.address) out.push(c);
  return out;
}

export function planNotices(grid: WorkbookGrid, plan: PlanInput, policy: Policy): PlanNotices {
  const problems: Problem[] = [];
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  const uncalculated = new Set<string>();

  // Hidden and very hidden sheets holding cards.
  const excludedSheets: string[] = [];
  const exclude = policy.hiddenSheets === "exclude";
  const reportedHidden = new Set<string>();
  for (const o of plan.objectives) {
    const s = o.sheet ? sheets.get(o.sheet) : undefined;
    if (!s?.hidden || reportedHidden.has(s.name)) continue;
    reportedHidden.add(s.name);
    if (exclude) excludedSheets.push(s.name);
    problems.push({ code: "READER_HIDDEN_SHEET", severity: exclude ? "info" : "warning", message: USER_DATA.hiddenSheet(s.name, s.hidden === "veryHidden", exclude), sheet: s.name, cell: o.cell });
  }
  const objectives = exclude ? plan.objectives.filter((o) => !o.sheet || !excludedSheets.includes(o.sheet)) : plan.objectives;

  // The same objective twice (same Obiettivo operativo, whatever the case and spacing).
  const seen = new Map<string, ObjectiveInput>();
  for (const o of objectives) {
    const name = o.obiettivoOperativo.replace(/\s+/g, " ").trim().toLowerCase();
    if (!name) continue;
    const prev = seen.get(name);
    if (prev) problems.push({ code: "READER_DUPLICATE_CARD", severity: "warning", message: USER_DATA.duplicateCard(o.obiettivoOperativo, prev.sheet ?? ""), sheet: o.sheet, cell: o.cell, objectiveId: o.id });
    else seen.set(name, o);
  }

  for (const o of objectives) {
    const s = o.sheet ? sheets.get(o.sheet) : undefined;
    if (!s) continue;
    // Formulas saved without their result (a file written by a program, never opened in Excel).
    if (s.formulas) {
      for (const c of indicatorCells(o)) {
        const at = cellAt(s, c.address!);
        if (at && at.formula.startsWith("=") && isBlank(at.value) && !uncalculated.has(key(s.name, c.address!))) {
          uncalculated.add(key(s.name, c.address!));
          problems.push({ code: "READER_UNCALCULATED_FORMULA", severity: "warning", message: USER_DATA.uncalculatedFormula(c.address!), sheet: s.name, cell: c.address, objectiveId: o.id });
        }
      }
    }
  }

  // "12.345" in a column whose other values use a decimal comma ("7,5", "0,6").
  const columns = new Map<string, { sheet: string; cells: CellInput[] }>();
  for (const o of objectives) {
    for (const i of o.indicators) {
      for (const c of [i.actual, i.target]) {
        if (!c?.address || !o.sheet || typeof c.value !== "string") continue;
        const col = c.address.replace(/\d+$/, "");
        const k = key(o.sheet, col);
        const entry = columns.get(k) ?? { sheet: o.sheet, cells: [] };
        entry.cells.push(c);
        columns.set(k, entry);
      }
    }
  }
  for (const { sheet, cells } of columns.values()) {
    if (!cells.some((c) => hasDecimalComma(String(c.value)))) continue;
    for (const c of cells) {
      const a = ambiguousGrouping(String(c.value));
      if (!a) continue;
      const show = (x: number) => (a.percent ? formatNumber(x * 100, 6) + "%" : formatNumber(x, 6));
      problems.push({ code: "VALUE_AMBIGUOUS_GROUPING", severity: "warning", message: USER_DATA.ambiguousNumber(String(c.value).trim(), show(a.thousands), show(a.decimal)), sheet, cell: c.address });
    }
  }

  return { plan: exclude ? { ...plan, objectives } : plan, problems, excludedSheets, uncalculated };
}
