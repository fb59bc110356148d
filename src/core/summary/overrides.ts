// The «Forzature» block's rows: indicators whose performance the evaluator forced (or
// declared «non valutabile»), with the note that justifies it — the engine's
// IndicatorResult.override, in card order.
import type { IndicatorOverride } from "../types";
import type { WorkbookAnalysis } from "../reader/analyze";

export type { IndicatorOverride };

export interface SummaryOverride extends IndicatorOverride {
  sheet: string;
  objective: string;
  indicator: string;
}

/** The forced values of the analysis, in card order. */
export function overridesOf(analysis: Pick<WorkbookAnalysis, "result">): SummaryOverride[] {
  const out: SummaryOverride[] = [];
  for (const o of analysis.result.objectives)
    for (const i of o.indicators) {
      const ov = i.override;
      if (!ov) continue;
      out.push({ ...ov, cell: ov.cell ?? i.performanceCell, sheet: i.sheet ?? o.sheet ?? "", objective: o.name, indicator: i.name });
    }
  return out;
}
