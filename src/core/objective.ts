// One objective (card): its indicators, the weighted mean, weight checks.
import type { IndicatorResult, ObjectiveInput, ObjectiveResult, Problem } from "./types";
import type { Policy } from "./policy";
import { evaluateIndicatorInto } from "./indicator";
import { MIN_WEIGHT, parseObjectiveWeights, parseWeight, weightedMeanOf, weightSumTolerance } from "./weighting";
import { trafficLight } from "./light";
import { parseResources } from "./resources";
import { validateObjective } from "./validation";
import { formatPercent } from "./format";
import { isBlankCell } from "./values";
import { EXPLAIN, PROBLEMS, WEIGHT_SCALE_NAMES as SCALE_NAMES } from "../messages/engine";

export function evaluateObjective(o: ObjectiveInput, policy: Policy, year?: number): { result: ObjectiveResult; problems: Problem[] } {
  const card = o.obiettivoOperativo || o.id;
  const problems: Problem[] = validateObjective(o, card);
  const ctx = { year, sheet: o.sheet, objectiveId: o.id, card };
  const indicators: IndicatorResult[] = new Array(o.indicators.length);
  for (let k = 0; k < o.indicators.length; k++) indicators[k] = evaluateIndicatorInto(o.indicators[k], policy, ctx, problems);
  // Weights are read on one scale for the whole objective, never cell by cell.
  if (indicators.length > 1) {
    const scaled = parseObjectiveWeights(o.indicators.map((i) => i.weight));
    indicators.forEach((ind, k) => {
      if (ind.weight !== null && scaled.weights[k] !== null) ind.weight = scaled.weights[k];
    });
    const cell = o.indicators[0]?.weight.address;
    if (scaled.mixed) {
      problems.push({ code: "WEIGHT_SCALES_MIXED", severity: "warning", message: PROBLEMS.weightsMixed(card, SCALE_NAMES[scaled.scale]), sheet: o.sheet, cell, objectiveId: o.id });
    } else if (scaled.scale === "relative") {
      const sum = o.indicators.reduce((s, i) => s + (typeof i.weight.value === "number" ? i.weight.value : 0), 0);
      problems.push({ code: "WEIGHTS_RELATIVE", severity: "info", message: PROBLEMS.weightsRelative(card, String(Math.round(sum * 100) / 100).replace(".", ",")), sheet: o.sheet, cell, objectiveId: o.id });
    }
  }

  if (indicators.length === 0) {
    problems.push({ code: "NO_INDICATORS", severity: "error", message: PROBLEMS.noIndicators(card), sheet: o.sheet, cell: o.cell, objectiveId: o.id });
  }
  let weightSum = 0;
  let used = 0;
  let notAvailableCount = 0;
  for (const i of indicators) {
    weightSum += i.weight ?? 0;
    if (i.weighted !== null && i.weight !== null && i.weight > MIN_WEIGHT) used++;
    if (i.status === "na") notAvailableCount++;
  }
  if (indicators.length > 0 && Math.abs(weightSum - 1) > weightSumTolerance(indicators.length) + 1e-9) {
    const cell = o.indicators[0]?.weight.address;
    problems.push({ code: "WEIGHT_SUM", severity: "warning", message: PROBLEMS.weightSum(card, formatPercent(weightSum)), sheet: o.sheet, cell, objectiveId: o.id });
  }

  let performance = weightedMeanOf(indicators, weightedOf, weightOf);
  const capped = performance !== null && policy.objectiveCap !== null && performance > policy.objectiveCap + 1e-9;
  if (capped) performance = policy.objectiveCap;
  const excluded = indicators.length - used;
  let explanation = performance === null ? EXPLAIN.objectiveNone : EXPLAIN.objective(used, formatPercent(performance));
  if (performance !== null && excluded > 0) explanation += EXPLAIN.objectiveExcluded(excluded);
  if (capped) explanation += EXPLAIN.objectiveCapped(formatPercent(policy.objectiveCap!));
  let objectiveWeight: number | null | undefined;
  if (o.objectiveWeight && !isBlankCell(o.objectiveWeight.value)) {
    objectiveWeight = parseWeight(o.objectiveWeight);
    if (objectiveWeight === null) {
      problems.push({ code: "OBJECTIVE_WEIGHT_UNREADABLE", severity: "warning", message: PROBLEMS.objectiveWeightUnreadable(card, String(o.objectiveWeight.value)), sheet: o.sheet, cell: o.objectiveWeight.address, objectiveId: o.id });
    }
  }
  if (performance === null && indicators.length > 0) {
    problems.push({ code: "NO_PERFORMANCE", severity: "warning", message: PROBLEMS.noPerformance(card), sheet: o.sheet, cell: o.performanceCell ?? o.cell, objectiveId: o.id });
  }

  const res = parseResources(o.risorseEconomiche);
  if (res.unreadable) {
    problems.push({
      code: "RESOURCES_UNREADABLE",
      severity: "warning",
      message: PROBLEMS.resourcesUnreadable(card, String(o.risorseEconomiche?.value ?? "")),
      sheet: o.sheet,
      cell: o.risorseEconomiche?.address ?? o.fieldCells?.risorseEconomiche,
      objectiveId: o.id,
    });
  }

  const result: ObjectiveResult = {
    id: o.id,
    sheet: o.sheet,
    cell: o.cell,
    name: card,
    input: o,
    performance,
    explanation,
    indicators,
    weightSum,
    resources: res.euro,
    internalResources: res.internal,
    notAvailableCount,
    problemCount: problems.length,
    light: trafficLight(performance, policy),
  };
  if (objectiveWeight !== undefined) result.objectiveWeight = objectiveWeight;
  return { result, problems };
}

const weightedOf = (i: IndicatorResult) => i.weighted;
const weightOf = (i: IndicatorResult) => i.weight;
