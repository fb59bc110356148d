// Preventivo checks: every year's target readable, and no target getting easier from one
// year to the next (a ">=" target that drops, a "<=" target that rises). No performance is
// computed in a preventivo, so the engine's "Stato mancante" problems do not apply.
import type { PlanInput, Problem } from "../types";
import { PHASES } from "../../messages/phases";
import { comparable, indicatorTargets, valueText } from "./targets";

/** Engine problems that only mean "there is no Stato yet". */
const NOT_IN_PREVENTIVO = new Set(["ACTUAL_BLANK", "NO_PERFORMANCE", "STATED_MISMATCH"]);

/** Keeps the engine problems that still hold in a preventivo (the Stato ones go; target problems are checked here per year). */
export function preventivoEngineProblems(problems: Problem[]): Problem[] {
  return problems.filter((p) => !NOT_IN_PREVENTIVO.has(p.code) && p.code !== "VALUE_UNREADABLE");
}

export function checkPreventivo(plan: PlanInput): Problem[] {
  const problems: Problem[] = [];
  for (const o of plan.objectives) {
    const card = o.obiettivoOperativo || o.id;
    for (const ind of o.indicators) {
      const at = (code: string, severity: Problem["severity"], message: string, cell?: string): void => {
        problems.push({ code, severity, message, sheet: o.sheet, cell, objectiveId: o.id, indicatorRow: ind.row });
      };
      const targets = indicatorTargets(ind, plan.year);
      for (const t of targets) {
        const year = t.year ?? plan.year ?? 0;
        if (t.value.kind === "blank") at("TARGET_TO_DEFINE", "warning", PHASES.targetToDefine(card, ind.row, ind.name, year), t.address);
        else if (t.value.kind === "unreadable" || t.value.kind === "error") at("TARGET_UNREADABLE", "error", PHASES.targetUnreadable(card, ind.row, ind.name, year, valueText(t.value)), t.address);
      }
      for (let i = 1; i < targets.length; i++) {
        const a = targets[i - 1];
        const b = targets[i];
        const op = b.operator ?? a.operator;
        const x = comparable(a.value);
        const y = comparable(b.value);
        if (x === null || y === null || a.value.kind !== b.value.kind || !op || a.year === undefined || b.year === undefined) continue;
        if ((op === ">=" && y < x) || (op === "<=" && y > x)) {
          at("TARGET_EASIER", "warning", PHASES.targetEasier(card, ind.row, ind.name, a.year, b.year, valueText(a.value), valueText(b.value)), b.address);
        }
      }
    }
  }
  return problems;
}
