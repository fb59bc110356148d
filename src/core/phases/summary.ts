// The summary's phase blocks (issue 11), as data in the summary model: for a preventivo the
// targets per year by objective and the resources by Missione/Programma; for a monitoring
// the indicators on track / late by objective. buildSummaryModel (src/core/summary) places
// them on the sheet's column grid like any other block; renderers draw them the same way.
import type { SummaryCell } from "../summary/model";
import { columns, SUMMARY_GRID_COLUMNS, type ColumnSpec, type Draft } from "../summary";
import type { WorkbookAnalysis } from "../reader/analyze";
import { formatPercent } from "../format";
import { italianDate, PHASE_SUMMARY } from "../../messages/phases";
import { indicatorTargets, valueText } from "./targets";

const text = (v: string | undefined, fromUser = true): SummaryCell => ({ value: v ?? "", fromUser: fromUser || undefined });


/** `n` spans that cover `total` grid columns, as evenly as they can (the first ones wider). */
function spans(n: number, total: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

/** The phase's blocks, in the order they are printed (none in a consuntivo). */
export function phaseSummaryDrafts(analysis: WorkbookAnalysis): Draft[] {
  const drafts: Draft[] = [];
  const C = PHASE_SUMMARY.columns;
  // Grid columns left for the targets of the years, after Foglio (1), Obiettivo (3), Indicatore (2).
  // (Read here, not at load: this module and the summary's import each other.)
  const TARGET_COLUMNS = SUMMARY_GRID_COLUMNS - 6;

  if (analysis.phase === "preventivo") {
    const years = new Set<number>();
    const perIndicator = analysis.plan.objectives.map((o) => o.indicators.map((i) => indicatorTargets(i, analysis.year)));
    for (const list of perIndicator) for (const ts of list) for (const t of ts) if (t.year !== undefined) years.add(t.year);
    // The sheet is one page wide: at most one grid column per year.
    const sorted = [...years].sort((a, b) => a - b).slice(0, TARGET_COLUMNS);
    const yearSpans = sorted.length ? spans(sorted.length, TARGET_COLUMNS) : [];
    const specs: ColumnSpec[] = [
      [C.sheet, "text", 1],
      [C.objective, "text", sorted.length ? 3 : 5],
      [C.indicator, "text", sorted.length ? 2 : 7],
      ...sorted.map((y, i): ColumnSpec => [C.target(y), "text", yearSpans[i]]),
    ];
    const rows: SummaryCell[][] = [];
    analysis.plan.objectives.forEach((o, oi) => {
      const link = o.sheet && o.cell ? { sheet: o.sheet, cell: o.cell } : undefined;
      o.indicators.forEach((ind, ii) => {
        const ts = perIndicator[oi][ii];
        rows.push([
          { ...text(o.sheet), link },
          { ...text(ii === 0 ? o.obiettivoOperativo : ""), link },
          text(ind.name),
          ...sorted.map((y) => {
            const t = ts.find((x) => x.year === y);
            const v = t ? valueText(t.value) : "";
            return text(t && v ? `${t.operator ? t.operator + " " : ""}${v}` : PHASE_SUMMARY.toDefine, !!v);
          }),
        ]);
      });
    });
    drafts.push({ id: "phaseTargets", title: PHASE_SUMMARY.targetsTitle(analysis.year), columns: columns(specs), rows, emptyText: PHASE_SUMMARY.noRows });
    const res = analysis.result.rollups.missioneProgramma;
    drafts.push({
      id: "phaseResources",
      title: PHASE_SUMMARY.resourcesTitle,
      columns: columns([
        [C.missioneProgramma, "text", 5],
        [C.objectives, "integer", 2],
        [C.resources, "euro", 3],
        [C.internal, "integer", 3],
      ]),
      rows: res.map((r) => [text(r.label), { value: r.objectiveCount }, { value: r.resources }, { value: r.internalCount }]),
      emptyText: PHASE_SUMMARY.noRows,
    });
  } else if (analysis.phase === "monitoraggio" && analysis.monitoring) {
    const m = analysis.monitoring;
    drafts.push({
      id: "phaseProgress",
      title: PHASE_SUMMARY.progressTitle(italianDate(m.asOf), formatPercent(m.share)),
      columns: columns([
        [C.sheet, "text", 1],
        [C.objective, "text", 4],
        [C.onTrack, "integer", 3],
        [C.late, "integer", 3],
        [C.notMeasured, "integer", 2],
      ]),
      rows: m.objectives.map((o) => [text(o.sheet), text(o.name), { value: o.onTrack }, { value: o.late }, { value: o.notMeasured }]),
      emptyText: PHASE_SUMMARY.noRows,
    });
  }
  return drafts;
}
