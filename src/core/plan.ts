// The whole plan: every objective, the roll-ups, all problems.
import type { PlanInput, PlanResult, Problem } from "./types";
import type { Policy } from "./policy";
import { evaluateObjective } from "./objective";
import { computeRollups, rollupMean } from "./rollups";

export function evaluatePlan(plan: PlanInput, policy: Policy): PlanResult {
  const problems: Problem[] = [];
  const objectives = plan.objectives.map((o) => {
    const r = evaluateObjective(o, policy, plan.year);
    for (const p of r.problems) problems.push(p);
    return r.result;
  });
  return {
    year: plan.year,
    objectives,
    rollups: computeRollups(objectives, policy),
    problems,
    performance: rollupMean(objectives, policy),
  };
}
