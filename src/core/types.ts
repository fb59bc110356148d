// The engine's public data shapes. Pure data: everything here is serialisable,
// so the same plan and results travel between the CLI, the add-in and the tests.

/** A cell value as Office.js `range.values` gives it: dates are serial numbers,
 *  percentages are fractions, errors are strings such as "#DIV/0!", empty is "". */
export type CellValue = number | string | boolean | null;

/** One cell as the reader hands it to the engine: its value, its number format
 *  (to tell a date serial or a percentage from a plain number) and its address. */
export interface CellInput {
  value: CellValue;
  /** Excel number format, e.g. "0%", "dd/mm/yyyy", "General". */
  format?: string;
  /** A1 address on its sheet, e.g. "F12"; absent for values typed into a formula. */
  address?: string;
}

export type Operator = ">=" | "<=" | "=";

/** A parsed value. `unreadable` is a value, not an exception: it carries its reason. */
export type Value =
  | { kind: "number"; value: number; percent: boolean }
  | { kind: "date"; serial: number }
  | { kind: "bool"; value: boolean }
  | { kind: "na" }
  | { kind: "blank" }
  | { kind: "error"; code: string }
  | { kind: "unreadable"; text: string; reason: string };

export type Severity = "error" | "warning" | "info";

/** A problem is data: stable code, severity, Italian message, location. */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  sheet?: string;
  cell?: string;
  /** Which objective it concerns (its id), when it concerns one. */
  objectiveId?: string;
  /** 1-based row of the indicator within its card, when it concerns one indicator. */
  indicatorRow?: number;
}

export interface IndicatorInput {
  name: string;
  algorithm?: string;
  type?: string;
  unit?: string;
  actual: CellInput;
  /** The operator cell; absent or blank when the target carries the operator. */
  operator?: CellInput;
  target: CellInput;
  /** The stated (printed) performance, compared with the computed one. */
  stated?: CellInput;
  weight: CellInput;
  /** 1-based row number of the indicator within its card's table. */
  row: number;
  /** False when the stated cell must not be written (it lies in a merged area shared with other rows). */
  performanceWritable?: boolean;
  /** Optional columns (issue 10): the indicator's own rule, baseline, thresholds, forced value and its note.
   *  `baseline` is also last year's Stato column when the table has one ("Stato 2022" beside "Target 2023"). */
  rule?: CellInput;
  baseline?: CellInput;
  thresholdMin?: CellInput;
  thresholdMax?: CellInput;
  forced?: CellInput;
  note?: CellInput;
  /** Targets by year when the table has year columns ("Target 2023", "Target 2024"…), in year order. */
  targets?: YearTarget[];
}

/** One year's target cell of an indicator. */
export interface YearTarget {
  year: number;
  cell: CellInput;
}

/** The phase of the year a table is in, decided from its headers. */
export type Phase = "preventivo" | "monitoraggio" | "consuntivo";

export interface ObjectiveInput {
  id: string;
  sheet?: string;
  /** Address of the cell that labels the card (its Obiettivo operativo), for navigation. */
  cell?: string;
  missione?: string;
  programma?: string;
  ambitoStrategico?: string;
  obiettivoStrategico?: string;
  obiettivoOperativo: string;
  descrizione?: string;
  beneficiAttesi?: string;
  risorseEconomiche?: CellInput;
  unitaOrganizzative?: string;
  areaResponsabilita?: string;
  ufficio?: string;
  /** Addresses of the header cells, keyed like the fields above, for problems. */
  fieldCells?: Partial<Record<HierarchyField, string>>;
  /** Where "Performance obiettivo" is written, if the card has such a cell. */
  performanceCell?: string;
  /** «Peso obiettivo»: the objective's weight in the roll-ups when the policy asks for it. */
  objectiveWeight?: CellInput;
  indicators: IndicatorInput[];
  /** Table columns the card lacks (reader roles: "stated", "target"…): its structure is
   *  incomplete, so nothing is written to it (reported once per column by the reader). */
  incompleteColumns?: string[];
}

export type HierarchyField =
  | "missione"
  | "programma"
  | "ambitoStrategico"
  | "obiettivoStrategico"
  | "obiettivoOperativo"
  | "risorseEconomiche"
  | "areaResponsabilita"
  | "ufficio";

export interface PlanInput {
  /** The plan year (from "Stato 2022"/"Target 2022" headers); drives the date rule. */
  year?: number;
  /** The phase decided from the headers (absent when no table was found). */
  phase?: Phase;
  /** Monitoring date, ISO "2023-06-30", when the Stato is measured inside the year. */
  asOf?: string;
  objectives: ObjectiveInput[];
}

export type IndicatorStatus = "ok" | "na" | "blank" | "unreadable";

export interface IndicatorResult {
  row: number;
  name: string;
  sheet?: string;
  /** Address of the Stato cell. */
  cell?: string;
  /** Address of the stated Performance cell, where results are written. */
  performanceCell?: string;
  status: IndicatorStatus;
  /** Fraction (1 = 100%), or null when not available. */
  performance: number | null;
  /** Performance used in the weighted mean (after n.d. policy and rounding), or null if excluded. */
  weighted: number | null;
  operator: Operator | null;
  actual: Value;
  target: Value;
  /** Weight as a fraction (0.125 = 12,5%), or null when unreadable. */
  weight: number | null;
  stated: number | null;
  /** One line in Italian: how the number was obtained. */
  explanation: string;
  /** The rule's Italian name when the indicator names its own («Regola»). */
  rule?: string;
  /** A forced value or an exclusion by the evaluator, with its note: listed in Verifica, the summary and --json. */
  override?: IndicatorOverride;
}

/** A performance forced by the evaluator (with a note), or the indicator declared «non valutabile». */
export interface IndicatorOverride {
  kind: "forced" | "excluded";
  /** The forced performance (fraction); null when excluded. */
  performance: number | null;
  /** What the rule computed (fraction), or null when not available. */
  computed: number | null;
  note: string;
  /** Address of the «Performance forzata» cell. */
  cell?: string;
}

export interface ObjectiveResult {
  id: string;
  sheet?: string;
  cell?: string;
  name: string;
  input: ObjectiveInput;
  performance: number | null;
  explanation: string;
  indicators: IndicatorResult[];
  weightSum: number;
  /** Resources in euro, or null when internal or unreadable. */
  resources: number | null;
  internalResources: boolean;
  notAvailableCount: number;
  problemCount: number;
  /** «Peso obiettivo» as a fraction, null when absent or unreadable. */
  objectiveWeight?: number | null;
  light: TrafficLight | null;
}

export type TrafficLight = "verde" | "giallo" | "rosso";

export interface RollupRow {
  key: string;
  label: string;
  objectiveCount: number;
  performance: number | null;
  light: TrafficLight | null;
  resources: number;
  internalCount: number;
  /** Indicators counted (the roll-up by Tipologia counts indicators, not objectives). */
  indicatorCount?: number;
}

export interface Rollups {
  obiettivoStrategico: RollupRow[];
  ambitoStrategico: RollupRow[];
  areaResponsabilita: RollupRow[];
  missione: RollupRow[];
  missioneProgramma: RollupRow[];
  /** The indicators by Tipologia (efficacia, efficienza, qualità…): simple mean of their performances. */
  tipologia: RollupRow[];
}

export interface PlanResult {
  year: number | undefined;
  objectives: ObjectiveResult[];
  rollups: Rollups;
  problems: Problem[];
  /** Plan-wide weighted performance (mean of objectives, by policy). */
  performance: number | null;
}
