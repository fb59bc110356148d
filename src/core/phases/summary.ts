// The summary's phase blocks (issue 11), as data in the summary model: for a preventivo the
// targets per year by objective and the resources by Missione/Programma; for a monitoring
// the indicators on track / late by objective. buildSummaryModel (reader/summary.ts) calls
// phaseSummaryBlocks; renderers draw them like any other block.
import type { SummaryBlock, SummaryCell, SummaryColumn } from "../reader/summary";
import type { WorkbookAnalysis } from "../reader/analyze";
import { formatPercent } from "../format";
import { italianDate, PHASE_SUMMARY } from "../../messages/phases";
import { indicatorTargets, valueText } from "./targets";

const text = (v: string | undefined, fromUser = true): SummaryCell => ({ value: v ?? "", fromUser: fromUser || undefined });

/** Blocks starting at sheet row `startRow` (0-based title row); `nextRow` is where the next block goes. */
export function phaseSummaryBlocks(analysis: WorkbookAnalysis, startRow: number): { blocks: SummaryBlock[]; nextRow: number } {
  const blocks: SummaryBlock[] = [];
  let row = startRow;
  const push = (b: Omit<SummaryBlock, "titleRow">) => {
    blocks.push({ ...b, titleRow: row, emptyText: b.rows.length ? undefined : PHASE_SUMMARY.noRows });
    row += 2 + Math.max(1, b.rows.length) + 1;
  };
  const C = PHASE_SUMMARY.columns;

  if (analysis.phase === "preventivo") {
    const years = new Set<number>();
    const perIndicator = analysis.plan.objectives.map((o) => o.indicators.map((i) => indicatorTargets(i, analysis.year)));
    for (const list of perIndicator) for (const ts of list) for (const t of ts) if (t.year !== undefined) years.add(t.year);
    const sorted = [...years].sort((a, b) => a - b);
    const columns: SummaryColumn[] = [
      { header: C.sheet, kind: "text", width: 24 },
      { header: C.objective, kind: "text", width: 40 },
      { header: C.indicator, kind: "text", width: 40 },
      ...sorted.map((y): SummaryColumn => ({ header: C.target(y), kind: "text", width: 14 })),
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
    push({ id: "phaseTargets", title: PHASE_SUMMARY.targetsTitle(analysis.year), columns, rows });
    const res = analysis.result.rollups.missioneProgramma;
    push({
      id: "phaseResources",
      title: PHASE_SUMMARY.resourcesTitle,
      columns: [
        { header: C.missioneProgramma, kind: "text", width: 40 },
        { header: C.objectives, kind: "integer", width: 10 },
        { header: C.resources, kind: "euro", width: 16 },
        { header: C.internal, kind: "integer", width: 12 },
      ],
      rows: res.map((r) => [text(r.label), { value: r.objectiveCount }, { value: r.resources }, { value: r.internalCount }]),
    });
  } else if (analysis.phase === "monitoraggio" && analysis.monitoring) {
    const m = analysis.monitoring;
    push({
      id: "phaseProgress",
      title: PHASE_SUMMARY.progressTitle(italianDate(m.asOf), formatPercent(m.share)),
      columns: [
        { header: C.sheet, kind: "text", width: 24 },
        { header: C.objective, kind: "text", width: 40 },
        { header: C.onTrack, kind: "integer", width: 10 },
        { header: C.late, kind: "integer", width: 11 },
        { header: C.notMeasured, kind: "integer", width: 12 },
      ],
      rows: m.objectives.map((o) => [text(o.sheet), text(o.name), { value: o.onTrack }, { value: o.late }, { value: o.notMeasured }]),
    });
  }
  return { blocks, nextRow: row };
}
