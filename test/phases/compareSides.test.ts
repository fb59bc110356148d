// «Confronta» from the pane: which plan is the earlier one is decided in core (by year, then
// by phase) and the result says when neither told — the pane's note reads that flag.
import { compareOpenWithFile, type ComparedPlan } from "../../src/core/compare";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { compareConsuntivo, comparePreventivo } from "./workbooks";

const side = (wb: ReturnType<typeof comparePreventivo>): ComparedPlan => {
  const a = analyzeWorkbook(gridFromExcelJs(wb));
  return { plan: a.plan, result: a.result, phase: a.phase, year: a.year };
};

test("the preventivo comes first whichever side it is on, and the order is not assumed", () => {
  const p = side(comparePreventivo());
  const c = side(compareConsuntivo());
  const fromPane = compareOpenWithFile(c, p, "preventivo.xlsx");
  expect([fromPane.before.source, fromPane.after.source, fromPane.orderAssumed]).toEqual(["file", "open", false]);
  const other = compareOpenWithFile(p, c, "consuntivo.xlsx");
  expect([other.before.source, other.after.source, other.orderAssumed]).toEqual(["open", "file", false]);
});

test("two plans of the same phase and year: the file is taken as the earlier one, and that is said", () => {
  const a = side(compareConsuntivo());
  const b = side(compareConsuntivo());
  const r = compareOpenWithFile(a, b, "altro.xlsx");
  expect([r.before.source, r.after.source, r.orderAssumed]).toEqual(["file", "open", true]);
});
