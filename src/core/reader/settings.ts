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
  /** The summaries built, each with the fingerprint of what it was built from (stale check). */
  summaries: SummaryRecord[];
}

/** A summary sheet and the fingerprint of the plan and rules it shows (src/core/summary/fingerprint.ts). */
export interface SummaryRecord {
  sheet: string;
  fingerprint: string;
}

/** Label of the settings row recording a summary's fingerprint: "Impronta riepilogo" | "<foglio>|<impronta>". */
export const SUMMARY_RECORD_LABEL = "Impronta riepilogo";

/** A block of cells to write from A1: values with their number formats ("@" = text:
 *  write as text, never as a formula), plus column widths in characters. */
export interface CellBlock {
  values: CellValue[][];
  formats: string[][];
  columnWidths: number[];
}

/**
 * The add-in's settings sheet: the one carrying its mark. When the host could not read
 * marks (`grid.marksRead` false), a sheet of that name (any case); when it could, an
 * unmarked sheet of that name counts only if it holds exactly what the add-in writes (its
 * title in A1 and the "Politica (JSON)" row: a workbook saved before sheets were marked),
 * never a user's own sheet that merely has the name.
 */
export function findSettingsSheet(grid: WorkbookGrid): SheetGrid | undefined {
  const marked = grid.sheets.find((s) => s.ownedBy === "settings");
  if (marked) return marked;
  const name = SETTINGS_SHEET_NAME.toLowerCase();
  const byName = grid.sheets.find((s) => s.name.toLowerCase() === name && !s.ownedBy);
  if (!byName || !grid.marksRead) return byName;
  return looksWrittenByAddin(byName) ? byName : undefined;
}

/** A1 is the settings title and a row is labelled "Politica (JSON)". */
function looksWrittenByAddin(sheet: SheetGrid): boolean {
  if (sheet.startRow !== 0 || sheet.startCol !== 0) return false;
  if (sheet.values[0]?.[0] !== SETTINGS.title) return false;
  const label = normalizeLabel(SETTINGS.policyJsonLabel);
  return sheet.values.some((row) => typeof row[0] === "string" && normalizeLabel(row[0]) === label);
}

/**
 * The name the add-in's settings sheet gets: its current one when the workbook has it,
 * else "Impostazioni Piano Performance", or — when a user's sheet already has that name
 * (case-insensitive, as Excel compares) — "Impostazioni Piano Perform… (2)", (3)…
 */
export function settingsSheetName(grid: WorkbookGrid): string {
  const current = findSettingsSheet(grid);
  if (current) return current.name;
  const taken = new Set(grid.sheets.map((s) => s.name.toLowerCase()));
  if (!taken.has(SETTINGS_SHEET_NAME.toLowerCase())) return SETTINGS_SHEET_NAME;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = SETTINGS_SHEET_NAME.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Reads the settings sheet (found by name) from the grid. Never throws. */
export function readSettings(grid: WorkbookGrid): SettingsRead {
  const sheet = findSettingsSheet(grid);
  if (!sheet) {
    const marked = grid.sheets.filter((s) => s.ownedBy && s.ownedBy !== "backup").map((s) => s.name);
    return { policy: defaultPolicy(), problems: [], ownedSheets: marked, found: false, summaries: [] };
  }
  const summaries: SummaryRecord[] = [];
  const summaryLabel = normalizeLabel(SUMMARY_RECORD_LABEL);
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
    else if (label === summaryLabel && typeof value === "string") {
      const cut = value.lastIndexOf("|");
      if (cut > 0) summaries.push({ sheet: value.slice(0, cut), fingerprint: value.slice(cut + 1) });
    } else if (label === ownedLabel && typeof value === "string" && value.trim() !== "") {
      if (!ownedSheets.some((n) => n.toLowerCase() === value.toLowerCase())) ownedSheets.push(value);
    }
  });
  if (grid.marksRead) {
    // The registry cannot claim a sheet the add-in has not marked: that sheet is the user's.
    const unmarked = new Set(grid.sheets.filter((s) => !s.ownedBy && s !== sheet).map((s) => s.name.toLowerCase()));
    for (let i = ownedSheets.length - 1; i > 0; i--) if (unmarked.has(ownedSheets[i].toLowerCase())) ownedSheets.splice(i, 1);
    for (const s of grid.sheets) if (s.ownedBy && s.ownedBy !== "backup" && !ownedSheets.some((n) => n.toLowerCase() === s.name.toLowerCase())) ownedSheets.push(s.name);
  }
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
  return { policy, problems, ownedSheets, found: true, summaries };
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

/** The policy's rules in words, one "label: value" per rule ("Tetto alla performance: 100%"). */
export function policyInWords(p: Policy): string[] {
  return readableRows(p).map(([label, value, fmt]) => {
    const shown = typeof value === "number" ? formatPercent(value, fmt === "0.0%" ? 1 : fmt === "0%" ? 0 : 2) : String(value);
    return `${String(label).replace(/:\s*$/, "")}: ${shown}`;
  });
}

/** The settings sheet's content for this policy and registry (`ownedSheets` may include
 *  the settings sheet itself: it is not listed twice). Written whole, from A1, replacing
 *  the sheet's content. Every string has format "@" (text). */
export function settingsSheetCells(policy: Policy, ownedSheets: string[], summaries: SummaryRecord[] = []): CellBlock {
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
  for (const r of summaries) push(SUMMARY_RECORD_LABEL, `${r.sheet}|${r.fingerprint}`);
  return { values, formats, columnWidths: [44, 60] };
}
