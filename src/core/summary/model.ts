// The summary sheet "Riepilogo performance <anno>" as a renderer-neutral model: built once
// from the analysis (src/core/summary/index.ts), drawn by ExcelJS (CLI, preview:
// src/adapters/exceljs/summary.ts) and by Office.js (add-in: src/excel/summarySheet.ts),
// and read by the document and CSV builders. Layout — rows, the sheet's column grid, the
// cells a table's column spans, row heights, print setup — is decided here, so both
// renderers put everything in the same place and print it the same way.
//
// The sheet has ONE grid of columns (`columnWidths`). Each block lays its own columns on
// it: a block column covers `span` grid columns (merged when more than one), so no block
// has to live with a width chosen for another table's column of a different meaning.
import type { TrafficLight } from "../types";

export type SummaryColumnKind = "text" | "percent" | "euro" | "integer" | "light";

export interface SummaryColumn {
  header: string;
  kind: SummaryColumnKind;
  /** First grid column (0-based) and how many grid columns it covers (≥ 1, merged when > 1). */
  col: number;
  span: number;
  /** Percent columns coloured by the traffic light (conditional formats). */
  lights?: boolean;
  /** In-cell data bars where the renderer cannot draw the chart (ExcelJS). */
  dataBar?: boolean;
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
  | "rectifications"
  | "overrides"
  | "problems"
  // Phase blocks (src/core/phases/summary.ts).
  | "phaseTargets"
  | "phaseResources"
  | "phaseProgress";

export interface SummaryBlock {
  id: SummaryBlockId;
  /** Italian title written above the table (row `titleRow`). */
  title: string;
  /** 0-based sheet row of the title; the header row is titleRow + 1, data from titleRow + 2. */
  titleRow: number;
  columns: SummaryColumn[];
  rows: SummaryCell[][];
  /** The totals row, right under the data rows (bold, top border), or none. */
  totals?: SummaryCell[];
  /** Italian line written instead of rows when the table is empty. */
  emptyText?: string;
  /** Italian notes written under the table, one row each ("* Missione ricavata dal Programma…"). */
  notes: string[];
  /** 0-based sheet row after the block's last row (totals and notes included). */
  endRow: number;
}

/** A line of text across the whole width (stamp, rules), merged over every grid column. */
export interface SummaryLine {
  row: number;
  text: string;
  style: "title" | "subtitle" | "stamp";
}

export interface SummaryChart {
  kind: "bar";
  title: string;
  /** A1 ranges on the summary sheet: the objectives' names and their performances. */
  categories: string;
  values: string;
  /** Top-left and bottom-right cells (A1) of the band of rows reserved for it, below the tables. */
  anchor: string;
  bottomRight: string;
}

/** Page setup, the same in both renderers (A4 landscape, one page wide). */
export interface SummaryPrint {
  orientation: "landscape";
  paper: "A4";
  /** Print area without the chart band (ExcelJS) and with it (Office.js). */
  area: string;
  areaWithChart: string;
  /** Rows repeated at the top of every page, "1:2" (title and subtitle). */
  titleRows: string;
  /** Excel header/footer codes (&P page, &N pages, &D date): centre header, left and right footer. */
  header: string;
  footerLeft: string;
  footerRight: string;
  /** Margins in inches (Excel's unit). */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface SummaryStamp {
  /** ISO date and time of the build (local wall clock, as the user read it). */
  producedAt: string;
  /** The source workbook's name ("esempio-piano-2022.xlsx"), or null when unknown. */
  source: string | null;
  /** The SMVP rules in words, one per item. */
  rules: string[];
  /** Fingerprint of the plan and the rules the summary was built from (see fingerprint.ts). */
  fingerprint: string;
}

export interface SummaryModel {
  sheetName: string;
  /** Row 0: title, e.g. "Riepilogo performance 2022". */
  title: string;
  /** Row 1: plan performance, objectives, problems, corrections, in Italian. */
  subtitle: string;
  /** Full-width lines: title, subtitle, stamp, rules. */
  lines: SummaryLine[];
  blocks: SummaryBlock[];
  /** Rows above this are frozen (title, subtitle). */
  frozenRows: number;
  chart: SummaryChart | null;
  /** Traffic-light thresholds (fractions) for conditional formats. */
  thresholds: { green: number; yellow: number };
  /** Number formats per column kind. */
  formats: Record<SummaryColumnKind, string>;
  /** The sheet's grid: column widths in characters. */
  columnWidths: number[];
  /** Row heights in points (0-based row → height) for rows taller than one line (wrapped text). */
  rowHeights: Record<number, number>;
  /** Last row with content (0-based), chart band excluded. */
  lastRow: number;
  stamp: SummaryStamp;
  print: SummaryPrint;
}

/** The summary's colours ("#RRGGBB"), one palette for every renderer. */
export const SUMMARY_PALETTE = {
  lightFill: { verde: "#C6EFCE", giallo: "#FFEB9C", rosso: "#FFC7CE" } as Record<TrafficLight, string>,
  lightFont: { verde: "#006100", giallo: "#9C5700", rosso: "#9C0006" } as Record<TrafficLight, string>,
  headerFill: "#D9E1F2",
  totalsFill: "#F2F2F2",
  dataBar: "#5B9BD5",
  link: "#0563C1",
  tab: "#2E75B6",
} as const;
