// The «Forzature» block's rows: indicators whose performance the office forced, with the
// note that justifies it. The per-indicator override is the SMVP engine's; until it lands
// in IndicatorResult, this reads the optional `override` field described below, so the
// engine only has to fill it.
import type { IndicatorResult } from "../types";
import type { WorkbookAnalysis } from "../reader/analyze";

/** What the engine exposes on an indicator whose performance was forced. */
export interface IndicatorOverride {
  /** The forced performance (fraction), or null when forced to "n.d.". */
  forced: number | null;
  /** What the rules would have computed (fraction), or null. */
  computed: number | null;
  /** The user's justification. */
  note: string;
  /** Cell holding the forced value, when there is one. */
  cell?: string;
}

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
      const ov = (i as IndicatorResult & { override?: IndicatorOverride | null }).override;
      if (!ov) continue;
      out.push({ ...ov, cell: ov.cell ?? i.performanceCell, sheet: i.sheet ?? o.sheet ?? "", objective: o.name, indicator: i.name });
    }
  return out;
}
