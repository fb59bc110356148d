// The document's annex: corrections ("rettifiche": a performance stated in the workbook
// that differs from the computed one) and forced values ("forzature": a result set by
// hand on an indicator, with its note). Its input is an interface so each source can
// fill it: today the analysis' stated-vs-computed differences; the kept originals of
// the rectifications (engineer "summary") and the SMVP overrides (engineer "smvp") plug
// in through `AnnexSources` without changing the document.
import type { CellValue, PlanResult, Problem } from "../types";

/** One correction, in the shape of `--json`'s `rectifications`, plus the names to print. */
export interface AnnexRectification {
  sheet: string | null;
  /** The Performance cell (A1). */
  cell: string | null;
  objective: string;
  indicator: string;
  /** What the cell said before the add-in wrote it: a fraction when it was a number, else the text. */
  original: CellValue;
  /** The computed performance (fraction), null when not available. */
  computed: number | null;
  explanation: string;
}

/** One forced value on an indicator's result. */
export interface AnnexOverride {
  sheet: string | null;
  cell: string | null;
  objective: string;
  indicator: string;
  /** What the rules give (fraction), null when not available. */
  computed: number | null;
  /** The value used instead (fraction), null = forced to n.d. */
  forced: number | null;
  /** Why: the note written with the override. */
  note: string;
}

export interface DocumentAnnex {
  rectifications: AnnexRectification[];
  overrides: AnnexOverride[];
}

/** Sources that exist elsewhere: names are looked up from the plan by sheet and cell when absent. */
export interface AnnexSources {
  rectifications?: Array<Omit<AnnexRectification, "objective" | "indicator"> & Partial<Pick<AnnexRectification, "objective" | "indicator">>>;
  overrides?: Array<Omit<AnnexOverride, "objective" | "indicator"> & Partial<Pick<AnnexOverride, "objective" | "indicator">>>;
}

/** The problem code the engine reports for a stated performance that differs from the computed one. */
export const STATED_MISMATCH = "STATED_MISMATCH";

const key = (sheet: string | null | undefined, cell: string | null | undefined) => `${sheet ?? ""}\u0000${cell ?? ""}`;

/**
 * The annex from what the analysis knows (every STATED_MISMATCH, in problem order), merged
 * with `sources`: a source's rectification replaces the difference found in the same cell
 * (it holds the original value, kept from before the first write).
 */
export function buildAnnex(analysis: { result: PlanResult; problems: Problem[] }, sources: AnnexSources = {}): DocumentAnnex {
  const names = new Map<string, { objective: string; indicator: string }>();
  for (const o of analysis.result.objectives) {
    for (const i of o.indicators) {
      const sheet = i.sheet ?? o.sheet;
      const entry = { objective: o.name, indicator: i.name };
      if (i.performanceCell) names.set(key(sheet, i.performanceCell), entry);
      if (i.cell) names.set(key(sheet, i.cell), entry);
    }
  }
  const nameOf = (sheet: string | null, cell: string | null) => names.get(key(sheet, cell)) ?? { objective: "", indicator: "" };

  const byCell = new Map<string, AnnexRectification>();
  const order: string[] = [];
  const add = (r: AnnexRectification) => {
    const k = key(r.sheet, r.cell);
    if (!byCell.has(k)) order.push(k);
    byCell.set(k, r);
  };

  const objectives = new Map(analysis.result.objectives.map((o) => [o.id, o]));
  for (const p of analysis.problems) {
    if (p.code !== STATED_MISMATCH || !p.objectiveId || p.indicatorRow === undefined) continue;
    const o = objectives.get(p.objectiveId);
    const i = o?.indicators.find((x) => x.row === p.indicatorRow);
    if (!o || !i) continue;
    add({
      sheet: i.sheet ?? o.sheet ?? null,
      cell: i.performanceCell ?? p.cell ?? null,
      objective: o.name,
      indicator: i.name,
      original: i.stated,
      computed: i.performance,
      explanation: i.explanation,
    });
  }
  for (const r of sources.rectifications ?? []) {
    const n = nameOf(r.sheet, r.cell);
    add({ ...r, objective: r.objective ?? n.objective, indicator: r.indicator ?? n.indicator });
  }
  const overrides = (sources.overrides ?? []).map((r) => {
    const n = nameOf(r.sheet, r.cell);
    return { ...r, objective: r.objective ?? n.objective, indicator: r.indicator ?? n.indicator };
  });
  return { rectifications: order.map((k) => byCell.get(k)!), overrides };
}
