// What each PIANO.* function computes, from arguments exactly as Excel passes them
// (numbers, fractions for % cells, date serials, text, booleans, null for omitted or
// blank, 2-D arrays for ranges, error values). Errors come back as data (FunctionError):
// functions.ts turns them into CustomFunctions.Error, so this module runs anywhere.
// Thin layer: parsing, scoring, weighting and thresholds are the engine's (src/core).
import type { Operator, Value } from "../core/types";
import type { Policy } from "../core/policy";
import { parseCellValue, parseOperator, parseText, splitOperator } from "../core/values";
import { RULES, describeValue, finish, isDateUnit, isPercentUnit, parseRuleName, roundToWholePercent, scoreValues, type RuleSpec, type ScoreOptions } from "../core/rules";
import { isPlausibleSerial, serialFromYmd } from "../core/dates";
import { parseWeight, weightedMean, type WeightedItem } from "../core/weighting";
import { trafficLight } from "../core/light";
import type { TrafficLight } from "../core/types";
import { ARGUMENT_NAMES as ARG, FUNCTION_MESSAGES as M } from "../messages/functions";

/** Errors a custom function can return (#NAME? and #REF! are input-only: docs/excel/custom-functions-errors.md). */
export type FunctionErrorCode = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!" | "#NULL!";

/** An Excel error with its Italian message (Excel shows messages for #VALUE! and #N/A only). */
export class FunctionError {
  constructor(
    readonly code: FunctionErrorCode,
    readonly message: string,
  ) {}
}

/** n.d. is common in real plans: one shared instance, no allocation per call. */
export const NOT_AVAILABLE = new FunctionError("#N/A", M.notAvailable);
const BLANK_ACTUAL = new FunctionError("#N/A", M.blankActual);
const OPERATOR_MISSING = new FunctionError("#VALUE!", M.operatorMissing);
const BLANK_PERFORMANCE = new FunctionError("#N/A", M.blankPerformance);
const NOT_FINITE = new FunctionError("#VALUE!", M.notFinite);
const NOT_AVAILABLE_INPUT = new FunctionError("#N/A", M.notAvailableInput);

const BLANK: Value = Object.freeze({ kind: "blank" }) as Value;

// Excel.ErrorCellValue's errorType, in case a host passes error cells that way.
const ERROR_TYPES: Record<string, string> = {
  NotAvailable: "#N/A",
  Value: "#VALUE!",
  Div0: "#DIV/0!",
  Ref: "#REF!",
  Name: "#NAME?",
  Num: "#NUM!",
  Null: "#NULL!",
  Spill: "#SPILL!",
  Calc: "#CALC!",
};

/** An error cell as an object: CustomFunctions.Error-like {code} or Excel.ErrorCellValue-like {errorType}. */
function errorCode(x: object): string | null {
  const o = x as { code?: unknown; errorType?: unknown; type?: unknown };
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code.toUpperCase();
  if (typeof o.errorType === "string") return ERROR_TYPES[o.errorType] ?? `#${o.errorType.toUpperCase()}`;
  return null;
}

// Parsed text, memoised. The shared runtime lives as long as the workbook and the same
// strings come back on every recalculation ("si", "n.d.", "80%", "30/06/2022", ">= 60"):
// parsing is pure, so each distinct string is parsed once. Bounded: cleared when full.
const CACHE_LIMIT = 10_000;
const textValues = new Map<string, Value>();
const targetSplits = new Map<string, { operator: Operator | null; value: Value }>();

// The cached values are shared by every call that reads the same text: nothing here or in the
// engine mutates a Value (withFormat copies before changing one), so they are not frozen —
// freezing each new text cost more than parsing it.
function parseTextCached(s: string): Value {
  let v = textValues.get(s);
  if (v === undefined) {
    v = parseText(s);
    if (textValues.size >= CACHE_LIMIT) textValues.clear();
    textValues.set(s, v);
  }
  return v;
}

/** Data types whose basic value is the value itself (a formatted number, a string, a boolean). */
const BASIC_TYPES = new Set(["Double", "FormattedNumber", "String", "Boolean", "Empty"]);

/**
 * A data-type cell as its plain value. Excel passes data types (formatted numbers, Stocks,
 * entities) to `any` parameters as objects with `type` and `basicValue`
 * (docs/excel/custom-functions-data-types-concepts.md, Excel.CellValue): a formatted number
 * is its number; an entity or an image has no value to score and stays an object. Error
 * objects and plain values come back unchanged.
 */
export function basicValue(x: unknown): unknown {
  if (x === null || typeof x !== "object" || Array.isArray(x) || errorCode(x)) return x;
  const o = x as { type?: unknown; basicValue?: unknown };
  if (typeof o.type === "string" && BASIC_TYPES.has(o.type) && "basicValue" in o) return o.basicValue ?? null;
  if (o.type === undefined && "basicValue" in o && typeof o.basicValue !== "object") return o.basicValue;
  return x;
}

/** The text a data-type cell shows (an entity's `text`), for messages. */
function dataTypeText(x: object): string {
  const o = x as { text?: unknown; type?: unknown };
  return typeof o.text === "string" ? o.text : typeof o.type === "string" ? o.type : "";
}

/** One argument or range element as a parsed value. Never throws. */
export function valueOf(x: unknown): Value {
  if (typeof x === "string") return parseTextCached(x);
  if (typeof x === "number" || typeof x === "boolean") return parseCellValue(x);
  if (x === null || x === undefined) return BLANK;
  if (typeof x === "object") {
    const code = errorCode(x);
    if (code) return { kind: "error", code };
    const plain = basicValue(x);
    if (plain !== x) return valueOf(plain);
    // An entity (Stocks, Geography…) or an image: never «[object Object]».
    return { kind: "unreadable", text: dataTypeText(x), reason: M.dataType };
  }
  return parseText(String(x));
}

const OUTPUT_CODES: ReadonlySet<string> = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]);

/**
 * The first argument that is an Excel error, as the error the function returns: Excel's own
 * functions propagate an incoming error, so SE.ERRORE / VAL.NON.DISP around PIANO.* keep
 * working. (allowErrorForDataTypeAny hands errors to every `any` parameter:
 * docs/excel/custom-functions-json.md#allowerrorfordatatypeany.) #NAME? and #REF! cannot be
 * returned by a custom function: they become #VALUE! naming the incoming error.
 */
export function incomingError(args: readonly unknown[], names: readonly string[]): FunctionError | null {
  for (let i = 0; i < args.length; i++) {
    const x = args[i];
    if (x === null || typeof x !== "object" || Array.isArray(x)) continue;
    const code = errorCode(x);
    if (!code) continue;
    if (code === "#N/A") return NOT_AVAILABLE_INPUT;
    if (OUTPUT_CODES.has(code)) return new FunctionError(code as FunctionErrorCode, M.excelError(names[i] ?? "", code));
    return new FunctionError("#VALUE!", M.excelError(names[i] ?? "", code));
  }
  return null;
}

/** No per-indicator rule arguments (shared: one object for every call). */
const NO_RULE = Object.freeze({});

/** Scoring options without rule arguments: one shared object per UdM and reading of numbers. */
const plainByUnit = [new Map<string | undefined, ScoreOptions>(), new Map<string | undefined, ScoreOptions>()];
function plainOptions(unit: string | undefined, fractions: boolean): ScoreOptions {
  const byUnit = plainByUnit[fractions ? 1 : 0];
  let o = byUnit.get(unit);
  if (o === undefined) {
    o = Object.freeze({ unit, explain: false, fractions });
    if (byUnit.size >= CACHE_LIMIT) byUnit.clear();
    byUnit.set(unit, o);
  }
  return o;
}

const isBlankArg = (x: unknown) => x === null || x === undefined || (typeof x === "string" && x.trim() === "");

/** The target, and the operator written in it (">= 60", "<= 30/06/2022"), if any. */
function splitTarget(x: unknown): { operator: Operator | null; value: Value } {
  if (typeof x !== "string") return { operator: null, value: valueOf(x) };
  let split = targetSplits.get(x);
  if (split === undefined) {
    const raw = splitOperator({ value: x });
    split = Object.freeze({ operator: raw.operator, value: Object.freeze(raw.value) as Value });
    if (targetSplits.size >= CACHE_LIMIT) targetSplits.clear();
    targetSplits.set(x, split);
  }
  return split;
}

/** Excel cannot show ±Infinity or NaN: a rule that overflows (a target near zero) is an error, not a number. */
function finite(p: number): number | FunctionError {
  return Number.isFinite(p) ? p : NOT_FINITE;
}

function unreadableError(arg: string, v: Value, raw: unknown, reason: string): FunctionError {
  if (v.kind === "error") return new FunctionError("#VALUE!", M.excelError(arg, v.code));
  const text = describeValue(v) || String(raw ?? "");
  return new FunctionError("#VALUE!", M.unreadable(arg, text, reason));
}

/** Serials of 1/1/2000 and 31/12/2099: the dates a plan's Stato and Target can hold. */
const PLAN_DATES_FROM = serialFromYmd(2000, 1, 1);
const PLAN_DATES_TO = serialFromYmd(2099, 12, 31);
const looksLikePlanDate = (x: unknown) => typeof x === "number" && Number.isInteger(x) && x >= PLAN_DATES_FROM && x <= PLAN_DATES_TO;

/**
 * The unit to score with. The caller's hint wins (udm "data" → dates, any other udm →
 * numbers); without one, two whole numbers that are both dates of this century (Excel passes
 * a date cell as its serial, 44743 for 01/07/2022) are read as dates, so 01/07 against 30/06
 * is a day late, not 99,998%. The explanation (PIANO.SPIEGAZIONE) says which reading was used.
 */
export function unitFor(stato: unknown, target: unknown, udm: unknown): string | undefined {
  if (typeof udm === "string" && udm.trim() !== "") return udm;
  return looksLikePlanDate(stato) && looksLikePlanDate(target) ? DATE_UNIT : undefined;
}
const DATE_UNIT = "data";

/** Stato, operator and target of an indicator, read as the engine reads cells; or the error to return. */
interface IndicatorArgs {
  actual: Value;
  operator: Operator;
  target: Value;
  unit: string | undefined;
  /** Typed numbers are Excel fractions (a % cell passes 0.8): never read as points. */
  fractions: boolean;
  /** The arguments as passed (after data types), for messages. */
  rawActual: unknown;
  rawTarget: unknown;
}

/**
 * Reads the arguments shared by PIANO.PERF and PIANO.SPIEGAZIONE. The operator argument wins
 * over one written in the target (as in the task pane). New optional arguments (rules…) go
 * after `udm` in both functions and into ScoreOptions here.
 */
function indicatorArgs(stato: unknown, operatore: unknown, target: unknown, udm: unknown): IndicatorArgs | FunctionError {
  // Errors and data types arrive as objects: plain numbers and texts (nearly every call) skip the checks.
  if ((typeof stato === "object" && stato !== null) || (typeof target === "object" && target !== null)) {
    const incoming = incomingError([stato, target], [ARG.actual, ARG.target]);
    if (incoming) return incoming;
    stato = basicValue(stato);
    target = basicValue(target);
  }
  const { operator: targetOp, value: t } = splitTarget(target);
  let op: Operator | null;
  if (isBlankArg(operatore)) {
    op = targetOp;
    if (!op) return OPERATOR_MISSING;
  } else {
    op = typeof operatore === "string" ? parseOperator(operatore) : null;
    if (!op) return new FunctionError("#VALUE!", M.operatorInvalid(String(operatore)));
  }
  const unit = unitFor(stato, target, udm);
  return { actual: valueOf(stato), operator: op, target: t, unit, fractions: typeof stato === "number", rawActual: stato, rawTarget: target };
}

/**
 * PIANO.PERF: the indicator's performance as a fraction, by the policy.
 * The operator argument wins over one written in the target (as in the task pane).
 */
/** PIANO.PERF's optional rule arguments (issue 10): the indicator's own «Regola», Baseline and thresholds. */
export interface RuleArgs {
  regola?: unknown;
  baseline?: unknown;
  sogliaMinima?: unknown;
  sogliaMassima?: unknown;
}

/** The rule arguments as ScoreOptions; an unknown rule name is #VALUE! with the names allowed. */
function ruleOptions(r: RuleArgs): Pick<ScoreOptions, "rule" | "baseline" | "thresholdMin" | "thresholdMax"> | FunctionError {
  let rule: RuleSpec | undefined;
  if (!isBlankArg(r.regola)) {
    const parsed = parseRuleName(basicValue(r.regola));
    if (parsed === "unknown") return new FunctionError("#VALUE!", M.ruleUnknown(String(basicValue(r.regola))));
    if (parsed) rule = parsed;
  }
  const extra = (x: unknown) => (isBlankArg(x) ? undefined : valueOf(basicValue(x)));
  return { rule, baseline: extra(r.baseline), thresholdMin: extra(r.sogliaMinima), thresholdMax: extra(r.sogliaMassima) };
}

export function performance(stato: unknown, operatore: unknown, target: unknown, udm: unknown, policy: Policy, ruleArgs?: RuleArgs): number | FunctionError {
  const withRule = ruleArgs !== undefined && (!isBlankArg(ruleArgs.regola) || !isBlankArg(ruleArgs.baseline) || !isBlankArg(ruleArgs.sogliaMinima) || !isBlankArg(ruleArgs.sogliaMassima));
  if (withRule) {
    const extra = ruleOptions(ruleArgs);
    if (extra instanceof FunctionError) return extra;
    return performanceBy(stato, operatore, target, udm, policy, extra);
  }
  // Fast path for the commonest call, two typed numbers and a plain operator: the engine's
  // own rule table and post-processing, exactly as scoreValues' numeric branch applies them
  // (typed numbers carry no % flag, so its "percentage points" case cannot arise), minus
  // the parsed-value objects. Dates (udm "data", or two serials without udm) take the full path.
  if (typeof stato === "number" && typeof target === "number" && (operatore === ">=" || operatore === "<=" || operatore === "=")) {
    const unit = unitFor(stato, target, udm);
    if (Number.isFinite(stato) && Number.isFinite(target) && !isDateUnit(unit)) {
      const rule = RULES[operatore][policy.rules[operatore] as never] as (a: number, t: number) => { score: number; achieved: boolean };
      const done = finish(rule(stato, target), policy, false);
      // A performance between two bands has no number: the full path says why.
      if (done.status === "ok") return finite(done.performance as number);
    }
  }
  return performanceBy(stato, operatore, target, udm, policy, NO_RULE);
}

function performanceBy(stato: unknown, operatore: unknown, target: unknown, udm: unknown, policy: Policy, extra: Partial<ScoreOptions>): number | FunctionError {
  const args = indicatorArgs(stato, operatore, target, udm);
  if (args instanceof FunctionError) return args;
  const { actual: a, target: t } = args;
  const score = scoreValues(a, args.operator, t, policy, extra === NO_RULE ? plainOptions(args.unit, args.fractions) : { unit: args.unit, explain: false, fractions: args.fractions, ...extra });
  // The rule cannot score (no Baseline, thresholds out of order, a gap between bands…): say why.
  if (score.issue) return new FunctionError("#VALUE!", score.explanation.replace(/^,\s*/, ""));
  switch (score.status) {
    case "ok":
      return finite(score.performance as number);
    case "na":
      // Policy "n.d. counts as 0" gives 0; the default excludes it: #N/A.
      return score.performance ?? NOT_AVAILABLE;
    case "blank":
      return BLANK_ACTUAL;
    case "unreadable": {
      const actualSide = score.unreadableSide !== "target";
      return actualSide
        ? unreadableError(ARG.actual, a, args.rawActual, score.reason ?? "")
        : unreadableError(ARG.target, t, args.rawTarget, score.reason ?? "");
    }
  }
}

/**
 * A cell's number format as a caller can pass it: Excel's CELL("format") code (CELLA("formato")
 * in Italian: "P0"/"P2" percent, "D1"…"D9" dates, "G", "F2", ",0"… numbers) or a number
 * format ("0%", "dd/mm/yyyy", "gg/mm/aaaa"). Undefined when not given or not recognised.
 */
export function formatHint(x: unknown): string | undefined {
  if (typeof x !== "string" || x.trim() === "") return undefined;
  const s = x.trim();
  if (/^P\d+-?$/i.test(s)) return "0%";
  if (/^D\d+-?$/i.test(s)) return "dd/mm/yyyy";
  if (/^(G|F\d+|,\d+|C\d+|S\d+)[-()]*$/i.test(s)) return "General";
  // An Italian date format ("gg/mm/aaaa") reads as a date format.
  return s.replace(/g/gi, "d").replace(/a/gi, "y");
}

/**
 * A typed number as the pane reads its cell: with the cell's format when the caller passes it;
 * else, for a "%" indicator, as a percentage ("96%"), as a % cell shows it.
 */
function withFormat(v: Value, raw: unknown, unit: string | undefined, format: string | undefined): Value {
  if (v.kind !== "number" || typeof raw !== "number") return v;
  if (format !== undefined) return parseCellValue(raw, format);
  return isPercentUnit(unit) ? { ...v, percent: true } : v;
}

/**
 * PIANO.SPIEGAZIONE: the Italian explanation of the indicator's performance, the one the task
 * pane shows ("3 / 10 = 30%", "realizzato il 01/07/2022, oltre il 30/06/2022: …"). n.d. and
 * unreadable values are explained too (as text); only an incoming Excel error or a missing or
 * invalid operator is an error.
 */
export function explanation(
  stato: unknown,
  operatore: unknown,
  target: unknown,
  udm: unknown,
  policy: Policy,
  formats: { actual?: unknown; target?: unknown } = {},
  ruleArgs?: RuleArgs,
): string | FunctionError {
  // A rule name where a format goes (a PIANO.PERF formula renamed): said, never read as a format.
  for (const f of [formats.actual, formats.target]) {
    const asRule = typeof f === "string" && f.trim() !== "" ? parseRuleName(f) : null;
    if (asRule && asRule !== "unknown") return new FunctionError("#VALUE!", M.ruleInFormatArgument(f as string));
  }
  const actualFormat = formatHint(formats.actual);
  const targetFormat = formatHint(formats.target);
  const extra = ruleArgs === undefined ? NO_RULE : ruleOptions(ruleArgs);
  if (extra instanceof FunctionError) return extra;
  const args = indicatorArgs(stato, operatore, target, udm);
  if (args instanceof FunctionError) return args;
  const a = withFormat(args.actual, args.rawActual, args.unit, actualFormat);
  const t = withFormat(args.target, args.rawTarget, args.unit, targetFormat);
  return scoreValues(a, args.operator, t, policy, { unit: args.unit, explain: true, fractions: args.fractions, ...extra }).explanation;
}

/** A range as Excel passes it (2-D), or a single value, as rows × columns. */
function shape(range: unknown): { rows: number; cols: number; cells: unknown[] } {
  if (!Array.isArray(range)) return { rows: 1, cols: 1, cells: [range] };
  const rows = range.length;
  const cols = rows ? (Array.isArray(range[0]) ? range[0].length : 1) : 0;
  const cells: unknown[] = [];
  for (const row of range) {
    if (Array.isArray(row)) for (const c of row) cells.push(c);
    else cells.push(row);
  }
  return { rows, cols, cells };
}

/**
 * A performance cell for PIANO.PESATA: a fraction (typed, or text such as "85%").
 * Returns null when the cell drops out of the mean (blank, error, n.d. when excluded).
 */
function performanceCell(cell: unknown, index: number, policy: Policy): number | null | FunctionError {
  const x = basicValue(cell);
  if (typeof x === "number") return Number.isFinite(x) ? x : new FunctionError("#VALUE!", M.performanceNotNumber(index, String(x)));
  const v = valueOf(x);
  switch (v.kind) {
    case "number":
      return v.value;
    case "blank":
    case "error":
      return null;
    case "na":
      return policy.notAvailable === "zero" ? 0 : null;
    default:
      return new FunctionError("#VALUE!", M.performanceNotNumber(index, describeValue(v) || String(x)));
  }
}

function weightCell(cell: unknown, index: number): number | null | FunctionError {
  const x = basicValue(cell);
  if (isBlankArg(x)) return null;
  const v = valueOf(x);
  if (v.kind === "error" || v.kind === "na") return null;
  const w = typeof x === "number" || typeof x === "string" ? parseWeight({ value: x }) : null;
  return w === null ? new FunctionError("#VALUE!", M.weightUnreadable(index, describeValue(v) || String(x))) : w;
}

/**
 * PIANO.PESATA: Σ p·w / Σ w over the indicators with a performance, as the engine weighs
 * an objective: n.d., blanks and error cells drop out and the weights renormalise.
 */
export function weighted(performances: unknown, weights: unknown, policy: Policy): number | FunctionError {
  const p = shape(performances);
  const w = shape(weights);
  const sameShape = p.rows === w.rows && p.cols === w.cols;
  // A row of performances against a column of weights (or vice versa) is still one list each.
  const sameVector = (p.rows === 1 || p.cols === 1) && (w.rows === 1 || w.cols === 1) && p.cells.length === w.cells.length;
  if (!sameShape && !sameVector) return new FunctionError("#VALUE!", M.sizeMismatch(p.rows, p.cols, w.rows, w.cols));
  const items: WeightedItem[] = [];
  for (let i = 0; i < p.cells.length; i++) {
    const perf = performanceCell(p.cells[i], i + 1, policy);
    if (perf instanceof FunctionError) return perf;
    if (perf === null) continue;
    const weight = weightCell(w.cells[i], i + 1);
    if (weight instanceof FunctionError) return weight;
    // The engine rounds each indicator before weighting when the policy says so; rounding is idempotent.
    const used = policy.roundBeforeWeighting ? roundToWholePercent(perf) : perf;
    items.push({ performance: used, weight });
  }
  const mean = weightedMean(items);
  return mean === null ? new FunctionError("#N/A", M.noPerformance) : mean;
}

/** A single performance argument (PIANO.SEMAFORO): a fraction, or why there is none. */
function performanceArg(arg: unknown): number | FunctionError {
  if (typeof arg === "number" && Number.isFinite(arg)) return arg;
  const incoming = incomingError([arg], [ARG.performance]);
  if (incoming) return incoming;
  const x = basicValue(arg);
  const v = valueOf(x);
  switch (v.kind) {
    case "number":
      return v.value;
    case "na":
      return NOT_AVAILABLE;
    case "blank":
      return BLANK_PERFORMANCE;
    case "error":
      // PIANO.PERF's own #N/A (an n.d. indicator) passes through as #N/A.
      return v.code === "#N/A" ? NOT_AVAILABLE : new FunctionError("#VALUE!", M.excelError(ARG.performance, v.code));
    default:
      if (v.kind === "unreadable" && v.reason === M.dataType) return new FunctionError("#VALUE!", M.unreadable(ARG.performance, v.text, v.reason));
      return new FunctionError("#VALUE!", M.notPerformance(describeValue(v) || String(x)));
  }
}

/** PIANO.SEMAFORO: "verde", "giallo" or "rosso" by the policy's thresholds. */
export function light(performanceValue: unknown, policy: Policy): TrafficLight | FunctionError {
  const p = performanceArg(performanceValue);
  if (p instanceof FunctionError) return p;
  return trafficLight(p, policy) as TrafficLight;
}

/** PIANO.VALORE: the number an Italian text stands for (a date gives its serial). */
export function numberOf(arg: unknown): number | FunctionError {
  if (typeof arg === "number" && Number.isFinite(arg)) return arg;
  const incoming = incomingError([arg], [ARG.text]);
  if (incoming) return incoming;
  const testo = basicValue(arg);
  const v = valueOf(testo);
  switch (v.kind) {
    case "number":
      return v.value;
    case "date":
      return v.serial;
    case "na":
      return NOT_AVAILABLE;
    case "blank":
      return new FunctionError("#N/A", M.blankText);
    case "bool":
      return new FunctionError("#VALUE!", M.boolNotNumber(describeValue(v)));
    case "error":
      return v.code === "#N/A" ? NOT_AVAILABLE : new FunctionError("#VALUE!", M.excelError(ARG.text, v.code));
    case "unreadable":
      return new FunctionError("#VALUE!", M.unreadable(ARG.text, v.text, v.reason));
  }
}

/**
 * PIANO.SCOSTAMENTO: stato − target, in the target's unit (days for dates, a fraction for
 * percentages). An operator written in the target is ignored.
 */
export function gap(stato: unknown, target: unknown, udm: unknown): number | FunctionError {
  // Errors and data types arrive as objects: plain numbers and texts (nearly every call) skip the checks.
  if ((typeof stato === "object" && stato !== null) || (typeof target === "object" && target !== null)) {
    const incoming = incomingError([stato, target], [ARG.actual, ARG.target]);
    if (incoming) return incoming;
    stato = basicValue(stato);
    target = basicValue(target);
  }
  const dateUnit = isDateUnit(unitFor(stato, target, udm));
  const asDate = (v: Value): Value =>
    dateUnit && v.kind === "number" && !v.percent && isPlausibleSerial(v.value) ? { kind: "date", serial: v.value } : v;
  const a = asDate(valueOf(stato));
  const t = asDate(splitTarget(target).value);
  if (a.kind === "na" || t.kind === "na") return NOT_AVAILABLE;
  if (a.kind === "blank") return BLANK_ACTUAL;
  if (a.kind === "error" || a.kind === "unreadable") return unreadableError(ARG.actual, a, stato, a.kind === "unreadable" ? a.reason : "");
  if (t.kind === "error" || t.kind === "unreadable") return unreadableError(ARG.target, t, target, t.kind === "unreadable" ? t.reason : "");
  if (t.kind === "blank") return new FunctionError("#VALUE!", M.unreadable(ARG.target, "", M.targetBlank));
  if (a.kind === "bool" || t.kind === "bool") return new FunctionError("#VALUE!", M.gapBool);
  if (a.kind === "number" && t.kind === "number") return a.value - t.value;
  if (a.kind === "date" && t.kind === "date") return Math.floor(a.serial) - Math.floor(t.serial);
  return new FunctionError("#VALUE!", M.gapNotComparable(describeValue(a), describeValue(t)));
}
