// Roll-ups of objectives to strategic objective, ambito, area, missione and
// missione/programma (and of the indicators by Tipologia, rollupByType): mean of the objectives' performance (simple, weighted by euro
// resources or by «Peso obiettivo», or the worst objective, as the policy says) and the
// sum of their resources.
import type { ObjectiveResult, RollupRow, Rollups } from "./types";
import type { Policy } from "./policy";
import { trafficLight } from "./light";
import { weightedMeanOf } from "./weighting";
import { leadingCode, pad3 } from "./missioni";
import { UNSPECIFIED_LABEL } from "../messages/engine";

export const UNSPECIFIED = UNSPECIFIED_LABEL;

type KeyFn = (o: ObjectiveResult) => { key: string; label: string };

const textKey = (text: string | undefined) => {
  const label = (text ?? "").replace(/\s+/g, " ").trim();
  return label ? { key: label.toLocaleLowerCase("it"), label } : { key: "", label: UNSPECIFIED };
};

/** "11 – Competitività…" and "011 - Competitività…" share the key "011"; the label keeps the text. */
const codeKey = (text: string | undefined) => {
  const code = leadingCode(text);
  if (code === null) return textKey(text);
  const rest = (text ?? "").replace(/^\s*\d+\s*[-–—.:]?\s*/, "").replace(/\s+/g, " ").trim();
  return { key: pad3(code), label: rest ? `${pad3(code)} – ${rest}` : pad3(code) };
};

/** The roll-ups that group objectives (the one by Tipologia groups indicators). */
export type ObjectiveRollupKind = Exclude<keyof Rollups, "tipologia">;

const KEYS: Record<ObjectiveRollupKind, KeyFn> = {
  obiettivoStrategico: (o) => textKey(o.input.obiettivoStrategico),
  ambitoStrategico: (o) => textKey(o.input.ambitoStrategico),
  areaResponsabilita: (o) => textKey(o.input.areaResponsabilita),
  missione: (o) => codeKey(o.input.missione),
  missioneProgramma: pairKey((o) => codeKey(o.input.missione), (o) => codeKey(o.input.programma)),
};

/** Missione/Programma: the pair of the two codes' keys and labels. */
function pairKey(missione: KeyFn, programma: KeyFn): KeyFn {
  const seen = new Map<string, { key: string; label: string }>();
  return (o) => {
    const m = missione(o);
    const p = programma(o);
    const key = `${m.key}|${p.key}`;
    let k = seen.get(key);
    if (!k) {
      k = { key, label: `${m.label} / ${p.label}` };
      if (seen.size < 10_000) seen.set(key, k);
    }
    return k;
  };
}

const meanBy = (objectives: readonly ObjectiveResult[], weight: (o: ObjectiveResult) => number | null | undefined) => weightedMeanOf(objectives, PERFORMANCE, weight);
const PERFORMANCE = (o: ObjectiveResult) => o.performance;
const ONE = () => 1;
const BY_RESOURCES = (o: ObjectiveResult) => o.resources;
const BY_OBJECTIVE_WEIGHT = (o: ObjectiveResult) => o.objectiveWeight ?? null;

/** The mean the policy asks for over a group of objectives. */
export function rollupMean(objectives: readonly ObjectiveResult[], policy: Policy): number | null {
  if (policy.rollupMean === "worst") {
    let worst: number | null = null;
    for (const o of objectives) if (o.performance !== null && (worst === null || o.performance < worst)) worst = o.performance;
    return worst;
  }
  if (policy.rollupMean === "simple") return meanBy(objectives, ONE);
  // By «Peso obiettivo»: cards without one do not count; none with one → the simple mean.
  // By resources: objectives on internal resources only carry no euro weight; fall back when none has any.
  return meanBy(objectives, policy.rollupMean === "objectiveWeight" ? BY_OBJECTIVE_WEIGHT : BY_RESOURCES) ?? meanBy(objectives, ONE);
}

function group(objectives: readonly ObjectiveResult[], keyFn: KeyFn, policy: Policy): RollupRow[] {
  const groups = new Map<string, { label: string; items: ObjectiveResult[] }>();
  for (const o of objectives) {
    const { key, label } = keyFn(o);
    const g = groups.get(key);
    if (g) g.items.push(o);
    else groups.set(key, { label, items: [o] });
  }
  const rows: RollupRow[] = [];
  for (const [key, g] of groups) {
    const performance = rollupMean(g.items, policy);
    let resources = 0;
    let internalCount = 0;
    for (const o of g.items) {
      resources += o.resources ?? 0;
      if (o.internalResources) internalCount++;
    }
    rows.push({ key, label: g.label, objectiveCount: g.items.length, performance, light: trafficLight(performance, policy), resources, internalCount });
  }
  return rows;
}

/** A key function that reads each distinct text once (a plan repeats its few Ambiti and Aree on every card). */
function memo(read: (o: ObjectiveResult) => string | undefined, key: (text: string | undefined) => { key: string; label: string }): KeyFn {
  const seen = new Map<string | undefined, { key: string; label: string }>();
  return (o) => {
    const text = read(o);
    let k = seen.get(text);
    if (!k) {
      k = key(text);
      if (seen.size < 10_000) seen.set(text, k);
    }
    return k;
  };
}

/** The key of the group an objective belongs to in a roll-up (for the drill-down of a row). */
export function rollupKeyOf(kind: ObjectiveRollupKind, o: ObjectiveResult): string {
  return KEYS[kind](o).key;
}

/** An indicator's Tipologia as a roll-up key and label ("Efficacia" and "efficacia " are one group). */
export function indicatorTypeKey(type: string | undefined): { key: string; label: string } {
  const t = textKey(type);
  return t.key ? { key: t.key, label: t.label.charAt(0).toLocaleUpperCase("it") + t.label.slice(1) } : t;
}

/** Each indicator of `o` with its Tipologia (the results keep the inputs' order). */
export function indicatorsWithType(o: ObjectiveResult): { indicator: ObjectiveResult["indicators"][number]; type: string | undefined }[] {
  return o.indicators.map((indicator, k) => ({ indicator, type: o.input.indicators[k]?.type }));
}

/**
 * The indicators of all objectives grouped by Tipologia: the simple mean of the performances
 * used in the weighted means (n.d. as the policy says, rounding included), their number and
 * the number of objectives they come from.
 */
export function rollupByType(objectives: readonly ObjectiveResult[], policy: Policy): RollupRow[] {
  // One pass, no object per indicator: a plan of a million indicators has a handful of Tipologie.
  const groups = new Map<string, { label: string; sum: number; used: number; objectives: Set<string>; count: number; last: ObjectiveResult | null }>();
  const keys = new Map<string | undefined, { key: string; label: string }>();
  let lastType: string | undefined;
  let g: (typeof groups extends Map<string, infer G> ? G : never) | undefined;
  for (const o of objectives) {
    const inputs = o.input.indicators;
    for (let k = 0; k < o.indicators.length; k++) {
      const type = inputs[k]?.type;
      // Neighbours mostly share their Tipologia: look it up only when it changes.
      if (g === undefined || type !== lastType) {
        lastType = type;
        let tk = keys.get(type);
        if (!tk) keys.set(type, (tk = indicatorTypeKey(type)));
        g = groups.get(tk.key);
        if (!g) groups.set(tk.key, (g = { label: tk.label, sum: 0, used: 0, objectives: new Set(), count: 0, last: null }));
      }
      // The weighted mean with equal weights: n.d. or excluded indicators (null) do not count.
      const p = o.indicators[k].weighted;
      if (p !== null && Number.isFinite(p)) {
        g.sum += p;
        g.used++;
      }
      if (g.last !== o) {
        g.last = o;
        g.objectives.add(o.id);
      }
      g.count++;
    }
  }
  return [...groups.entries()].map(([key, g]) => {
    const performance = g.used > 0 ? g.sum / g.used : null;
    return {
      key,
      label: g.label,
      objectiveCount: g.objectives.size,
      indicatorCount: g.count,
      performance,
      light: trafficLight(performance, policy),
      resources: 0,
      internalCount: 0,
    };
  });
}

export function computeRollups(objectives: readonly ObjectiveResult[], policy: Policy): Rollups {
  // The same keys as KEYS (one source), each distinct text read once per plan.
  const missione = memo((o) => o.input.missione, codeKey);
  const programma = memo((o) => o.input.programma, codeKey);
  return {
    obiettivoStrategico: group(objectives, memo((o) => o.input.obiettivoStrategico, textKey), policy),
    ambitoStrategico: group(objectives, memo((o) => o.input.ambitoStrategico, textKey), policy),
    areaResponsabilita: group(objectives, memo((o) => o.input.areaResponsabilita, textKey), policy),
    missione: group(objectives, missione, policy),
    missioneProgramma: group(objectives, pairKey(missione, programma), policy),
    tipologia: rollupByType(objectives, policy),
  };
}
