// The summary sheet "Riepilogo performance <anno>" as a renderer-neutral model: built
// once from the analysis, drawn by ExcelJS (CLI, preview) and by Office.js (add-in).
// Layout (rows, columns) is decided here so both renderers put things in the same place.
import type { Problem, RollupRow, TrafficLight } from "../types";
import { formatPercent } from "../format";
import type { WorkbookAnalysis } from "./analyze";
import { a1, columnLetters } from "./grid";
import { SUMMARY } from "../../messages/workbook";

export type SummaryColumnKind = "text" | "percent" | "euro" | "integer" | "light";

export interface SummaryColumn {
  header: string;
  kind: SummaryColumnKind;
  /** Column width in characters. */
  width: number;
}

/** A cell of the summary. Strings are ALWAYS written as text (never as formulas): many
 *  come from the user's cells (`fromUser`), and a name may begin with "=". A renderer that
 *  can only link through a formula (ExcelJS: HYPERLINK) links only cells that are not
 *  `fromUser` — every linked row also has such a cell ("Cella"). */
export interface SummaryCell {
  /** number: fraction for "percent", euro for "euro"; string for "text"/"light"; null = empty. */
  value: string | number | null;
  /** True when the text was copied from a user's cell. */
  fromUser?: boolean;
  /** Traffic light of a percent cell (fill colour), or of a "light" cell. */
  light?: TrafficLight | null;
  /** The cell this one links to (Problemi table, objectives' names). */
  link?: { sheet: string; cell: string };
}

export type SummaryBlockId =
  | "objectives"
  | "obiettivoStrategico"
  | "ambitoStrategico"
  | "areaResponsabilita"
  | "missione"
  | "missioneProgramma"
  | "tipologia"
  | "problems";

export interface SummaryBlock {
  id: SummaryBlockId;
  /** Italian title written above the table (row `titleRow`). */
  title: string;
  /** 0-based sheet row of the title; the header row is titleRow + 1, data from titleRow + 2. */
  titleRow: number;
  columns: SummaryColumn[];
  rows: SummaryCell[][];
  /** Italian line written instead of rows when the table is empty. */
  emptyText?: string;
}

export interface SummaryChart {
  kind: "bar";
  title: string;
  /** A1 ranges on the summary sheet: the objectives' names and their performances. */
  categories: string;
  values: string;
  /** Where to place it (top-left cell, A1). */
  anchor: string;
}

export interface SummaryModel {
  sheetName: string;
  /** Row 0: title, e.g. "Riepilogo performance 2022". */
  title: string;
  /** Row 1: plan performance, objectives, problems, in Italian. */
  subtitle: string;
  blocks: SummaryBlock[];
  /** Rows above this are frozen (title, subtitle, the objectives' header). */
  frozenRows: number;
  chart: SummaryChart | null;
  /** Cell (A1) where a renderer without charts writes `chartNote` (the chart's anchor). */
  chartNoteCell: string;
  /** Italian note for renderers that cannot draw the chart (ExcelJS). */
  chartNote: string;
  /** Traffic-light thresholds (fractions) for conditional formats. */
  thresholds: { green: number; yellow: number };
  /** Number formats per column kind. */
  formats: Record<SummaryColumnKind, string>;
  /** Column widths (characters) for the whole sheet, max over blocks. */
  columnWidths: number[];
}

/** Columns of the objectives table used by the chart (0-based). */
const NAME_COL = 6;
const PERF_COL = 13;

/** Builds the summary model. `sheetName` defaults to summarySheetName(year, analysis.sheetNames, analysis.ownedSheets). */
export function buildSummaryModel(analysis: WorkbookAnalysis, sheetName?: string): SummaryModel {
  const { result } = analysis;
  const year = analysis.year ?? result.year;
  const C = SUMMARY.columns;
  const blocks: SummaryBlock[] = [];
  const text = (v: string | undefined, fromUser = true): SummaryCell => ({ value: v ?? "", fromUser: fromUser || undefined });
  const pctCell = (p: number | null, light: TrafficLight | null): SummaryCell => (p === null ? { value: SUMMARY.notAvailable } : { value: p, light });
  const lightCell = (light: TrafficLight | null): SummaryCell => ({ value: light ? SUMMARY.lights[light] : "", light });

  // Objectives.
  const objectiveColumns: SummaryColumn[] = [
    { header: C.sheet, kind: "text", width: 24 },
    { header: C.cell, kind: "text", width: 8 },
    { header: C.missione, kind: "text", width: 24 },
    { header: C.programma, kind: "text", width: 24 },
    { header: C.ambitoStrategico, kind: "text", width: 30 },
    { header: C.obiettivoStrategico, kind: "text", width: 30 },
    { header: C.obiettivoOperativo, kind: "text", width: 40 },
    { header: C.areaResponsabilita, kind: "text", width: 24 },
    { header: C.ufficio, kind: "text", width: 22 },
    { header: C.resources, kind: "euro", width: 16 },
    { header: C.indicators, kind: "integer", width: 11 },
    { header: C.notAvailable, kind: "integer", width: 7 },
    { header: C.problems, kind: "integer", width: 10 },
    { header: C.performance, kind: "percent", width: 13 },
    { header: C.light, kind: "light", width: 10 },
  ];
  const objectiveRows: SummaryCell[][] = result.objectives.map((o) => {
    const i = o.input;
    const link = o.sheet && o.cell ? { sheet: o.sheet, cell: o.cell } : undefined;
    return [
      { ...text(o.sheet), link },
      { ...text(o.cell ?? "", false), link },
      text(i.missione),
      text(i.programma),
      text(i.ambitoStrategico),
      text(i.obiettivoStrategico),
      { ...text(o.name), link },
      text(i.areaResponsabilita),
      text(i.ufficio),
      o.internalResources ? text(SUMMARY.internalResources, false) : { value: o.resources },
      { value: o.indicators.length },
      { value: o.notAvailableCount },
      { value: o.problemCount },
      pctCell(o.performance, o.light),
      lightCell(o.light),
    ];
  });
  let row = 2;
  blocks.push({ id: "objectives", title: SUMMARY.blocks.objectives, titleRow: row, columns: objectiveColumns, rows: objectiveRows, emptyText: objectiveRows.length ? undefined : SUMMARY.noRows });
  row += 2 + Math.max(1, objectiveRows.length) + 1;

  // Roll-ups.
  const rollup = (id: SummaryBlockId, label: string, rows: RollupRow[]) => {
    const columns: SummaryColumn[] = [
      { header: label, kind: "text", width: 40 },
      { header: C.objectives, kind: "integer", width: 10 },
      { header: C.resources, kind: "euro", width: 16 },
      { header: C.internal, kind: "integer", width: 12 },
      { header: C.meanPerformance, kind: "percent", width: 14 },
      { header: C.light, kind: "light", width: 10 },
    ];
    const cells = rows.map((r) => [text(r.label), { value: r.objectiveCount }, { value: r.resources }, { value: r.internalCount }, pctCell(r.performance, r.light), lightCell(r.light)]);
    blocks.push({ id, title: SUMMARY.blocks[id as keyof typeof SUMMARY.blocks], titleRow: row, columns, rows: cells, emptyText: cells.length ? undefined : SUMMARY.noRows });
    row += 2 + Math.max(1, cells.length) + 1;
  };
  rollup("obiettivoStrategico", C.obiettivoStrategico, result.rollups.obiettivoStrategico);
  rollup("ambitoStrategico", C.ambitoStrategico, result.rollups.ambitoStrategico);
  rollup("areaResponsabilita", C.areaResponsabilita, result.rollups.areaResponsabilita);
  rollup("missione", C.missione, result.rollups.missione);
  rollup("missioneProgramma", C.missioneProgramma, result.rollups.missioneProgramma);

  // The indicators by Tipologia: counts of indicators and of the objectives they come from.
  {
    const columns: SummaryColumn[] = [
      { header: C.tipologia, kind: "text", width: 40 },
      { header: C.indicators, kind: "integer", width: 10 },
      { header: C.objectives, kind: "integer", width: 16 },
      { header: C.meanPerformance, kind: "percent", width: 14 },
      { header: C.light, kind: "light", width: 10 },
    ];
    const cells = (result.rollups.tipologia ?? []).map((r) => [text(r.label), { value: r.indicatorCount ?? 0 }, { value: r.objectiveCount }, pctCell(r.performance, r.light), lightCell(r.light)]);
    blocks.push({ id: "tipologia", title: SUMMARY.blocks.tipologia, titleRow: row, columns, rows: cells, emptyText: cells.length ? undefined : SUMMARY.noRows });
    row += 2 + Math.max(1, cells.length) + 1;
  }

  // Problems, each linking to its cell.
  const problemColumns: SummaryColumn[] = [
    { header: C.severity, kind: "text", width: 13 },
    { header: C.sheetName, kind: "text", width: 24 },
    { header: C.cell, kind: "text", width: 8 },
    { header: C.code, kind: "text", width: 22 },
    { header: C.message, kind: "text", width: 100 },
  ];
  const problemRows = analysis.problems.map((p: Problem) => {
    const link = p.sheet && p.cell ? { sheet: p.sheet, cell: p.cell } : undefined;
    return [
      text(SUMMARY.severities[p.severity], false),
      { ...text(p.sheet ?? SUMMARY.workbookLevel, p.sheet !== undefined), link },
      { ...text(p.cell ?? "", false), link },
      text(p.code, false),
      text(p.message),
    ];
  });
  blocks.push({ id: "problems", title: SUMMARY.blocks.problems, titleRow: row, columns: problemColumns, rows: problemRows, emptyText: problemRows.length ? undefined : SUMMARY.noProblems });

  const columnWidths: number[] = [];
  for (const b of blocks) b.columns.forEach((c, i) => (columnWidths[i] = Math.max(columnWidths[i] ?? 8, c.width)));

  const dataTop = 4;
  const n = result.objectives.length;
  const anchorCol = objectiveColumns.length + 1;
  const chart: SummaryChart | null = n
    ? {
        kind: "bar",
        title: SUMMARY.chartTitle,
        categories: `${a1(dataTop, NAME_COL)}:${a1(dataTop + n - 1, NAME_COL)}`,
        values: `${a1(dataTop, PERF_COL)}:${a1(dataTop + n - 1, PERF_COL)}`,
        anchor: a1(dataTop - 1, anchorCol),
      }
    : null;

  const errors = analysis.problems.filter((p) => p.severity === "error").length;
  const warnings = analysis.problems.filter((p) => p.severity === "warning").length;
  const indicators = result.objectives.reduce((k, o) => k + o.indicators.length, 0);
  return {
    sheetName: sheetName ?? summarySheetName(year, analysis.sheetNames, analysis.ownedSheets),
    title: SUMMARY.title(year),
    subtitle: SUMMARY.subtitle(result.performance === null ? SUMMARY.notAvailable : formatPercent(result.performance), n, indicators, errors, warnings),
    blocks,
    frozenRows: dataTop,
    chart,
    chartNoteCell: `${columnLetters(anchorCol)}${dataTop}`,
    chartNote: SUMMARY.chartNote,
    thresholds: { ...analysis.policy.thresholds },
    formats: { text: "@", percent: "0.00%", euro: '#,##0.00 "€"', integer: "0", light: "@" },
    columnWidths,
  };
}

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

/**
 * "Riepilogo performance 2022" — or, when a user's sheet (not in `ownedSheets`) already has
 * that name (case-insensitive, as Excel compares), "Riepilogo performance 2022 (2)", (3)…
 * An owned sheet of that name is reused (refreshed).
 */
export function summarySheetName(year: number | undefined, existingSheetNames: string[], ownedSheets: string[]): string {
  const base = SUMMARY.title(year).slice(0, MAX_SHEET_NAME);
  const existing = new Set(existingSheetNames.map((n) => n.toLowerCase()));
  const owned = new Set(ownedSheets.map((n) => n.toLowerCase()));
  const free = (name: string) => !existing.has(name.toLowerCase()) || owned.has(name.toLowerCase());
  if (free(base)) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (free(name)) return name;
  }
}

/** The summary's colours ("#RRGGBB"), one palette for every renderer. */
export const SUMMARY_PALETTE = {
  lightFill: { verde: "#C6EFCE", giallo: "#FFEB9C", rosso: "#FFC7CE" } as Record<TrafficLight, string>,
  lightFont: { verde: "#006100", giallo: "#9C5700", rosso: "#9C0006" } as Record<TrafficLight, string>,
  headerFill: "#D9E1F2",
  link: "#0563C1",
  tab: "#2E75B6",
} as const;
