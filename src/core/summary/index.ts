// Builds the summary model (model.ts) from an analysis: one function per block, placed one
// under the other on the sheet's column grid. Used by both renderers, the document and CSV.
import type { ObjectiveResult, Problem, RollupRow, TrafficLight } from "../types";
import { formatPercent } from "../format";
import { leadingCode, missioniOfProgramma, pad3 } from "../missioni";
import type { WorkbookAnalysis } from "../reader/analyze";
import { a1, columnLetters } from "../reader/grid";
import { policyInWords } from "../reader/settings";
import { RECTIFIED_CODE, STATED_MISMATCH_CODE, type AcceptedRectification, type Rectification } from "../rectifications";
import { italianDate } from "../../messages/phases";
import { RECTIFICATIONS, SUMMARY_SHEET } from "../../messages/summary";
import { SUMMARY } from "../../messages/workbook";
import { summaryFingerprint } from "./fingerprint";
import { overridesOf, type SummaryOverride } from "./overrides";
import type { SummaryBlock, SummaryBlockId, SummaryCell, SummaryChart, SummaryColumn, SummaryColumnKind, SummaryLine, SummaryModel } from "./model";
import { phaseSummaryDrafts } from "../phases/summary";

export * from "./model";
export { summaryFingerprint } from "./fingerprint";
export { overridesOf, type SummaryOverride, type IndicatorOverride } from "./overrides";

export interface SummaryOptions {
  /** Defaults to summarySheetName(year, analysis.sheetNames, analysis.ownedSheets). */
  sheetName?: string;
  /** The source workbook's file name, for the stamp. */
  source?: string | null;
  /** When the summary is built (default: now). */
  producedAt?: Date;
}

/** The sheet's column grid (widths in characters): the objectives table's columns. */
const GRID = {
  sheet: 0,
  cell: 1,
  missioneProgramma: 2,
  obiettivoStrategico: 3,
  obiettivoOperativo: 4,
  area: 5,
  ufficio: 6,
  resources: 7,
  indicators: 8,
  notAvailable: 9,
  problems: 10,
  performance: 11,
  light: 12,
} as const;
const GRID_WIDTHS = [16, 7, 11, 24, 32, 17, 16, 14, 11, 6, 10, 13, 10];
const GRID_COLUMNS = GRID_WIDTHS.length;

/** Points per line of 11-point text, and the rows of the chart band. */
const LINE_HEIGHT = 15;
const CHART_MIN_ROWS = 14;

export type ColumnSpec = [header: string, kind: SummaryColumnKind, span: number, extra?: Partial<SummaryColumn>];

/** How many grid columns the summary sheet has: every block's spans add up to it. */
export const SUMMARY_GRID_COLUMNS = GRID_COLUMNS;

/** Columns laid left to right on the grid; their spans must cover it exactly. */
export function columns(specs: ColumnSpec[]): SummaryColumn[] {
  let col = 0;
  const out = specs.map(([header, kind, span, extra]) => {
    const c: SummaryColumn = { header, kind, col, span, ...extra };
    col += span;
    return c;
  });
  if (col !== GRID_COLUMNS) throw new Error(`summary block covers ${col} of ${GRID_COLUMNS} columns`);
  return out;
}

const text = (v: string | undefined, fromUser = true): SummaryCell => ({ value: v ?? "", fromUser: fromUser || undefined });
const pctCell = (p: number | null, light: TrafficLight | null): SummaryCell => (p === null ? { value: SUMMARY.notAvailable } : { value: p, light });
const lightCell = (light: TrafficLight | null): SummaryCell => ({ value: light ? SUMMARY.lights[light] : "", light });
const C = SUMMARY.columns;
const N = SUMMARY_SHEET.columns;

/** The Missione shown for an objective: the card's, or the one its Programma belongs to (marked «*»). */
function missioneOf(o: ObjectiveResult): { code: string; derived: boolean } {
  const m = leadingCode(o.input.missione);
  if (m !== null) return { code: pad3(m), derived: false };
  const p = leadingCode(o.input.programma);
  const owners = p === null ? [] : missioniOfProgramma(p);
  return owners.length === 1 ? { code: pad3(owners[0]), derived: true } : { code: "", derived: false };
}

function missioneProgrammaText(o: ObjectiveResult): { text: string; derived: boolean } {
  const m = missioneOf(o);
  const p = leadingCode(o.input.programma);
  const prog = p === null ? (o.input.programma ?? "").trim() : pad3(p);
  const miss = m.code ? m.code + (m.derived ? "*" : "") : (o.input.missione ?? "").trim();
  return { text: [miss, prog].filter(Boolean).join(" / "), derived: m.derived };
}

/** A block before it is placed on the sheet's rows (blocks from other modules too: phases). */
export interface Draft {
  id: SummaryBlockId;
  title: string;
  columns: SummaryColumn[];
  rows: SummaryCell[][];
  totals?: SummaryCell[];
  emptyText?: string;
  notes?: string[];
}

function objectivesBlock(analysis: WorkbookAnalysis): Draft {
  const { result } = analysis;
  const cols = columns([
    [C.sheet, "text", 1],
    [C.cell, "text", 1],
    [N.missioneProgramma, "text", 1],
    [C.obiettivoStrategico, "text", 1],
    [C.obiettivoOperativo, "text", 1],
    [C.areaResponsabilita, "text", 1],
    [C.ufficio, "text", 1],
    [C.resources, "euro", 1],
    [C.indicators, "integer", 1],
    [C.notAvailable, "integer", 1],
    [C.problems, "integer", 1],
    [C.performance, "percent", 1, { lights: true, dataBar: true }],
    [C.light, "light", 1],
  ]);
  let derived = false;
  const rows = result.objectives.map((o): SummaryCell[] => {
    const i = o.input;
    const link = o.sheet && o.cell ? { sheet: o.sheet, cell: o.cell } : undefined;
    const mp = missioneProgrammaText(o);
    derived ||= mp.derived;
    return [
      { ...text(o.sheet), link },
      { ...text(o.cell ?? "", false), link },
      { value: mp.text, fromUser: true },
      text(i.obiettivoStrategico),
      { ...text(o.name), link },
      text(i.areaResponsabilita),
      text(i.ufficio),
      o.internalResources ? text(SUMMARY_SHEET.internalResources, false) : { value: o.resources },
      { value: o.indicators.length },
      { value: o.notAvailableCount },
      { value: o.problemCount },
      pctCell(o.performance, o.light),
      lightCell(o.light),
    ];
  });
  const sum = (f: (o: ObjectiveResult) => number) => result.objectives.reduce((s, o) => s + f(o), 0);
  const totals: SummaryCell[] | undefined = rows.length
    ? [
        text(SUMMARY_SHEET.total, false),
        text("", false),
        text("", false),
        text("", false),
        text("", false),
        text("", false),
        text("", false),
        { value: sum((o) => o.resources ?? 0) },
        { value: sum((o) => o.indicators.length) },
        { value: sum((o) => o.notAvailableCount) },
        { value: sum((o) => o.problemCount) },
        pctCell(result.performance, lightFor(result.performance, analysis)),
        lightCell(lightFor(result.performance, analysis)),
      ]
    : undefined;
  return { id: "objectives", title: SUMMARY.blocks.objectives, columns: cols, rows, totals, emptyText: SUMMARY.noRows, notes: derived ? [SUMMARY_SHEET.derivedMissione] : [] };
}

function lightFor(p: number | null, analysis: WorkbookAnalysis): TrafficLight | null {
  if (p === null) return null;
  const t = analysis.policy.thresholds;
  return p >= t.green ? "verde" : p >= t.yellow ? "giallo" : "rosso";
}

function rollupBlock(analysis: WorkbookAnalysis, id: SummaryBlockId, label: string, list: RollupRow[]): Draft {
  const cols = columns([
    [label, "text", 6],
    [C.objectives, "integer", 1],
    [C.resources, "euro", 1],
    [N.internal, "integer", 3],
    [C.meanPerformance, "percent", 1, { lights: true }],
    [C.light, "light", 1],
  ]);
  const resources = (r: { resources: number; internalCount: number; objectiveCount: number }): SummaryCell =>
    r.resources === 0 && r.internalCount === r.objectiveCount ? text(SUMMARY_SHEET.internalResources, false) : { value: r.resources };
  const rows = list.map((r) => [text(r.label), { value: r.objectiveCount }, resources(r), { value: r.internalCount }, pctCell(r.performance, r.light), lightCell(r.light)]);
  const total = list.reduce((t, r) => ({ objectiveCount: t.objectiveCount + r.objectiveCount, resources: t.resources + r.resources, internalCount: t.internalCount + r.internalCount }), {
    objectiveCount: 0,
    resources: 0,
    internalCount: 0,
  });
  const plan = analysis.result.performance;
  const totals = rows.length
    ? [text(SUMMARY_SHEET.total, false), { value: total.objectiveCount }, resources(total), { value: total.internalCount }, pctCell(plan, lightFor(plan, analysis)), lightCell(lightFor(plan, analysis))]
    : undefined;
  return { id, title: SUMMARY.blocks[id as keyof typeof SUMMARY.blocks], columns: cols, rows, totals, emptyText: SUMMARY.noRows };
}

/** The indicators by Tipologia: how many, from how many objectives, their simple mean. */
function typeBlock(list: readonly RollupRow[]): Draft {
  const cols = columns([
    [C.tipologia, "text", 6],
    [C.indicators, "integer", 1],
    [C.objectives, "integer", 4],
    [C.meanPerformance, "percent", 1, { lights: true }],
    [C.light, "light", 1],
  ]);
  const rows = list.map((r) => [text(r.label), { value: r.indicatorCount ?? 0 }, { value: r.objectiveCount }, pctCell(r.performance, r.light), lightCell(r.light)]);
  return { id: "tipologia", title: SUMMARY.blocks.tipologia, columns: cols, rows, emptyText: SUMMARY.noRows };
}

/** The explanation of the computed value of each Performance cell, by sheet and cell. */
function explanations(analysis: WorkbookAnalysis): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of analysis.result.objectives)
    for (const i of o.indicators) {
      const sheet = i.sheet ?? o.sheet;
      if (sheet && i.performanceCell) out.set(`${sheet}\u0000${i.performanceCell}`, i.explanation);
    }
  return out;
}

/**
 * The corrections: the open ones, then those the user accepted («accettata il GG/MM/AAAA»,
 * with the original kept in the backup) — so an acceptance never makes one disappear.
 */
function rectificationsBlock(list: readonly Rectification[], accepted: readonly AcceptedRectification[] = [], explained: Map<string, string> = new Map()): Draft {
  const cols = columns([
    [C.sheet, "text", 1],
    [C.cell, "text", 1],
    [N.indicator, "text", 3],
    [N.original, "percent", 1],
    [N.computed, "percent", 1],
    [N.explanation, "text", 4],
    [N.state, "text", 2],
  ]);
  const rows = list.map((r): SummaryCell[] => {
    const link = { sheet: r.sheet, cell: r.cell };
    return [
      { ...text(r.sheet), link },
      { ...text(r.cell, false), link },
      text(`${r.objective} — ${r.indicator}`),
      { value: r.original },
      { value: r.computed },
      text(r.explanation),
      text(RECTIFICATIONS.states[r.state], false),
    ];
  });
  for (const r of accepted) {
    const link = { sheet: r.sheet, cell: r.cell };
    rows.push([
      { ...text(r.sheet), link },
      { ...text(r.cell, false), link },
      text(`${r.objective} — ${r.indicator}`),
      { value: r.original },
      { value: r.computed },
      text(explained.get(`${r.sheet}\u0000${r.cell}`) ?? ""),
      text(RECTIFICATIONS.accepted(italianDate(r.acceptedOn)), false),
    ]);
  }
  const notes = accepted.length ? [SUMMARY_SHEET.acceptedNote] : [];
  return { id: "rectifications", title: SUMMARY_SHEET.blocks.rectifications, columns: cols, rows, emptyText: SUMMARY_SHEET.noRectifications, notes };
}

function overridesBlock(list: readonly SummaryOverride[]): Draft {
  const cols = columns([
    [C.sheet, "text", 1],
    [C.cell, "text", 1],
    [N.indicator, "text", 3],
    [N.forced, "percent", 1],
    [N.computed, "percent", 1],
    [N.note, "text", 6],
  ]);
  const pct = (p: number | null): SummaryCell => (p === null ? { value: SUMMARY.notAvailable } : { value: p });
  const rows = list.map((o): SummaryCell[] => {
    const link = o.cell ? { sheet: o.sheet, cell: o.cell } : undefined;
    const forced = o.kind === "excluded" ? text(SUMMARY_SHEET.excluded, false) : pct(o.performance);
    return [{ ...text(o.sheet), link }, { ...text(o.cell ?? "", false), link }, text(`${o.objective} — ${o.indicator}`), forced, pct(o.computed), text(o.note)];
  });
  return { id: "overrides", title: SUMMARY_SHEET.blocks.overrides, columns: cols, rows, emptyText: SUMMARY_SHEET.noOverrides };
}

function problemsBlock(problems: readonly Problem[]): Draft {
  const cols = columns([
    [C.sheetName, "text", 1],
    [C.cell, "text", 1],
    [C.severity, "text", 1],
    [C.message, "text", 10],
  ]);
  const shown = problems.filter((p) => p.code !== STATED_MISMATCH_CODE && p.code !== RECTIFIED_CODE);
  const rows = shown.map((p): SummaryCell[] => {
    const link = p.sheet && p.cell ? { sheet: p.sheet, cell: p.cell } : undefined;
    return [{ ...text(p.sheet ?? SUMMARY.workbookLevel, p.sheet !== undefined), link }, { ...text(p.cell ?? "", false), link }, text(SUMMARY.severities[p.severity], false), text(p.message)];
  });
  return { id: "problems", title: SUMMARY.blocks.problems, columns: cols, rows, emptyText: SUMMARY.noProblems, notes: shown.length < problems.length ? [SUMMARY_SHEET.problemsNote] : [] };
}

/** Lines a text needs in a column of `width` characters (word wrap, roughly as Excel does). */
function linesFor(value: SummaryCell["value"], width: number): number {
  if (typeof value !== "string" || value === "") return 1;
  // Proportional text fits about 1.2 characters per unit of column width (the width of a "0").
  const usable = Math.max(4, Math.floor(width * 1.2) - 1);
  let lines = 0;
  for (const para of value.split("\n")) {
    let line = 0;
    lines++;
    for (const word of para.split(/\s+/)) {
      const w = word.length;
      if (line === 0) line = w;
      else if (line + 1 + w <= usable) line += 1 + w;
      else {
        lines++;
        line = w;
      }
      while (line > usable) {
        lines++;
        line -= usable;
      }
    }
  }
  return lines;
}

const spanWidth = (c: SummaryColumn) => GRID_WIDTHS.slice(c.col, c.col + c.span).reduce((s, w) => s + w, 0);

function rowHeight(cells: SummaryCell[], cols: SummaryColumn[]): number {
  let lines = 1;
  cells.forEach((cell, i) => (lines = Math.max(lines, linesFor(cell.value, spanWidth(cols[i])))));
  return lines * LINE_HEIGHT;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Builds the summary model. */
export function buildSummaryModel(analysis: WorkbookAnalysis, options?: string | SummaryOptions): SummaryModel {
  const opts: SummaryOptions = typeof options === "string" ? { sheetName: options } : (options ?? {});
  const { result } = analysis;
  const year = analysis.year ?? result.year;
  const rectifications = analysis.rectifications ?? [];
  const accepted = analysis.acceptedRectifications ?? [];
  const sheetName = opts.sheetName ?? summarySheetName(year, analysis.sheetNames, analysis.ownedSheets);
  const title = SUMMARY.title(year);
  const rowHeights: Record<number, number> = {};
  const wholeWidth = GRID_WIDTHS.reduce((s, w) => s + w, 0);

  // Title, subtitle, stamp, rules.
  const errors = analysis.problems.filter((p) => p.severity === "error").length;
  const warnings = analysis.problems.filter((p) => p.severity === "warning").length;
  const indicators = result.objectives.reduce((k, o) => k + o.indicators.length, 0);
  const n = result.objectives.length;
  const subtitle = SUMMARY_SHEET.subtitle(result.performance === null ? SUMMARY.notAvailable : formatPercent(result.performance), n, indicators, errors, warnings, rectifications.length, accepted.length);
  const at = opts.producedAt ?? new Date();
  const date = `${pad2(at.getDate())}/${pad2(at.getMonth() + 1)}/${at.getFullYear()}`;
  const time = `${pad2(at.getHours())}:${pad2(at.getMinutes())}`;
  const fingerprint = summaryFingerprint(analysis.plan, analysis.policy, rectifications);
  const rules = policyInWords(analysis.policy);
  const stampText = SUMMARY_SHEET.stamp(date, time, opts.source ?? null, fingerprint);
  const rulesText = SUMMARY_SHEET.rules(rules);
  const lines: SummaryLine[] = [
    { row: 0, text: title, style: "title" },
    { row: 1, text: subtitle, style: "subtitle" },
    { row: 2, text: stampText, style: "stamp" },
    { row: 3, text: rulesText, style: "stamp" },
  ];
  rowHeights[0] = 21;
  rowHeights[3] = linesFor(rulesText, wholeWidth) * LINE_HEIGHT;

  // Blocks, one under the other, a blank row between.
  const drafts: Draft[] = [
    objectivesBlock(analysis),
    rollupBlock(analysis, "obiettivoStrategico", C.obiettivoStrategico, result.rollups.obiettivoStrategico),
    rollupBlock(analysis, "ambitoStrategico", C.ambitoStrategico, result.rollups.ambitoStrategico),
    rollupBlock(analysis, "areaResponsabilita", C.areaResponsabilita, result.rollups.areaResponsabilita),
    rollupBlock(analysis, "missione", C.missione, result.rollups.missione),
    rollupBlock(analysis, "missioneProgramma", C.missioneProgramma, result.rollups.missioneProgramma),
    typeBlock(result.rollups.tipologia ?? []),
    // Phase blocks: targets per year and resources (preventivo), on track / late (monitoring).
    ...phaseSummaryDrafts(analysis),
    rectificationsBlock(rectifications, accepted, explanations(analysis)),
    overridesBlock(overridesOf(analysis)),
    problemsBlock(analysis.problems),
  ];
  let row = 5;
  const blocks: SummaryBlock[] = drafts.map((d) => {
    const titleRow = row;
    const first = titleRow + 2;
    rowHeights[titleRow + 1] = Math.max(...d.columns.map((c) => linesFor(c.header, spanWidth(c)))) * LINE_HEIGHT;
    d.rows.forEach((cells, i) => {
      const h = rowHeight(cells, d.columns);
      if (h > LINE_HEIGHT) rowHeights[first + i] = h;
    });
    let end = first + Math.max(1, d.rows.length);
    if (d.totals) end++;
    const notes = d.notes ?? [];
    end += notes.length;
    row = end + 1;
    return { id: d.id, title: d.title, titleRow, columns: d.columns, rows: d.rows, totals: d.totals, emptyText: d.rows.length ? undefined : d.emptyText, notes, endRow: end };
  });
  const lastRow = blocks[blocks.length - 1].endRow - 1;

  // The bar chart (Office.js): a band of rows under the tables, as wide as the grid.
  const objectives = blocks[0];
  const dataTop = objectives.titleRow + 2;
  const chartTop = lastRow + 2;
  const chartRows = Math.max(CHART_MIN_ROWS, Math.ceil(n * 1.2) + 4);
  const chart: SummaryChart | null = n
    ? {
        kind: "bar",
        title: SUMMARY.chartTitle,
        categories: `${a1(dataTop, GRID.obiettivoOperativo)}:${a1(dataTop + n - 1, GRID.obiettivoOperativo)}`,
        values: `${a1(dataTop, GRID.performance)}:${a1(dataTop + n - 1, GRID.performance)}`,
        anchor: a1(chartTop, 0),
        bottomRight: a1(chartTop + chartRows - 1, GRID_COLUMNS - 1),
      }
    : null;
  const lastCol = columnLetters(GRID_COLUMNS - 1);
  return {
    sheetName,
    title,
    subtitle,
    lines,
    blocks,
    frozenRows: 2,
    chart,
    thresholds: { ...analysis.policy.thresholds },
    formats: { text: "@", percent: "0.00%", euro: '#,##0.00 "€"', integer: "0", light: "@" },
    columnWidths: [...GRID_WIDTHS],
    rowHeights,
    lastRow,
    stamp: { producedAt: `${at.getFullYear()}-${pad2(at.getMonth() + 1)}-${pad2(at.getDate())}T${time}`, source: opts.source ?? null, rules, fingerprint },
    print: {
      orientation: "landscape",
      paper: "A4",
      area: `A1:${lastCol}${lastRow + 1}`,
      areaWithChart: chart ? `A1:${chart.bottomRight}` : `A1:${lastCol}${lastRow + 1}`,
      titleRows: "1:2",
      header: SUMMARY_SHEET.header(title),
      footerLeft: SUMMARY_SHEET.footerLeft(`${date} ${time}${opts.source ? ` · ${opts.source}` : ""}`),
      footerRight: SUMMARY_SHEET.footerRight,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  };
}

/** Excel's limit on sheet names. */


import { summarySheetName } from "./name";
export { summarySheetName };
export { summaryStatus, type SummaryStatus } from "./stale";
