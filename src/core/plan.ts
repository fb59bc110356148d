// The whole plan: every objective, the roll-ups, all problems.
import type { ObjectiveResult, PlanInput, PlanResult, Problem } from "./types";
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
  return planResult(plan, objectives, problems, policy);
}

/**
 * The plan evaluated again when only the objectives at `changed` have new inputs: the others
 * keep their results and their problems (found in `previous.problems` by each objective's
 * problemCount, in order). Falls back to evaluatePlan when `previous` is not that plan's own
 * result (another length, or problems that are not the engine's list).
 */
export function reevaluatePlan(plan: PlanInput, previous: PlanResult, changed: ReadonlySet<number>, policy: Policy): PlanResult {
  if (previous.objectives.length !== plan.objectives.length) return evaluatePlan(plan, policy);
  const counted = previous.objectives.reduce((n, o) => n + o.problemCount, 0);
  if (counted !== previous.problems.length) return evaluatePlan(plan, policy);
  const problems: Problem[] = [];
  let at = 0;
  const objectives = plan.objectives.map((o, k) => {
    const before = previous.objectives[k];
    const from = at;
    at += before.problemCount;
    if (!changed.has(k) && before.input === o) {
      for (let i = from; i < at; i++) problems.push(previous.problems[i]);
      return before;
    }
    const r = evaluateObjective(o, policy, plan.year);
    for (const p of r.problems) problems.push(p);
    return r.result;
  });
  return planResult(plan, objectives, problems, policy);
}

/** The plan's result from its objectives' results: the roll-ups and the overall mean. */
function planResult(plan: PlanInput, objectives: ObjectiveResult[], problems: Problem[], policy: Policy): PlanResult {
  return { year: plan.year, objectives, rollups: computeRollups(objectives, policy), problems, performance: rollupMean(objectives, policy) };
}
