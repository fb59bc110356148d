// What pulls a roll-up down: the objectives of a roll-up row below 100%, worst first, and in
// each the indicators below 100%, those that cost the most points (weight × shortfall) first.
// For the roll-up by Tipologia the members are the indicators of that type. Pure: the pane
// draws it (Rollups.tsx), the tests check it.
import type { IndicatorResult, ObjectiveResult, Rollups } from "../../core/types";
import { indicatorTypeKey, indicatorsWithType, rollupKeyOf, type ObjectiveRollupKind } from "../../core/rollups";

const FULL = 1 - 1e-9;

export interface DrillObjective {
  objective: ObjectiveResult;
  /** Indicators below 100%, by points lost (weight × (1 − performance)), most first. */
  indicators: IndicatorResult[];
}

const below = (i: IndicatorResult) => i.weighted !== null && i.weighted < FULL;
const lost = (i: IndicatorResult) => (i.weight ?? 0) * (1 - (i.weighted ?? 1));
const byLoss = (a: IndicatorResult, b: IndicatorResult) => lost(b) - lost(a) || (a.weighted ?? 1) - (b.weighted ?? 1);

/** The members of roll-up row `key` of `kind` that pull it below 100%. */
export function pullingDown(kind: keyof Rollups, key: string, objectives: readonly ObjectiveResult[]): DrillObjective[] {
  if (kind === "tipologia") {
    const out: DrillObjective[] = [];
    for (const o of objectives) {
      const indicators = indicatorsWithType(o)
        .filter((x) => indicatorTypeKey(x.type).key === key && below(x.indicator))
        .map((x) => x.indicator)
        .sort(byLoss);
      if (indicators.length) out.push({ objective: o, indicators });
    }
    const worst = (d: DrillObjective) => Math.min(...d.indicators.map((i) => i.weighted ?? 1));
    return out.sort((a, b) => worst(a) - worst(b));
  }
  return objectives
    .filter((o) => rollupKeyOf(kind as ObjectiveRollupKind, o) === key && o.performance !== null && o.performance < FULL)
    .sort((a, b) => (a.performance ?? 1) - (b.performance ?? 1))
    .map((objective) => ({ objective, indicators: objective.indicators.filter(below).sort(byLoss) }));
}

export type ObjectiveFilter = "all" | "giallo" | "rosso" | "problems";

/** Objectives shown by a filter of the list; `withProblems` are the ids of objectives with a problem. */
export function filterObjectives(objectives: readonly ObjectiveResult[], filter: ObjectiveFilter, withProblems: ReadonlySet<string>): ObjectiveResult[] {
  switch (filter) {
    case "all":
      return [...objectives];
    case "giallo":
    case "rosso":
      return objectives.filter((o) => o.light === filter);
    case "problems":
      return objectives.filter((o) => withProblems.has(o.id));
  }
}

/** Ids of the objectives a problem concerns: by its objective, else by its card's sheet (one objective per card sheet). */
export function objectivesWithProblems(objectives: readonly ObjectiveResult[], problems: readonly { objectiveId?: string; sheet?: string }[]): Set<string> {
  const bySheet = new Map<string, string[]>();
  for (const o of objectives) if (o.sheet) bySheet.set(o.sheet, [...(bySheet.get(o.sheet) ?? []), o.id]);
  const ids = new Set<string>();
  for (const p of problems) {
    if (p.objectiveId) ids.add(p.objectiveId);
    else if (p.sheet && bySheet.get(p.sheet)?.length === 1) ids.add(bySheet.get(p.sheet)![0]);
  }
  return ids;
}
