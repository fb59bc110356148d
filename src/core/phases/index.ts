// The phases of the year on top of the engine: what the preventivo checks, what the
// monitoring adds, and the phase blocks of the summary.
import type { PlanInput, PlanResult, Problem } from "../types";
import { checkPreventivo, preventivoEngineProblems } from "./preventivo";
import { monitorPlan, type Monitoring } from "./monitoring";

export * from "./preventivo";
export * from "./monitoring";
export * from "./targets";

/** The engine's result adjusted to the plan's phase, with the phase's own problems and the monitoring. */
export function applyPhase(plan: PlanInput, result: PlanResult): { result: PlanResult; problems: Problem[]; monitoring?: Monitoring } {
  if (plan.phase === "preventivo") {
    const kept = preventivoEngineProblems(result.problems);
    const own = checkPreventivo(plan);
    return { result: { ...result, problems: [...kept, ...own] }, problems: own };
  }
  if (plan.phase === "monitoraggio" && plan.asOf) {
    return { result, problems: [], monitoring: monitorPlan(plan, result, plan.asOf) };
  }
  return { result, problems: [] };
}
