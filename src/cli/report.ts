// What `piano-perf` prints: the JSON shape of issue 3, or a readable Italian report.
import type { WorkbookAnalysis } from "../core/reader/analyze";
import type { Rollups } from "../core/types";
import { formatPercent } from "../core/format";
import { CLI } from "../messages/cli";
import { escapeControls } from "./terminal";
import { describeRectification } from "../core/rectifications";
import { ACCEPT_CLI } from "../messages/rectifications";
import { italianDate } from "../messages/phases";
import { phaseJson, phaseLines, targetsJson, type JsonTargets } from "./phaseReport";

export interface JsonIndicator {
  sheet: string | null;
  /** A1 address of the indicator's Stato cell. */
  cell: string | null;
  name: string;
  performance: number | null;
  stated: number | null;
  /** Targets by year ("2023": …), from the Target columns. */
  targets: JsonTargets;
}

export interface JsonObjective {
  sheet: string | null;
  name: string;
  performance: number | null;
  indicators: JsonIndicator[];
}

export interface JsonProblem {
  severity: string;
  code: string;
  sheet: string | null;
  cell: string | null;
  message: string;
}

/** A forced or excluded indicator (issue 10), with its note: every one is listed. */
export interface JsonOverride {
  sheet: string | null;
  /** A1 address of the «Performance forzata» cell. */
  cell: string | null;
  objective: string;
  indicator: string;
  kind: "forced" | "excluded";
  performance: number | null;
  computed: number | null;
  note: string;
}

/** A correction: the performance the user stated (kept in the backup once the add-in has
 *  replaced it) against the computed one, both as fractions. */
export interface JsonRectification {
  sheet: string;
  cell: string;
  original: number;
  computed: number;
  explanation: string;
}

export interface JsonReport {
  phase: "preventivo" | "monitoraggio" | "consuntivo" | null;
  year: number | null;
  /** ISO date of a monitoring's Stato, else null. */
  asOf: string | null;
  objectives: JsonObjective[];
  rollups: Rollups;
  problems: JsonProblem[];
  skippedSheets: string[];
  overrides: JsonOverride[];
  rectifications: JsonRectification[];
  /** Corrections the user accepted (the computed value is the reference; the original kept in the backup), with the date. */
  acceptedRectifications: { sheet: string; cell: string; original: number | null; computed: number | null; acceptedOn: string }[];
}

export function overridesOf(a: WorkbookAnalysis): JsonOverride[] {
  return a.result.objectives.flatMap((o) =>
    o.indicators
      .filter((i) => i.override)
      .map((i) => ({
        sheet: i.sheet ?? o.sheet ?? null,
        cell: i.override!.cell ?? null,
        objective: o.name,
        indicator: i.name,
        kind: i.override!.kind,
        performance: i.override!.performance,
        computed: i.override!.computed,
        note: i.override!.note,
      })),
  );
}

export function toJsonReport(a: WorkbookAnalysis): JsonReport {
  return {
    ...phaseJson(a),
    objectives: a.result.objectives.map((o, oi) => ({
      sheet: o.sheet ?? null,
      name: o.name,
      performance: o.performance,
      indicators: o.indicators.map((i, ii) => ({ sheet: i.sheet ?? o.sheet ?? null, cell: i.cell ?? null, name: i.name, performance: i.performance, stated: i.stated, targets: targetsJson(a, oi, ii) })),
    })),
    rollups: a.result.rollups,
    problems: a.problems.map((p) => ({ severity: p.severity, code: p.code, sheet: p.sheet ?? null, cell: p.cell ?? null, message: p.message })),
    skippedSheets: a.skippedSheets,
    overrides: overridesOf(a),
    rectifications: (a.rectifications ?? []).map((r) => ({ sheet: r.sheet, cell: r.cell, original: r.original, computed: r.computed, explanation: r.explanation })),
    acceptedRectifications: (a.acceptedRectifications ?? []).map((r) => ({ sheet: r.sheet, cell: r.cell, original: r.original, computed: r.computed, acceptedOn: r.acceptedOn })),
  };
}

export interface ReportContext {
  command: "verifica" | "calcola";
  file: string;
  out?: string;
  /** `notes`: what the output had to adapt (texts cut to Excel's cell limit…). */
  outcome: { written: number; summary: string; notes?: string[] } | null;
}

const R = CLI.report;

/** "'Foglio 1'!E17", as Excel writes a reference. */
function where(sheet?: string, cell?: string): string {
  if (!sheet) return "";
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell ? `${quoted}!${cell}` : quoted;
}

export function textReport(a: WorkbookAnalysis, ctx: ReportContext): string {
  const lines: string[] = [];
  const indicators = a.result.objectives.reduce((n, o) => n + o.indicators.length, 0);
  lines.push(R.title(ctx.command, ctx.file));
  lines.push(R.plan(a.year, a.cardCount, indicators));
  lines.push(...phaseLines(a));
  lines.push(R.policy(a.ownedSheets.length > 0));
  if (a.skippedSheets.length) lines.push(R.skipped(a.skippedSheets));

  if (ctx.command === "calcola" && a.result.objectives.length) {
    lines.push("", R.objectivesHeader);
    for (const o of a.result.objectives) {
      const perf = o.performance === null ? R.notAvailable : formatPercent(o.performance);
      lines.push(R.objectiveLine(o.sheet ?? "", perf, o.light ? R.lights[o.light] : "", o.name));
    }
    lines.push(R.plan_performance(a.result.performance === null ? R.notAvailable : formatPercent(a.result.performance)));
  }

  const count = (s: string) => a.problems.filter((p) => p.severity === s).length;
  const errors = count("error");
  lines.push("");
  if (!a.problems.length) lines.push(R.noProblems);
  else {
    lines.push(R.problemsHeader(errors, count("warning"), count("info")));
    for (const p of a.problems) lines.push(R.problemLine(R.severities[p.severity] ?? p.severity, where(p.sheet, p.cell), p.message));
  }

  if (a.rectifications?.length) {
    lines.push("", R.rectificationsHeader(a.rectifications.length));
    for (const r of a.rectifications) lines.push(R.rectificationLine(where(r.sheet, r.cell), r.indicator, describeRectification(r), r.explanation, r.state));
  }

  if (a.acceptedRectifications?.length) {
    const pct = (v: number | null) => (v === null ? R.notAvailable : formatPercent(v));
    lines.push("", ACCEPT_CLI.acceptedHeader(a.acceptedRectifications.length));
    for (const r of a.acceptedRectifications) lines.push(ACCEPT_CLI.acceptedLine(where(r.sheet, r.cell), r.indicator, pct(r.original), pct(r.computed), italianDate(r.acceptedOn)));
  }

  if (ctx.command === "calcola") {
    lines.push("");
    if (ctx.out) {
      if (ctx.outcome) {
        lines.push(R.written(ctx.outcome.written, a.skippedFormulas), R.summary(ctx.outcome.summary), ...(ctx.outcome.notes ?? []), R.saved(ctx.out));
      } else lines.push(R.notSaved);
    } else if (a.cardCount > 0) lines.push(R.toWrite(a.writes.length));
  }
  lines.push("", errors ? R.outcomeErrors(errors) : R.outcomeOk);
  // Cell text reaches these lines: no control character goes to the terminal as is.
  return lines.map(escapeControls).join("\n");
}
