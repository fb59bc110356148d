// The policy inside the workbook: an add-in-owned sheet "Impostazioni Piano Performance"
// holding the policy as JSON (the source of truth) plus readable Italian rows, and the
// registry of the sheets the add-in owns. Both adapters read it through the grid, so the
// CLI and the add-in compute the same numbers from the same file.
//
// Layout (column A labels, column B values, from A1):
//   A1 title · A2 note · A4 "Regole di calcolo (SMVP)" · A5.. one readable row per rule ·
//   then "Dati tecnici": "Politica (JSON)" | {...} · "Versione" | 1 · "Foglio gestito" | name (one row each).
// The reader finds rows by their label, so rows may move; only "Politica (JSON)" is read
// back as the policy.
import type { CellValue, Problem } from "../types";
import { defaultPolicy, parsePolicy, serializePolicy, type Policy } from "../policy";
import { formatPercent } from "../format";
import { describeBandRange } from "../bandText";
import type { SheetGrid, WorkbookGrid } from "./grid";
import { a1 } from "./grid";
import { normalizeLabel } from "./labels";
import { SETTINGS } from "../../messages/workbook";

/** Name of the settings sheet. */
export const SETTINGS_SHEET_NAME: string = SETTINGS.sheetName;

export interface SettingsRead {
  /** The workbook's policy, or the default when absent or unreadable. */
  policy: Policy;
  /** Unreadable JSON or wrong values (warnings: the default is used instead). */
  problems: Problem[];
  /** Sheets the add-in owns: the settings sheet itself plus the registered ones (summary…). */
  ownedSheets: string[];
  /** True when the workbook has a settings sheet. */
  found: boolean;
}

/** A block of cells to write from A1: values with their number formats ("@" = text:
 *  write as text, never as a formula), plus column widths in characters. */
export interface CellBlock {
  values: CellValue[][];
  formats: string[][];
  columnWidths: number[];
}

export function findSettingsSheet(grid: WorkbookGrid): SheetGrid | undefined {
  const name = SETTINGS_SHEET_NAME.toLowerCase();
  return grid.sheets.find((s) => s.ownedBy === "settings") ?? grid.sheets.find((s) => s.name.toLowerCase() === name);
}

/** Reads the settings sheet (found by name) from the grid. Never throws. */
export function readSettings(grid: WorkbookGrid): SettingsRead {
  const sheet = findSettingsSheet(grid);
  if (!sheet) return { policy: defaultPolicy(), problems: [], ownedSheets: [], found: false };
  const problems: Problem[] = [];
  const ownedSheets: string[] = [sheet.name];
  const jsonLabel = normalizeLabel(SETTINGS.policyJsonLabel);
  const ownedLabel = normalizeLabel(SETTINGS.ownedSheetLabel);
  let json: { text: string; cell: string } | null = null;
  sheet.values.forEach((row, r) => {
    const labelCol = row.findIndex((v) => typeof v === "string" && v !== "");
    if (labelCol < 0) return;
    const label = normalizeLabel(String(row[labelCol]));
    const valueCol = row.findIndex((v, c) => c > labelCol && v !== "" && v !== null);
    if (valueCol < 0) return;
    const value = row[valueCol];
    if (label === jsonLabel && !json) json = { text: String(value), cell: a1(r + sheet.startRow, valueCol + sheet.startCol) };
    else if (label === ownedLabel && typeof value === "string" && value.trim() !== "") {
      if (!ownedSheets.some((n) => n.toLowerCase() === value.toLowerCase())) ownedSheets.push(value);
    }
  });
  let policy = defaultPolicy();
  const found = json as { text: string; cell: string } | null;
  if (!found) {
    problems.push({ code: "SETTINGS_NO_POLICY", severity: "warning", message: SETTINGS.missingJson(sheet.name), sheet: sheet.name, cell: "A1" });
  } else {
    let raw: unknown;
    try {
      raw = JSON.parse(found.text);
    } catch {
      raw = undefined;
    }
    if (raw === undefined) {
      problems.push({ code: "SETTINGS_INVALID_JSON", severity: "warning", message: SETTINGS.invalidJson(sheet.name), sheet: sheet.name, cell: found.cell });
    } else {
      const check = parsePolicy(raw);
      if (check.ok) policy = check.policy;
      else problems.push({ code: "SETTINGS_INVALID_POLICY", severity: "warning", message: SETTINGS.invalidPolicy(sheet.name, check.errors.join(" ")), sheet: sheet.name, cell: found.cell });
    }
  }
  return { policy, problems, ownedSheets, found: true };
}

const pct = (x: number) => formatPercent(x, 2);

/** Readable Italian rows describing the policy (display only). */
function readableRows(p: Policy): [string, CellValue, string][] {
  const v = SETTINGS.values;
  const r = SETTINGS.rows;
  const bands = p.bands.length
    ? p.bands.map((b) => (b.to === null ? v.bandOpen(pct(b.from), pct(b.score)) : v.band(pct(b.from), pct(b.to), pct(b.score)))).join("; ")
    : v.noBands;
  return [
    [r.cap, p.cap === null ? v.noCap : p.cap, p.cap === null ? "@" : "0%"],
    [r.lower, p.rules["<="] === "inverse" ? v.inverse : v.reflection, "@"],
    [r.floor, p.floor, "0%"],
    [r.bands, bands, "@"],
    [r.dateRule, p.dateRule === "proportional" ? v.proportional : p.dateRule === "daysLate" ? v.daysLate : v.zeroIfLate, "@"],
    [r.notAvailable, p.notAvailable === "exclude" ? v.exclude : v.zero, "@"],
    [r.rounding, p.roundBeforeWeighting ? v.yes : v.no, "@"],
    [r.green, p.thresholds.green, "0%"],
    [r.yellow, p.thresholds.yellow, "0%"],
    [r.rollupMean, { simple: v.simple, resources: v.resources, objectiveWeight: v.objectiveWeight, worst: v.worst }[p.rollupMean], "@"],
    [r.tolerance, p.statedTolerance, "0.0%"],
    // Version 2 (issue 10) only: a version-1 sheet is described as before.
    ...(p.version === 2 ? v2Rows(p) : []),
  ];
}

function v2Rows(p: Policy): [string, CellValue, string][] {
  const r = SETTINGS.rows;
  const v = SETTINGS.values;
  const rows: [string, CellValue, string][] = [];
  if (p.objectiveCap !== null) rows.push([r.objectiveCap, p.objectiveCap, "0%"]);
  if (p.roundFirst) rows.push([r.roundFirst, v.yes, "@"]);
  rows.push([r.thresholdTop, p.thresholdTop, "0%"]);
  for (const [name, set] of Object.entries(p.bandSets)) {
    rows.push([`${r.bandSets}: ${name}`, set.map((b) => `${describeBandRange(b, formatPercent)} → ${b.scoreTo === undefined ? formatPercent(b.score) : `${formatPercent(b.score)}–${formatPercent(b.scoreTo)}`}`).join("; "), "@"]);
  }
  if (p.lateBands.length) rows.push([r.lateBands, p.lateBands.map((b) => `${b.from}${b.to === null ? "+" : `–${b.to}`} gg → ${formatPercent(b.score)}`).join("; "), "@"]);
  rows.push([r.lateDailyReduction, p.lateDailyReduction, "0.0%"]);
  rows.push([r.blankActual, { exclude: v.blankExclude, zero: v.blankZero, zeroScore: v.blankZeroScore, error: v.blankError }[p.blankActual], "@"]);
  return rows;
}

/** The settings sheet's content for this policy and registry (`ownedSheets` may include
 *  the settings sheet itself: it is not listed twice). Written whole, from A1, replacing
 *  the sheet's content. Every string has format "@" (text). */
export function settingsSheetCells(policy: Policy, ownedSheets: string[]): CellBlock {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const push = (a: CellValue, b: CellValue = "", fb = "@") => {
    values.push([a, b]);
    formats.push(["@", typeof b === "number" ? fb : "@"]);
  };
  push(SETTINGS.title);
  push(SETTINGS.note);
  push("");
  push(SETTINGS.rulesHeader);
  for (const [label, value, fmt] of readableRows(policy)) push(label, value, fmt);
  push("");
  push(SETTINGS.technicalHeader);
  push(SETTINGS.policyJsonLabel, serializePolicy(policy));
  push(SETTINGS.versionLabel, policy.version, "0");
  const self = SETTINGS_SHEET_NAME.toLowerCase();
  const seen = new Set<string>();
  for (const name of ownedSheets) {
    const key = name.toLowerCase();
    if (key === self || seen.has(key)) continue;
    seen.add(key);
    push(SETTINGS.ownedSheetLabel, name);
  }
  return { values, formats, columnWidths: [44, 60] };
}
