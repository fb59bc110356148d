// One objective (card): its indicators, the weighted mean, weight checks.
import type { ObjectiveInput, ObjectiveResult, Problem } from "./types";
import type { Policy } from "./policy";
import { evaluateIndicator } from "./indicator";
import { MIN_WEIGHT, weightedMean, weightSumTolerance } from "./weighting";
import { trafficLight } from "./light";
import { parseResources } from "./resources";
import { validateObjective } from "./validation";
import { formatPercent } from "./format";
import { EXPLAIN, PROBLEMS } from "../messages/engine";

export function evaluateObjective(o: ObjectiveInput, policy: Policy, year?: number): { result: ObjectiveResult; problems: Problem[] } {
  const card = o.obiettivoOperativo || o.id;
  const problems: Problem[] = validateObjective(o, card);
  const indicators = o.indicators.map((ind) => {
    const r = evaluateIndicator(ind, policy, { year, sheet: o.sheet, objectiveId: o.id, card });
    problems.push(...r.problems);
    return r.result;
  });

  if (indicators.length === 0) {
    problems.push({ code: "NO_INDICATORS", severity: "error", message: PROBLEMS.noIndicators(card), sheet: o.sheet, cell: o.cell, objectiveId: o.id });
  }
  const weightSum = indicators.reduce((s, i) => s + (i.weight ?? 0), 0);
  if (indicators.length > 0 && Math.abs(weightSum - 1) > weightSumTolerance(indicators.length) + 1e-9) {
    const cell = o.indicators[0]?.weight.address;
    problems.push({ code: "WEIGHT_SUM", severity: "warning", message: PROBLEMS.weightSum(card, formatPercent(weightSum)), sheet: o.sheet, cell, objectiveId: o.id });
  }

  const performance = weightedMean(indicators.map((i) => ({ performance: i.weighted, weight: i.weight })));
  const used = indicators.filter((i) => i.weighted !== null && i.weight !== null && i.weight > MIN_WEIGHT).length;
  const excluded = indicators.length - used;
  let explanation = performance === null ? EXPLAIN.objectiveNone : EXPLAIN.objective(used, formatPercent(performance));
  if (performance !== null && excluded > 0) explanation += EXPLAIN.objectiveExcluded(excluded);
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
    notAvailableCount: indicators.filter((i) => i.status === "na").length,
    problemCount: problems.length,
    light: trafficLight(performance, policy),
  };
  return { result, problems };
}
