// «Confronta»: a preventivo against the consuntivo (or any two plans). Objectives matched
// by Obiettivo operativo, indicators by name within their objective (normalised: case,
// accents, punctuation and spacing ignored; repeated names in order). Reported: objectives
// and indicators added or removed, targets changed (each year both plans have), weights
// changed — the list an OIV asks for.
import type { Operator, Phase, PlanInput, PlanResult } from "./types";
import { normalizeLabel } from "./reader/labels";
import { comparable, indicatorTargets, valueText } from "./phases/targets";
import { formatPercent } from "./format";

export type Difference =
  | { kind: "objectiveAdded" | "objectiveRemoved"; objective: string; sheet?: string }
  | { kind: "indicatorAdded" | "indicatorRemoved"; objective: string; indicator: string; sheet?: string; cell?: string }
  | { kind: "targetChanged"; objective: string; indicator: string; year?: number; from: string; to: string; sheet?: string; cell?: string; beforeSheet?: string; beforeCell?: string }
  | { kind: "weightChanged"; objective: string; indicator: string; from: string; to: string; sheet?: string; cell?: string; beforeSheet?: string; beforeCell?: string };

/** The target years of each plan and those both have (only these are compared). */
export interface TargetYears {
  before: number[];
  after: number[];
  common: number[];
}

/** What «Confronta» reports: the differences, and whether the targets could be compared at all. */
export interface Comparison {
  differences: Difference[];
  targetYears: TargetYears;
  /** False when the plans have no target year in common: no target was compared (said, never
   *  a silent «nessuna differenza»). */
  targetsCompared: boolean;
}

/** What compare needs of a plan: its cells and the engine's reading (weights as fractions). */
export interface ComparedPlan {
  plan: PlanInput;
  result: PlanResult;
  phase?: Phase;
  year?: number;
}

/** One side of «Confronta» in the pane: the open workbook or the file picked. */
export interface ComparedSide {
  source: "open" | "file";
  /** The file's name (absent for the open workbook). */
  fileName?: string;
  phase?: Phase;
  year?: number;
}

/** «Confronta» from the pane: which side is the earlier plan (the preventivo) and the differences. */
export interface FileComparison extends Comparison {
  before: ComparedSide;
  after: ComparedSide;
  /** Neither year nor phase told which plan came first: the file was taken as the earlier one. */
  orderAssumed: boolean;
}

const PHASE_ORDER: Record<Phase, number> = { preventivo: 0, monitoraggio: 1, consuntivo: 2 };

/**
 * The open workbook against a file: the earlier plan first — by year, then by phase
 * (preventivo, monitoraggio, consuntivo, as detected from the headers); when nothing tells
 * them apart, the file is taken as the earlier one (the open workbook is the plan at hand).
 */
export function compareOpenWithFile(open: ComparedPlan, file: ComparedPlan, fileName: string): FileComparison {
  const rank = (p: ComparedPlan) => [p.year ?? p.plan.year ?? Number.NaN, p.phase ? PHASE_ORDER[p.phase] : Number.NaN];
  const [oy, op] = rank(open);
  const [fy, fp] = rank(file);
  const openFirst = oy < fy || (!(oy > fy) && op < fp);
  const fileFirst = fy < oy || (!(fy > oy) && fp < op);
  const openSide: ComparedSide = { source: "open", phase: open.phase, year: open.year };
  const fileSide: ComparedSide = { source: "file", fileName, phase: file.phase, year: file.year };
  const [a, b, sa, sb] = openFirst ? [open, file, openSide, fileSide] : [file, open, fileSide, openSide];
  return { ...comparePlansReport(a, b), before: sa, after: sb, orderAssumed: !openFirst && !fileFirst };
}

const key = (s: string) => normalizeLabel(s);

/** Pairs items by key, repeated keys in order; returns pairs and the unmatched of each side. */
function match<T>(a: T[], b: T[], keyOf: (t: T) => string): { pairs: [T, T][]; onlyA: T[]; onlyB: T[] } {
  const pool = new Map<string, T[]>();
  for (const x of b) {
    const k = keyOf(x);
    const list = pool.get(k) ?? [];
    list.push(x);
    pool.set(k, list);
  }
  const pairs: [T, T][] = [];
  const onlyA: T[] = [];
  for (const x of a) {
    const list = pool.get(keyOf(x));
    const y = list?.shift();
    if (y !== undefined) pairs.push([x, y]);
    else onlyA.push(x);
  }
  const used = new Set(pairs.map((p) => p[1]));
  return { pairs, onlyA, onlyB: b.filter((y) => !used.has(y)) };
}

function targetText(op: Operator | null, text: string): string {
  return op && text ? `${op} ${text}` : text;
}

export function comparePlans(before: ComparedPlan, after: ComparedPlan): Difference[] {
  const diffs: Difference[] = [];
  const objA = before.plan.objectives.map((o, i) => ({ o, r: before.result.objectives[i] }));
  const objB = after.plan.objectives.map((o, i) => ({ o, r: after.result.objectives[i] }));
  const objs = match(objA, objB, (x) => key(x.o.obiettivoOperativo));
  for (const x of objs.onlyA) diffs.push({ kind: "objectiveRemoved", objective: x.o.obiettivoOperativo, sheet: x.o.sheet });
  for (const [a, b] of objs.pairs) {
    const name = b.o.obiettivoOperativo;
    const indA = a.o.indicators.map((i, k) => ({ i, r: a.r?.indicators[k] }));
    const indB = b.o.indicators.map((i, k) => ({ i, r: b.r?.indicators[k] }));
    const inds = match(indA, indB, (x) => key(x.i.name));
    for (const x of inds.onlyA) diffs.push({ kind: "indicatorRemoved", objective: name, indicator: x.i.name, sheet: a.o.sheet, cell: x.i.weight.address });
    for (const [p, q] of inds.pairs) {
      const ta = indicatorTargets(p.i, before.plan.year);
      const tb = indicatorTargets(q.i, after.plan.year);
      for (const t of ta) {
        const u = tb.find((x) => x.year === t.year);
        if (!u) continue;
        const na = comparable(t.value);
        const nb = comparable(u.value);
        const same = na !== null && nb !== null ? Math.abs(na - nb) < 1e-9 && t.value.kind === u.value.kind : valueText(t.value) === valueText(u.value);
        if (!same || (t.operator ?? ">=") !== (u.operator ?? ">=")) {
          diffs.push({ kind: "targetChanged", objective: name, indicator: q.i.name, year: t.year, from: targetText(t.operator, valueText(t.value)), to: targetText(u.operator, valueText(u.value)), sheet: b.o.sheet, cell: u.address, beforeSheet: a.o.sheet, beforeCell: t.address });
        }
      }
      const wa = p.r?.weight ?? null;
      const wb = q.r?.weight ?? null;
      if (!(wa === null && wb === null) && (wa === null || wb === null || Math.abs(wa - wb) > 1e-9)) {
        diffs.push({ kind: "weightChanged", objective: name, indicator: q.i.name, from: wa === null ? String(p.i.weight.value ?? "") : formatPercent(wa), to: wb === null ? String(q.i.weight.value ?? "") : formatPercent(wb), sheet: b.o.sheet, cell: q.i.weight.address, beforeSheet: a.o.sheet, beforeCell: p.i.weight.address });
      }
    }
    for (const x of inds.onlyB) diffs.push({ kind: "indicatorAdded", objective: name, indicator: x.i.name, sheet: b.o.sheet, cell: x.i.weight.address });
  }
  for (const x of objs.onlyB) diffs.push({ kind: "objectiveAdded", objective: x.o.obiettivoOperativo, sheet: x.o.sheet });
  return diffs;
}

/** The years of a plan's targets (the Target columns' years; a single Target column is the plan year's). */
export function targetYearsOf(p: ComparedPlan): number[] {
  const years = new Set<number>();
  for (const o of p.plan.objectives) for (const i of o.indicators) for (const t of indicatorTargets(i, p.plan.year)) if (t.year !== undefined) years.add(t.year);
  return [...years].sort((x, y) => x - y);
}

/** «Confronta» in full: the differences and the target years compared (none in common: said). */
export function comparePlansReport(before: ComparedPlan, after: ComparedPlan): Comparison {
  const a = targetYearsOf(before);
  const b = targetYearsOf(after);
  const common = a.filter((y) => b.includes(y));
  return { differences: comparePlans(before, after), targetYears: { before: a, after: b, common }, targetsCompared: common.length > 0 || (a.length === 0 && b.length === 0) };
}

/** Where a difference is in one of the two plans (the open workbook's cells get a link in the pane). */
export function differenceCell(d: Difference, side: "before" | "after"): { sheet: string; cell?: string } | null {
  switch (d.kind) {
    case "objectiveAdded":
    case "indicatorAdded":
      return side === "after" && d.sheet ? { sheet: d.sheet, cell: "cell" in d ? d.cell : undefined } : null;
    case "objectiveRemoved":
    case "indicatorRemoved":
      return side === "before" && d.sheet ? { sheet: d.sheet, cell: "cell" in d ? d.cell : undefined } : null;
    case "targetChanged":
    case "weightChanged":
      if (side === "after") return d.sheet ? { sheet: d.sheet, cell: d.cell } : null;
      return d.beforeSheet ? { sheet: d.beforeSheet, cell: d.beforeCell } : null;
  }
}
