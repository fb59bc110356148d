// The document's annex: corrections ("rettifiche": a performance stated in the workbook
// that differs from the computed one) and forced values ("forzature": a result set by
// hand on an indicator, with its note). Its input is an interface so each source can
// fill it: today the analysis' stated-vs-computed differences; the kept originals of
// the rectifications (engineer "summary") and the SMVP overrides (engineer "smvp") plug
// in through `AnnexSources` without changing the document.
import type { CellValue, PlanResult, Problem } from "../types";
import { STATED_MISMATCH_CODE, type AcceptedRectification, type Rectification } from "../rectifications";

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
  /** The value used instead (fraction), null = forced to n.d. or excluded. */
  forced: number | null;
  /** The indicator was declared «non valutabile» (excluded from the mean) rather than forced. */
  excluded?: boolean;
  /** Why: the note written with the override. */
  note: string;
}

/** A correction the user accepted: the computed value is the reference, the original kept in the workbook. */
export interface AnnexAcceptedRectification {
  sheet: string | null;
  cell: string | null;
  objective: string;
  indicator: string;
  /** The user's original statement (fraction), null when it was not a performance (e.g. blank). */
  original: number | null;
  /** The value accepted (fraction), null when not available. */
  computed: number | null;
  /** When it was accepted (ISO date, "2026-01-01"). */
  acceptedOn: string;
}

export interface DocumentAnnex {
  rectifications: AnnexRectification[];
  overrides: AnnexOverride[];
  /** The accepted corrections, listed after the open ones (absent = none). */
  accepted?: AnnexAcceptedRectification[];
}

/** Sources that exist elsewhere: names are looked up from the plan by sheet and cell when absent. */
export interface AnnexSources {
  rectifications?: Array<Omit<AnnexRectification, "objective" | "indicator"> & Partial<Pick<AnnexRectification, "objective" | "indicator">>>;
  overrides?: Array<Omit<AnnexOverride, "objective" | "indicator"> & Partial<Pick<AnnexOverride, "objective" | "indicator">>>;
}

const key = (sheet: string | null | undefined, cell: string | null | undefined) => `${sheet ?? ""}\u0000${cell ?? ""}`;

/**
 * The annex from what the analysis knows — every STATED_MISMATCH in problem order, then the
 * analysis' `rectifications` (the user's original statements, kept in the backup after the
 * add-in wrote the cells: src/core/rectifications.ts) — merged with `sources`. A later
 * entry for the same cell replaces an earlier one (it holds the original value).
 */
export function buildAnnex(
  analysis: { result: PlanResult; problems: Problem[]; rectifications?: readonly Rectification[]; acceptedRectifications?: readonly AcceptedRectification[] },
  sources: AnnexSources = {},
): DocumentAnnex {
  const names = new Map<string, { objective: string; indicator: string }>();
  for (const o of analysis.result.objectives) {
    for (const i of o.indicators) {
      const sheet = i.sheet ?? o.sheet;
      const entry = { objective: o.name, indicator: i.name };
      if (i.performanceCell) names.set(key(sheet, i.performanceCell), entry);
      if (i.cell) names.set(key(sheet, i.cell), entry);
      if (i.override?.cell) names.set(key(sheet, i.override.cell), entry);
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
    if (p.code !== STATED_MISMATCH_CODE || !p.objectiveId || p.indicatorRow === undefined) continue;
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
  for (const r of analysis.rectifications ?? []) {
    add({ sheet: r.sheet, cell: r.cell, objective: r.objective, indicator: r.indicator, original: r.original, computed: r.computed, explanation: r.explanation });
  }
  for (const r of sources.rectifications ?? []) {
    const n = nameOf(r.sheet, r.cell);
    add({ ...r, objective: r.objective ?? n.objective, indicator: r.indicator ?? n.indicator });
  }
  // Forced values the engine applied (the «Performance forzata» column), then other sources.
  const overrides = new Map<string, AnnexOverride>();
  for (const o of analysis.result.objectives) {
    for (const i of o.indicators) {
      if (!i.override) continue;
      const sheet = i.sheet ?? o.sheet ?? null;
      const cell = i.override.cell ?? i.performanceCell ?? null;
      const excluded = i.override.kind === "excluded";
      overrides.set(key(sheet, cell), {
        sheet,
        cell,
        objective: o.name,
        indicator: i.name,
        computed: i.override.computed,
        forced: i.override.performance,
        note: i.override.note,
        ...(excluded ? { excluded } : {}),
      });
    }
  }
  for (const r of sources.overrides ?? []) {
    const n = nameOf(r.sheet, r.cell);
    overrides.set(key(r.sheet, r.cell), { ...r, objective: r.objective ?? n.objective, indicator: r.indicator ?? n.indicator });
  }
  // Accepted corrections (src/core/rectifications.ts: acceptedRectificationsOf), named as the
  // open ones are (the objective's name from the result).
  const accepted = (analysis.acceptedRectifications ?? []).map((r): AnnexAcceptedRectification => {
    const n = names.get(key(r.sheet, r.cell));
    return { sheet: r.sheet, cell: r.cell, objective: n?.objective ?? r.objective, indicator: n?.indicator ?? r.indicator, original: r.original, computed: r.computed, acceptedOn: r.acceptedOn };
  });
  return { rectifications: order.map((k) => byCell.get(k)!), overrides: [...overrides.values()], ...(accepted.length ? { accepted } : {}) };
}
