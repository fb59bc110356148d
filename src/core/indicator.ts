// One indicator: read its cells, pick the operator, score it, compare with what the
// card states, and report what is wrong with the cell that holds it.
import type { CellInput, IndicatorInput, IndicatorOverride, IndicatorResult, Operator, Problem, Value } from "./types";
import type { Policy } from "./policy";
import { parseOperator, parseValue, splitOperator, isBlankCell } from "./values";
import { scoreValues, describeValue, parseRuleName, RULE_IDS, type RuleSpec, type Score, type ScoreOptions } from "./rules";
import { parseWeight } from "./weighting";
import { formatPercent } from "./format";
import { EXPLAIN, FIELD_LABELS, PROBLEMS, RULE_NAMES } from "../messages/engine";
import { percentFormatMismatch } from "./percentFormat";

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
    public rule: string | undefined,
    public override: IndicatorOverride | undefined,
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
    const out: IndicatorResult = { ...data, explanation: this.explanation };
    if (out.rule === undefined) delete out.rule;
    if (out.override === undefined) delete out.override;
    return out;
  }
}

const NO_PROBLEMS = Object.freeze([]) as unknown as Problem[];

export function evaluateIndicator(
  input: IndicatorInput,
  policy: Policy,
  ctx: IndicatorContext = {},
): { result: IndicatorResult; problems: Problem[] } {
  const problems: Problem[] = [];
  const result = evaluateIndicatorInto(input, policy, ctx, problems);
  return { result, problems: problems.length ? problems : NO_PROBLEMS };
}

function report(problems: Problem[], ctx: IndicatorContext, input: IndicatorInput, code: string, severity: Problem["severity"], message: string, cell?: string): void {
  problems.push({ code, severity, message, sheet: ctx.sheet, cell: cell ?? input.actual.address, objectiveId: ctx.objectiveId, indicatorRow: input.row });
}

/** The same, its problems appended to `problems` (an objective collects its indicators' into one list). */
export function evaluateIndicatorInto(input: IndicatorInput, policy: Policy, ctx: IndicatorContext, problems: Problem[]): IndicatorResult {
  const card = ctx.card ?? ctx.objectiveId ?? "";

  // Only a text target can carry its operator (">= 60"): typed cells skip the split.
  let targetOp: Operator | null = null;
  let target: Value;
  if (typeof input.target.value === "string") ({ operator: targetOp, value: target } = splitOperator(input.target));
  else target = parseValue(input.target);
  let op: Operator | null = null;
  let operatorBroken = false;
  if (input.operator && !isBlankCell(input.operator.value)) {
    op = parseOperator(input.operator.value);
    if (!op) {
      operatorBroken = true;
      report(problems, ctx, input, "OPERATOR_INVALID", "error", PROBLEMS.operatorInvalid(card, input.row, input.name, String(input.operator.value)), input.operator.address);
    } else if (targetOp && targetOp !== op) {
      report(problems, ctx, input, "OPERATOR_CONFLICT", "warning", PROBLEMS.operatorConflict(card, input.row, input.name, op, targetOp), input.operator.address);
    }
  }
  if (!op && !operatorBroken) op = targetOp;
  const actual = parseValue(input.actual);
  if (!op && !operatorBroken) {
    // Equality is the only sensible reading of si/no; otherwise "higher is better".
    op = target.kind === "bool" ? "=" : ">=";
    report(problems, ctx, input, "OPERATOR_MISSING", "warning", PROBLEMS.operatorMissing(card, input.row, input.name, op), input.operator?.address ?? input.target.address);
  }

  const weight = parseWeight(input.weight);
  if (weight === null) {
    report(problems, ctx, input, "WEIGHT_UNREADABLE", "error", PROBLEMS.weightUnreadable(card, input.row, input.name, String(input.weight.value ?? "")), input.weight.address);
  }

  // The indicator's own rule («Regola»): blank = the policy's rule for the operator.
  let spec: RuleSpec | undefined;
  let ruleBroken = false;
  if (input.rule && !isBlankCell(input.rule.value)) {
    const r = parseRuleName(input.rule.value);
    if (r === "unknown") {
      ruleBroken = true;
      report(problems, ctx, input, "RULE_UNKNOWN", "error", PROBLEMS.ruleUnknown(card, input.row, input.name, String(input.rule.value), RULE_IDS.map((id) => RULE_NAMES[id]).join(", ")), input.rule.address);
    } else if (r) spec = r;
  }
  const plain = !spec && !input.baseline && !input.thresholdMin && !input.thresholdMax;
  const opts: ScoreOptions = plain
    ? quietOptions(ctx.year, input.unit)
    : { year: ctx.year, unit: input.unit, explain: false, rule: spec, baseline: extra(input.baseline), thresholdMin: extra(input.thresholdMin), thresholdMax: extra(input.thresholdMax) };
  let text: string | undefined;
  let score: Score;
  let scoredActual = actual;
  if (ruleBroken) {
    text = PROBLEMS.ruleUnknown(card, input.row, input.name, String(input.rule?.value), RULE_IDS.map((id) => RULE_NAMES[id]).join(", "));
    score = { status: "unreadable", performance: null, explanation: text };
  } else if (op) {
    if (actual.kind === "blank" && policy.blankActual === "zero") {
      // GZOOM's default: a missing actual is a 0, scored by the rule.
      scoredActual = { kind: "number", value: 0, percent: target.kind === "number" && target.percent };
      score = scoreValues(scoredActual, op, target, policy, opts);
    } else score = scoreValues(actual, op, target, policy, opts);
  } else {
    text = PROBLEMS.operatorInvalid(card, input.row, input.name, String(input.operator?.value));
    score = { status: "unreadable", performance: null, explanation: text };
  }

  if (score.issue) {
    const ruleName = spec ? RULE_NAMES[spec.id] : op ? RULE_NAMES[opts.rule?.id ?? "ratio"] : "";
    const where = input.rule?.address ?? input.actual.address;
    if (score.issue.code === "BAND_GAP") report(problems, ctx, input, "BAND_GAP", "error", PROBLEMS.bandGap(card, input.row, input.name, score.issue.detail));
    else if (score.issue.code === "BAND_SET_UNKNOWN") report(problems, ctx, input, "BAND_SET_UNKNOWN", "error", PROBLEMS.bandSetUnknown(card, input.row, input.name, spec?.bandSet ?? "", score.issue.detail), where);
    else if (score.issue.code === "RULE_NEEDS") report(problems, ctx, input, "RULE_NEEDS", "error", PROBLEMS.ruleNeeds(card, input.row, input.name, ruleName, score.issue.detail), where);
    else report(problems, ctx, input, "RULE_NOT_FOR_VALUE", "error", PROBLEMS.ruleNotForValue(card, input.row, input.name, ruleName, score.issue.detail), where);
  } else if (score.status === "unreadable" && score.unreadableSide) {
    const side = score.unreadableSide;
    const cell = side === "actual" ? input.actual : input.target;
    const shown = side === "actual" ? describeValue(actual) : describeValue(target);
    report(problems, ctx, input, "VALUE_UNREADABLE", "error", PROBLEMS.unreadable(card, input.row, input.name, FIELD_LABELS[side], shown || String(cell.value ?? ""), score.reason ?? ""), cell.address);
  } else if (score.status === "blank") {
    if (policy.blankActual === "error") report(problems, ctx, input, "ACTUAL_BLANK", "error", PROBLEMS.blankActualError(card, input.row, input.name));
    else if (policy.blankActual === "zeroScore") {
      score = { status: "blank", performance: 0, explanation: EXPLAIN.blankZeroScore };
      text = EXPLAIN.blankZeroScore;
      report(problems, ctx, input, "ACTUAL_BLANK", "warning", PROBLEMS.blankActualZero(card, input.row, input.name));
    } else report(problems, ctx, input, "ACTUAL_BLANK", "warning", PROBLEMS.blankActual(card, input.row, input.name));
  } else if (scoredActual !== actual && score.status === "ok") {
    report(problems, ctx, input, "ACTUAL_BLANK", "warning", PROBLEMS.blankActualZero(card, input.row, input.name));
  }
  if (score.percentGuess) {
    const g = score.percentGuess;
    const side = g.side === "actual" ? input.actual : input.target;
    report(problems, ctx, input, "PERCENT_READING", "warning", PROBLEMS.percentReading(card, input.row, input.name, FIELD_LABELS[g.side], g.typed, g.used, g.other), side.address);
  } else if (score.status === "ok") {
    // The cells' formats disagree (a % cell against a plain number ~100 times larger): say so.
    const m = percentFormatMismatch(actual, target);
    if (m) report(problems, ctx, input, "PERCENT_FORMAT", "warning", PROBLEMS.percentFormat(card, input.row, input.name, FIELD_LABELS[m.side], m.typed, m.other), (m.side === "actual" ? input.actual : input.target).address);
  }

  // A value forced by the evaluator replaces the computed one only with a note.
  let override: IndicatorOverride | undefined;
  let performance = score.performance;
  let status = score.status;
  if (input.forced && !isBlankCell(input.forced.value)) {
    const note = input.note && !isBlankCell(input.note.value) ? String(input.note.value).trim() : "";
    const raw = String(input.forced.value).trim();
    const excluded = typeof input.forced.value === "string" && /^(n\s*\.?\s*v\.?|non valutabile)$/i.test(raw);
    const forcedValue = excluded ? null : parseStated(parseValue(input.forced));
    const top = policy.cap ?? 10;
    // Messages show a readable forced value as the percentage it is ("55%", not "0.55").
    const shown = forcedValue === null ? raw : formatPercent(forcedValue);
    if (!excluded && forcedValue === null) report(problems, ctx, input, "FORCED_UNREADABLE", "warning", PROBLEMS.forcedUnreadable(card, input.row, input.name, raw), input.forced.address);
    else if (!note) report(problems, ctx, input, "FORCED_WITHOUT_NOTE", "warning", PROBLEMS.forcedWithoutNote(card, input.row, input.name, shown), input.forced.address);
    else if (forcedValue !== null && (forcedValue < 0 || forcedValue > top + 1e-9))
      report(problems, ctx, input, "FORCED_OUTSIDE", "warning", PROBLEMS.forcedOutside(card, input.row, input.name, shown, formatPercent(top)), input.forced.address);
    else {
      const computedText = score.performance === null ? "n.d." : formatPercent(score.performance);
      override = { kind: excluded ? "excluded" : "forced", performance: forcedValue, computed: score.performance, note, cell: input.forced.address };
      if (excluded) {
        performance = null;
        status = "na";
        text = EXPLAIN.notEvaluable(note);
        report(problems, ctx, input, "OVERRIDE_EXCLUDED", "info", PROBLEMS.notEvaluable(card, input.row, input.name, note), input.forced.address);
      } else {
        performance = forcedValue;
        status = "ok";
        text = EXPLAIN.forced(formatPercent(forcedValue!), note, computedText);
        report(problems, ctx, input, "OVERRIDE_FORCED", "info", PROBLEMS.forcedApplied(card, input.row, input.name, formatPercent(forcedValue!), note), input.forced.address);
      }
    }
  }

  const statedValue = input.stated ? parseValue(input.stated) : null;
  const stated = statedValue ? parseStated(statedValue) : null;
  if (stated !== null && performance !== null && status === "ok" && op) {
    if (Math.abs(stated - performance) > policy.statedTolerance + 1e-9) {
      text ??= scoreValues(scoredActual, op, target, policy, { ...opts, explain: true }).explanation;
      report(problems, ctx, input, 
        "STATED_MISMATCH",
        "warning",
        PROBLEMS.statedMismatch(card, input.row, input.name, formatPercent(stated), formatPercent(performance), text),
        input.stated?.address,
      );
    }
  }

  const weighted = override?.kind === "excluded" ? null : status === "ok" || status === "na" || (status === "blank" && performance !== null) ? performance : null;
  return new IndicatorOutcome(
    input.row,
    input.name,
    ctx.sheet,
    input.actual.address,
    input.performanceWritable === false ? undefined : input.stated?.address,
    status,
    performance,
    weighted,
    op,
    scoredActual,
    target,
    weight,
    stated,
    spec ? (spec.bandSet ? `${RULE_NAMES[spec.id]} ${spec.bandSet}` : RULE_NAMES[spec.id]) : undefined,
    override,
    policy,
    opts,
    text,
  );
}

const extra = (c: CellInput | undefined): Value | undefined => (c ? parseValue(c) : undefined);

const QUIET: ScoreOptions = Object.freeze({ explain: false });
const quiet = new Map<number | undefined, Map<string | undefined, ScoreOptions>>();

/** The scoring options of an indicator without rule arguments: one shared frozen object per year and UdM. */
function quietOptions(year: number | undefined, unit: string | undefined): ScoreOptions {
  if (year === undefined && unit === undefined) return QUIET;
  let byUnit = quiet.get(year);
  if (!byUnit) {
    if (quiet.size > 100) quiet.clear();
    quiet.set(year, (byUnit = new Map()));
  }
  let o = byUnit.get(unit);
  if (!o) {
    o = Object.freeze({ year, unit, explain: false });
    if (byUnit.size < 1000) byUnit.set(unit, o);
  }
  return o;
}
