// The reader: turns a workbook's cells (the Office.js cell model, see grid.ts) into the
// engine's PlanInput. Two layouts: one card ("scheda") per sheet, or one table with a
// row per indicator. Sheets that are neither are listed as skipped, never as errors.
import type { CellInput, CellValue, HierarchyField, IndicatorInput, ObjectiveInput, Phase, PlanInput, Problem } from "../types";
import type { SheetGrid, WorkbookGrid } from "./grid";
import { a1, parseA1, type MergeArea } from "./grid";
import { matchCardLabel, type HeaderField, type TableRole } from "./labels";
import { addPhaseCells, findHeader, headerProblemsOf, type Header } from "./columns";
import { planPhase, planYear, type SheetPhaseNote, type SheetYear } from "./phase";
import { READER } from "../../messages/workbook";
import { findMissingColumns } from "./missingColumns";
import { USER_DATA } from "../../messages/userData";
import { parseText } from "../values";

export interface ReadOptions {
  /** Sheets the add-in owns (summary, settings): listed as skipped, never read. */
  ownedSheets?: string[];
}

export interface ReadResult {
  /** Objectives in sheet order (cards), table groups in order of first appearance. */
  plan: PlanInput;
  /** Reading problems (missing columns, no cards…), with sheet and cell. */
  problems: Problem[];
  /** Sheets that are neither a card nor a table (including the add-in's own sheets). */
  skippedSheets: string[];
  /** Objectives found (cards + table groups); 0 = no recognised layout. */
  cardCount: number;
  /** Plan year from "Stato 2022"/"Target 2022" headers, when found. */
  year?: number;
  /** Phase decided from the tables' headers (phase.ts). */
  phase?: Phase;
  /** Monitoring date, ISO. */
  asOf?: string;
}

/**
 * Reads every sheet of the workbook. ObjectiveInput.sheet/cell locate the card (the
 * Obiettivo operativo value cell); every CellInput carries its A1 `address`; an
 * indicator's `stated` cell is its Performance column cell (absent when the table has
 * no Performance column: nothing is written for it); ObjectiveInput.performanceCell is
 * the cell right of "Performance obiettivo" when the card has one.
 */
export function readWorkbook(grid: WorkbookGrid, options: ReadOptions = {}): ReadResult {
  const owned = new Set((options.ownedSheets ?? []).map((n) => n.toLowerCase()));
  const objectives: ObjectiveInput[] = [];
  const problems: Problem[] = [];
  const skippedSheets: string[] = [];
  const years: SheetYear[] = [];
  const phases: SheetPhaseNote[] = [];
  const usedIds = new Set<string>();

  for (const sheet of grid.sheets) {
    if (sheet.ownedBy || owned.has(sheet.name.toLowerCase())) {
      skippedSheets.push(sheet.name);
      continue;
    }
    const read = readSheet(sheet, usedIds);
    if (!read) {
      skippedSheets.push(sheet.name);
      continue;
    }
    objectives.push(...read.objectives);
    problems.push(...read.problems);
    if (read.year) years.push({ year: read.year, sheet: sheet.name, cell: read.yearCell });
    if (read.phase) phases.push({ ...read.phase, sheet: sheet.name });
    if (read.skipped) skippedSheets.push(sheet.name);
  }

  const year = planYear(years, problems);
  const { phase, asOf } = planPhase(phases, problems);
  if (objectives.length === 0) {
    problems.push({ code: "READER_NO_CARDS", severity: "error", message: READER.noCards(grid.sheets.length) });
  }
  return { plan: { year, phase, asOf, objectives }, problems, skippedSheets, cardCount: objectives.length, year, phase, asOf };
}

interface SheetRead {
  objectives: ObjectiveInput[];
  problems: Problem[];
  year?: number;
  yearCell: string;
  /** A sheet with card labels but no table: reported, and listed as skipped. */
  skipped?: boolean;
  phase?: { phase: Phase; asOf?: string; cell: string };
}

/** Text of a cell as the reader compares it. */
function textOf(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  return String(v);
}

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Free text of a header value: trimmed text; numbers as typed. */
function fieldText(v: CellValue): string {
  return textOf(v).trim();
}

/** For each card label found above `limitRow`, the address and value of the first non-empty cell to its right. */
interface LabelHit {
  field: HeaderField | "objectivePerformance";
  row: number;
  col: number;
  valueRow: number;
  valueCol: number;
  value: CellValue;
  format: string;
}

function findLabels(sheet: SheetGrid, fromRow: number, toRow: number, skipRows: Set<number> | null): LabelHit[] {
  const hits: LabelHit[] = [];
  const { values, formats } = sheet;
  for (let r = fromRow; r < toRow; r++) {
    if (skipRows?.has(r)) continue;
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v === "" || v.length > 60) continue;
      const field = matchCardLabel(v);
      if (!field) continue;
      // The value: first non-empty cell to the right; a label there means "no value".
      const start = mergeRight(sheet, r, c) + 1;
      let valueCol = -1;
      for (let k = start; k < row.length; k++) {
        if (!isBlank(row[k])) {
          valueCol = k;
          break;
        }
      }
      if (valueCol >= 0 && typeof row[valueCol] === "string" && matchCardLabel(row[valueCol] as string)) valueCol = -1;
      hits.push({
        field,
        row: r,
        col: c,
        valueRow: r,
        valueCol: valueCol >= 0 ? valueCol : start,
        value: valueCol >= 0 ? row[valueCol] : "",
        format: valueCol >= 0 ? (formats[r]?.[valueCol] ?? "General") : "General",
      });
    }
  }
  return hits;
}

/** Right edge (grid column) of the merged area whose master is (r, c), or c. */
function mergeRight(sheet: SheetGrid, r: number, c: number): number {
  const row = r + sheet.startRow;
  const col = c + sheet.startCol;
  for (const m of sheet.merges) {
    if (m.top === row && m.left === col) return m.right - sheet.startCol;
  }
  return c;
}

function readSheet(sheet: SheetGrid, usedIds: Set<string>): SheetRead | null {
  const header = findHeader(sheet);
  const addr = (r: number, c: number) => a1(r + sheet.startRow, c + sheet.startCol);
  if (!header) {
    // Card labels without a table: a card being written, not a sheet of notes.
    const labels = findLabels(sheet, 0, sheet.values.length, null);
    const distinct = new Set(labels.map((l) => l.field));
    if (distinct.has("obiettivoOperativo") && distinct.size >= 3) {
      const l = labels.find((x) => x.field === "obiettivoOperativo")!;
      return {
        objectives: [],
        problems: [{ code: "READER_NO_TABLE", severity: "error", message: READER.noTable(sheet.name), sheet: sheet.name, cell: addr(l.row, l.col) }],
        yearCell: "",
        skipped: true,
      };
    }
    return null;
  }
  const problems: Problem[] = [];
  const yearCell = header.yearCol >= 0 ? addr(header.row, header.yearCol) : "";
  problems.push(...headerProblemsOf(header, sheet));
  const isTable = header.columns.has("obiettivoOperativo");
  // One error per missing column, with the column that seems to hold it (see missingColumns.ts).
  // The header decides what is required by phase (a preventivo has no Stato); a Stato named twice is its own error.
  const ambiguousActual = header.headerProblems.some((p) => p.code === "READER_AMBIGUOUS_ACTUAL");
  const found = findMissingColumns(sheet, header.row, header.columns, indicatorRows(sheet, header), header.missing, ambiguousActual ? ["actual"] : []);
  // A Stato whose header was deleted (its values still under it) does not make the sheet a preventivo.
  const lostActual = found.some((m) => m.role === "actual");
  // A real preventivo has targets and no Stato or Performance yet: their absence is not a problem.
  const missing = header.phase === "preventivo" && !lostActual ? found.filter((m) => m.role !== "stated") : found;
  for (const m of missing) {
    const guess = m.guessCol === undefined ? undefined : header.letters[m.guessCol];
    const message = READER.missingColumn(sheet.name, m.role, isTable, guess, guess ? addr(header.row, m.guessCol!) : undefined);
    problems.push({ code: "READER_MISSING_COLUMN", severity: "error", message, sheet: sheet.name, cell: addr(header.row, m.guessCol ?? 0) });
  }
  const objectives = isTable ? readTable(sheet, header, usedIds, problems) : [readCard(sheet, header, usedIds, problems)];
  if (missing.length) for (const o of objectives) o.incompleteColumns = missing.map((m) => m.role);
  // An undecidable Stato (columns.ts) leaves the card incomplete too: never scored or written from a guessed column.
  if (header.headerProblems.length) for (const o of objectives) o.incompleteColumns = [...(o.incompleteColumns ?? []), "actual"];
  checkMergedPerformance(sheet, objectives, problems);
  const phase = lostActual ? undefined : { phase: header.phase, asOf: header.asOf, cell: addr(header.row, 0) };
  return { objectives, problems, year: header.year, yearCell, phase };
}

const HIERARCHY_TEXT: (HeaderField & keyof ObjectiveInput)[] = [
  "missione",
  "programma",
  "ambitoStrategico",
  "obiettivoStrategico",
  "obiettivoOperativo",
  "descrizione",
  "beneficiAttesi",
  "unitaOrganizzative",
  "areaResponsabilita",
  "ufficio",
];

const FIELD_CELL_KEYS: ReadonlySet<string> = new Set<HierarchyField>([
  "missione",
  "programma",
  "ambitoStrategico",
  "obiettivoStrategico",
  "obiettivoOperativo",
  "risorseEconomiche",
  "areaResponsabilita",
  "ufficio",
]);

function uniqueId(base: string, usedIds: Set<string>): string {
  let id = base;
  for (let n = 2; usedIds.has(id); n++) id = `${base} (${n})`;
  usedIds.add(id);
  return id;
}

function readCard(sheet: SheetGrid, header: Header, usedIds: Set<string>, problems: Problem[]): ObjectiveInput {
  const addr = (r: number, c: number) => a1(r + sheet.startRow, c + sheet.startCol);
  const tableRows = indicatorRows(sheet, header);
  const labels = findLabels(sheet, 0, sheet.values.length, new Set([header.row, ...tableRows]));
  const objective: ObjectiveInput = { id: uniqueId(sheet.name, usedIds), sheet: sheet.name, obiettivoOperativo: "", indicators: [], fieldCells: {} };
  const seen = new Set<string>();
  for (const l of labels) {
    // Hierarchy labels belong to the header block above the table; "Performance obiettivo" may be anywhere.
    if (l.field !== "objectivePerformance" && l.field !== "objectiveWeight" && l.row > header.row) continue;
    if (seen.has(l.field)) continue;
    seen.add(l.field);
    const cell = addr(l.valueRow, l.valueCol);
    if (l.field === "objectivePerformance") {
      const target = objectivePerformanceCell(sheet, header, l);
      if ("cell" in target) objective.performanceCell = addr(l.row, target.cell);
      else problems.push({ code: "READER_OBJECTIVE_CELL_TAKEN", severity: "warning", message: USER_DATA.objectiveCellTaken(addr(l.row, target.taken), textOf(sheet.values[l.row][target.taken])), sheet: sheet.name, cell: addr(l.row, target.taken) });
    } else if (l.field === "objectiveWeight") {
      objective.objectiveWeight = { value: l.value, format: l.format, address: cell };
    } else if (l.field === "risorseEconomiche") {
      objective.risorseEconomiche = { value: l.value, format: l.format, address: cell };
      objective.fieldCells!.risorseEconomiche = cell;
    } else {
      const t = fieldText(l.value);
      if (t !== "") (objective as unknown as Record<string, string>)[l.field] = t;
      // The cell to fill is known even when it is empty, so a "missing" problem can point at it.
      if (FIELD_CELL_KEYS.has(l.field)) objective.fieldCells![l.field as HierarchyField] = cell;
    }
  }
  const opLabel = labels.find((l) => l.field === "obiettivoOperativo" && l.row < header.row);
  if (!objective.obiettivoOperativo) {
    objective.obiettivoOperativo = sheet.name;
    problems.push({
      code: "READER_NO_OBJECTIVE_NAME",
      severity: "warning",
      message: READER.noObjectiveName(sheet.name),
      sheet: sheet.name,
      cell: opLabel ? addr(opLabel.valueRow, opLabel.valueCol) : addr(header.row, 0),
    });
  }
  objective.cell = opLabel ? addr(opLabel.valueRow, opLabel.valueCol) : addr(header.row, 0);
  objective.indicators = tableRows.map((r, i) => readIndicator(sheet, header, r, i + 1));
  return objective;
}

/** A cell the add-in may write a performance into: empty, a number, a number typed as text, or its own "n.d.". */
function holdsPerformance(v: CellValue): boolean {
  if (isBlank(v) || typeof v === "number") return true;
  if (typeof v !== "string") return false;
  const kind = parseText(v).kind;
  return kind === "number" || kind === "na";
}

/**
 * The cell of "Performance obiettivo": the one right after the label (after its merged
 * area), or the card's Performance column on that row — never a farther cell, and never
 * a cell holding text the add-in did not write (a note, a signature, a link): then
 * `taken` is that cell and nothing is written.
 */
function objectivePerformanceCell(sheet: SheetGrid, header: Header, l: LabelHit): { cell: number } | { taken: number } {
  const row = sheet.values[l.row];
  const adjacent = mergeRight(sheet, l.row, l.col) + 1;
  const statedCol = header.columns.get("stated");
  const stated = statedCol !== undefined && statedCol > l.col ? statedCol : undefined;
  // Without merge information (Office.js before ExcelApi 1.13) "the cell after the label"
  // may lie inside the label's merged area; the table's Performance column is the safe place.
  if (sheet.mergesUnknown && stated !== undefined && isBlank(row[adjacent])) return holdsPerformance(row[stated]) ? { cell: stated } : { taken: stated };
  if (holdsPerformance(row[adjacent])) return { cell: adjacent };
  if (stated !== undefined && stated !== adjacent && holdsPerformance(row[stated])) return { cell: stated };
  return { taken: adjacent };
}

/**
 * Indicators whose Performance cell lies in a merged area that covers more than that cell's
 * row, or does not start at it (H17:H18 for two indicators): reported, and not written
 * (the stated value stays for comparison only when the cell is the area's master).
 */
function checkMergedPerformance(sheet: SheetGrid, objectives: ObjectiveInput[], problems: Problem[]): void {
  if (!sheet.merges.length) return;
  const reported = new Set<MergeArea>();
  for (const o of objectives) {
    for (const ind of o.indicators) {
      const at = ind.stated?.address ? parseA1(ind.stated.address) : null;
      if (!at) continue;
      const area = sheet.merges.find((m) => at.row >= m.top && at.row <= m.bottom && at.col >= m.left && at.col <= m.right);
      if (!area || (area.top === area.bottom && area.top === at.row && area.left === at.col)) continue;
      ind.performanceWritable = false;
      if (reported.has(area)) continue;
      reported.add(area);
      const range = `${a1(area.top, area.left)}:${a1(area.bottom, area.right)}`;
      problems.push({ code: "READER_MERGED_PERFORMANCE", severity: "warning", message: USER_DATA.mergedPerformance(ind.stated!.address!, range), sheet: sheet.name, cell: ind.stated!.address });
    }
  }
}

/** Rows of the table body that hold an indicator: not blank, not a label row. */
function indicatorRows(sheet: SheetGrid, header: Header): number[] {
  const rows: number[] = [];
  const { values } = sheet;
  const valueCols = (["actual", "target", "weight", "operator"] as const).map((r) => header.columns.get(r)).filter((c): c is number => c !== undefined);
  for (let r = header.row + 1; r < values.length; r++) {
    const row = values[r];
    let any = false;
    for (const c of valueCols) {
      if (!isBlank(row[c])) {
        any = true;
        break;
      }
    }
    if (!any) continue;
    // A "Performance obiettivo" line below the table is not an indicator.
    if (row.some(isObjectivePerformanceLabel)) continue;
    rows.push(r);
  }
  return rows;
}

/** "Performance obiettivo" / "Grado di raggiungimento obiettivo": a cheap test first, as it runs on every cell of the table. */
function isObjectivePerformanceLabel(v: CellValue): boolean {
  return typeof v === "string" && v.length >= 10 && v.length <= 60 && /obiettivo\s*:?\s*$/i.test(v) && (matchCardLabel(v) === "objectivePerformance" || matchCardLabel(v) === "objectiveWeight");
}

const OPTIONAL_INDICATOR_COLUMNS = ["rule", "baseline", "thresholdMin", "thresholdMax", "forced", "note"] as const;

function readIndicator(sheet: SheetGrid, header: Header, r: number, ordinal: number): IndicatorInput {
  const row = sheet.values[r];
  const fmt = sheet.formats[r] ?? [];
  const rowNumber = String(r + sheet.startRow + 1);
  const cell = (role: TableRole): CellInput | undefined => {
    const c = header.columns.get(role);
    if (c === undefined) return undefined;
    return { value: row[c] ?? "", format: fmt[c] ?? "General", address: header.letters[c] + rowNumber };
  };
  const text = (role: TableRole): string | undefined => {
    const c = header.columns.get(role);
    if (c === undefined) return undefined;
    const t = fieldText(row[c]);
    return t === "" ? undefined : t;
  };
  let name = text("name") ?? "";
  let algorithm = text("algorithm");
  if (!header.columns.has("algorithm") && name.includes("\n")) {
    // Name and algorithm share one cell, split by a line break.
    const i = name.indexOf("\n");
    algorithm = name.slice(i + 1).trim() || undefined;
    name = name.slice(0, i).trim();
  }
  // A missing required column is reported once for the table; its cells read as blank.
  const missingCell = (): CellInput => ({ value: "", format: "General" });
  const input: IndicatorInput = {
    name,
    actual: cell("actual") ?? missingCell(),
    target: cell("target") ?? missingCell(),
    weight: cell("weight") ?? missingCell(),
    row: ordinal,
  };
  if (algorithm) input.algorithm = algorithm;
  const type = text("type");
  if (type) input.type = type;
  const unit = text("unit");
  if (unit) input.unit = unit;
  const operator = cell("operator");
  if (operator) input.operator = operator;
  const stated = cell("stated");
  if (stated) input.stated = stated;
  // Optional columns (issue 10): present only when the table has them.
  for (const role of OPTIONAL_INDICATOR_COLUMNS) {
    const c = cell(role);
    if (c) input[role] = c;
  }
  addPhaseCells(input, header, row, fmt, rowNumber);
  return input;
}

/** Table layout: one row per indicator, grouped into objectives by Obiettivo operativo
 *  (a blank one continues the previous objective, as vertically merged cells read). */
function readTable(sheet: SheetGrid, header: Header, usedIds: Set<string>, problems: Problem[]): ObjectiveInput[] {
  const addr = (r: number, c: number) => a1(r + sheet.startRow, c + sheet.startCol);
  const groups = new Map<string, ObjectiveInput>();
  const order: ObjectiveInput[] = [];
  const opCol = header.columns.get("obiettivoOperativo")!;
  const perfCol = header.columns.get("objectivePerformance");
  let current: ObjectiveInput | null = null;
  for (const r of indicatorRows(sheet, header)) {
    const row = sheet.values[r];
    const fmt = sheet.formats[r] ?? [];
    const name = fieldText(row[opCol]);
    if (name !== "") {
      const key = name.replace(/\s+/g, " ").toLowerCase();
      let o = groups.get(key);
      if (!o) {
        o = { id: uniqueId(`${sheet.name} · ${name}`, usedIds), sheet: sheet.name, cell: addr(r, opCol), obiettivoOperativo: name, indicators: [], fieldCells: { obiettivoOperativo: addr(r, opCol) } };
        groups.set(key, o);
        order.push(o);
        for (const field of HIERARCHY_TEXT) {
          const c = header.columns.get(field);
          if (c === undefined || field === "obiettivoOperativo") continue;
          const t = fieldText(row[c]);
          if (t !== "") {
            (o as unknown as Record<string, string>)[field] = t;
            if (FIELD_CELL_KEYS.has(field)) o.fieldCells![field as HierarchyField] = addr(r, c);
          }
        }
        const rc = header.columns.get("risorseEconomiche");
        if (rc !== undefined) {
          o.risorseEconomiche = { value: row[rc] ?? "", format: fmt[rc] ?? "General", address: addr(r, rc) };
          o.fieldCells!.risorseEconomiche = addr(r, rc);
        }
        if (perfCol !== undefined) o.performanceCell = addr(r, perfCol);
        const wc = header.columns.get("objectiveWeight");
        if (wc !== undefined) o.objectiveWeight = { value: row[wc] ?? "", format: fmt[wc] ?? "General", address: addr(r, wc) };
      }
      current = o;
    }
    if (!current) {
      problems.push({ code: "READER_NO_OBJECTIVE_NAME", severity: "error", message: READER.tableRowWithoutObjective(sheet.name, r + sheet.startRow + 1), sheet: sheet.name, cell: addr(r, opCol) });
      continue;
    }
    current.indicators.push(readIndicator(sheet, header, r, current.indicators.length + 1));
  }
  return order;
}
