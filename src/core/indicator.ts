// One indicator: read its cells, pick the operator, score it, compare with what the
// card states, and report what is wrong with the cell that holds it.
import type { IndicatorInput, IndicatorResult, Operator, Problem, Value } from "./types";
import type { Policy } from "./policy";
import { parseOperator, parseValue, splitOperator, isBlankCell } from "./values";
import { scoreValues, describeValue } from "./rules";
import { parseWeight } from "./weighting";
import { formatPercent } from "./format";
import { FIELD_LABELS, PROBLEMS } from "../messages/engine";

export interface IndicatorContext {
  year?: number;
  sheet?: string;
  objectiveId?: string;
  /** The card's name, for messages. */
  card?: string;
}

/** The stated performance as a fraction: "96%", 0.96 with a % format, or 96 as points. */
export function parseStated(v: Value): number | null {
  if (v.kind !== "number") return null;
  if (v.percent) return v.value;
  return Math.abs(v.value) > 1.5 ? v.value / 100 : v.value;
}

export function evaluateIndicator(
  input: IndicatorInput,
  policy: Policy,
  ctx: IndicatorContext = {},
): { result: IndicatorResult; problems: Problem[] } {
  const problems: Problem[] = [];
  const card = ctx.card ?? ctx.objectiveId ?? "";
  const report = (code: string, severity: Problem["severity"], message: string, cell?: string) =>
    problems.push({ code, severity, message, sheet: ctx.sheet, cell: cell ?? input.actual.address, objectiveId: ctx.objectiveId, indicatorRow: input.row });

  const { operator: targetOp, value: target } = splitOperator(input.target);
  let op: Operator | null = null;
  let operatorBroken = false;
  if (input.operator && !isBlankCell(input.operator.value)) {
    op = parseOperator(input.operator.value);
    if (!op) {
      operatorBroken = true;
      report("OPERATOR_INVALID", "error", PROBLEMS.operatorInvalid(card, input.row, input.name, String(input.operator.value)), input.operator.address);
    } else if (targetOp && targetOp !== op) {
      report("OPERATOR_CONFLICT", "warning", PROBLEMS.operatorConflict(card, input.row, input.name, op, targetOp), input.operator.address);
    }
  }
  if (!op && !operatorBroken) op = targetOp;
  const actual = parseValue(input.actual);
  if (!op && !operatorBroken) {
    // Equality is the only sensible reading of si/no; otherwise "higher is better".
    op = target.kind === "bool" ? "=" : ">=";
    report("OPERATOR_MISSING", "warning", PROBLEMS.operatorMissing(card, input.row, input.name, op), input.operator?.address ?? input.target.address);
  }

  const weight = parseWeight(input.weight);
  if (weight === null) {
    report("WEIGHT_UNREADABLE", "error", PROBLEMS.weightUnreadable(card, input.row, input.name, String(input.weight.value ?? "")), input.weight.address);
  }

  const score = op
    ? scoreValues(actual, op, target, policy, { year: ctx.year, unit: input.unit })
    : { status: "unreadable" as const, performance: null, explanation: PROBLEMS.operatorInvalid(card, input.row, input.name, String(input.operator?.value)) };

  if (score.status === "unreadable" && "unreadableSide" in score && score.unreadableSide) {
    const side = score.unreadableSide;
    const cell = side === "actual" ? input.actual : input.target;
    const text = side === "actual" ? describeValue(actual) : describeValue(target);
    report("VALUE_UNREADABLE", "error", PROBLEMS.unreadable(card, input.row, input.name, FIELD_LABELS[side], text || String(cell.value ?? ""), score.reason ?? ""), cell.address);
  } else if (score.status === "blank") {
    report("ACTUAL_BLANK", "warning", PROBLEMS.blankActual(card, input.row, input.name));
  }

  const statedValue = input.stated ? parseValue(input.stated) : null;
  const stated = statedValue ? parseStated(statedValue) : null;
  if (stated !== null && score.performance !== null && score.status === "ok") {
    if (Math.abs(stated - score.performance) > policy.statedTolerance + 1e-9) {
      report(
        "STATED_MISMATCH",
        "warning",
        PROBLEMS.statedMismatch(card, input.row, input.name, formatPercent(stated), formatPercent(score.performance), score.explanation),
        input.stated?.address,
      );
    }
  }

  const weighted = score.status === "ok" || score.status === "na" ? score.performance : null;
  const result: IndicatorResult = {
    row: input.row,
    name: input.name,
    sheet: ctx.sheet,
    cell: input.actual.address,
    performanceCell: input.stated?.address,
    status: score.status,
    performance: score.performance,
    weighted,
    operator: op,
    actual,
    target,
    weight,
    stated,
    explanation: score.explanation,
  };
  return { result, problems };
}
