// One indicator: read its cells, pick the operator, score it, compare with what the
// card states, and report what is wrong with the cell that holds it.
import type { IndicatorInput, IndicatorResult, Operator, Problem, Value } from "./types";
import type { Policy } from "./policy";
import { parseOperator, parseValue, splitOperator, isBlankCell } from "./values";
import { scoreValues, describeValue, type Score, type ScoreOptions } from "./rules";
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

/**
 * An indicator's result. The explanation is built on first read: a plan of a million
 * indicators is scored without formatting a million sentences nobody reads.
 */
class IndicatorOutcome implements IndicatorResult {
  private text: string | undefined;
  constructor(
    public row: number,
    public name: string,
    public sheet: string | undefined,
    public cell: string | undefined,
    public performanceCell: string | undefined,
    public status: IndicatorResult["status"],
    public performance: number | null,
    public weighted: number | null,
    public operator: Operator | null,
    public actual: Value,
    public target: Value,
    public weight: number | null,
    public stated: number | null,
    private readonly policy: Policy,
    private readonly opts: ScoreOptions,
    text?: string,
  ) {
    this.text = text;
  }
  get explanation(): string {
    if (this.text === undefined) {
      this.text = this.operator ? scoreValues(this.actual, this.operator, this.target, this.policy, { ...this.opts, explain: true }).explanation : "";
    }
    return this.text;
  }
  toJSON(): IndicatorResult {
    const { policy: _p, opts: _o, text: _t, ...data } = this;
    return { ...data, explanation: this.explanation };
  }
}

const NO_PROBLEMS = Object.freeze([]) as unknown as Problem[];

export function evaluateIndicator(
  input: IndicatorInput,
  policy: Policy,
  ctx: IndicatorContext = {},
): { result: IndicatorResult; problems: Problem[] } {
  let problems = NO_PROBLEMS;
  const card = ctx.card ?? ctx.objectiveId ?? "";
  const report = (code: string, severity: Problem["severity"], message: string, cell?: string) => {
    if (problems === NO_PROBLEMS) problems = [];
    problems.push({ code, severity, message, sheet: ctx.sheet, cell: cell ?? input.actual.address, objectiveId: ctx.objectiveId, indicatorRow: input.row });
  };

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

  const opts: ScoreOptions = ctx.year === undefined && input.unit === undefined ? QUIET : { year: ctx.year, unit: input.unit, explain: false };
  let text: string | undefined;
  let score: Score;
  if (op) score = scoreValues(actual, op, target, policy, opts);
  else {
    text = PROBLEMS.operatorInvalid(card, input.row, input.name, String(input.operator?.value));
    score = { status: "unreadable", performance: null, explanation: text };
  }

  if (score.status === "unreadable" && score.unreadableSide) {
    const side = score.unreadableSide;
    const cell = side === "actual" ? input.actual : input.target;
    const shown = side === "actual" ? describeValue(actual) : describeValue(target);
    report("VALUE_UNREADABLE", "error", PROBLEMS.unreadable(card, input.row, input.name, FIELD_LABELS[side], shown || String(cell.value ?? ""), score.reason ?? ""), cell.address);
  } else if (score.status === "blank") {
    report("ACTUAL_BLANK", "warning", PROBLEMS.blankActual(card, input.row, input.name));
  }

  const statedValue = input.stated ? parseValue(input.stated) : null;
  const stated = statedValue ? parseStated(statedValue) : null;
  if (stated !== null && score.performance !== null && score.status === "ok" && op) {
    if (Math.abs(stated - score.performance) > policy.statedTolerance + 1e-9) {
      text = scoreValues(actual, op, target, policy, { ...opts, explain: true }).explanation;
      report(
        "STATED_MISMATCH",
        "warning",
        PROBLEMS.statedMismatch(card, input.row, input.name, formatPercent(stated), formatPercent(score.performance), text),
        input.stated?.address,
      );
    }
  }

  const weighted = score.status === "ok" || score.status === "na" ? score.performance : null;
  const result = new IndicatorOutcome(
    input.row,
    input.name,
    ctx.sheet,
    input.actual.address,
    input.performanceWritable === false ? undefined : input.stated?.address,
    score.status,
    score.performance,
    weighted,
    op,
    actual,
    target,
    weight,
    stated,
    policy,
    opts,
    text,
  );
  return { result, problems };
}

const QUIET: ScoreOptions = Object.freeze({ explain: false });
