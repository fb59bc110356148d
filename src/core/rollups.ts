// Roll-ups of objectives to strategic objective, ambito, area, missione and
// missione/programma (and of the indicators by Tipologia, rollupByType): mean of the objectives' performance (simple, weighted by euro
// resources or by «Peso obiettivo», or the worst objective, as the policy says) and the
// sum of their resources.
import type { ObjectiveResult, RollupRow, Rollups } from "./types";
import type { Policy } from "./policy";
import { trafficLight } from "./light";
import { weightedMean } from "./weighting";
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
  missioneProgramma: (o) => {
    const m = codeKey(o.input.missione);
    const p = codeKey(o.input.programma);
    return { key: `${m.key}|${p.key}`, label: `${m.label} / ${p.label}` };
  },
};

/** The mean the policy asks for over a group of objectives. */
export function rollupMean(objectives: readonly ObjectiveResult[], policy: Policy): number | null {
  const simple = weightedMean(objectives.map((o) => ({ performance: o.performance, weight: 1 })));
  if (policy.rollupMean === "simple") return simple;
  if (policy.rollupMean === "worst") {
    let worst: number | null = null;
    for (const o of objectives) if (o.performance !== null && (worst === null || o.performance < worst)) worst = o.performance;
    return worst;
  }
  if (policy.rollupMean === "objectiveWeight") {
    // By «Peso obiettivo»: cards without one do not count; none with one → the simple mean.
    return weightedMean(objectives.map((o) => ({ performance: o.performance, weight: o.objectiveWeight ?? null }))) ?? simple;
  }
  // By resources: objectives on internal resources only carry no euro weight; fall back when none has any.
  return weightedMean(objectives.map((o) => ({ performance: o.performance, weight: o.resources }))) ?? simple;
}

function group(objectives: readonly ObjectiveResult[], keyFn: KeyFn, policy: Policy): RollupRow[] {
  const groups = new Map<string, { label: string; items: ObjectiveResult[] }>();
  for (const o of objectives) {
    const { key, label } = keyFn(o);
    const g = groups.get(key);
    if (g) g.items.push(o);
    else groups.set(key, { label, items: [o] });
  }
  return [...groups.entries()].map(([key, g]) => {
    const performance = rollupMean(g.items, policy);
    return {
      key,
      label: g.label,
      objectiveCount: g.items.length,
      performance,
      light: trafficLight(performance, policy),
      resources: g.items.reduce((s, o) => s + (o.resources ?? 0), 0),
      internalCount: g.items.filter((o) => o.internalResources).length,
    };
  });
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
  const groups = new Map<string, { label: string; sum: number; used: number; objectives: Set<string>; count: number }>();
  const keys = new Map<string | undefined, { key: string; label: string }>();
  for (const o of objectives) {
    const inputs = o.input.indicators;
    for (let k = 0; k < o.indicators.length; k++) {
      const type = inputs[k]?.type;
      let tk = keys.get(type);
      if (!tk) keys.set(type, (tk = indicatorTypeKey(type)));
      let g = groups.get(tk.key);
      if (!g) groups.set(tk.key, (g = { label: tk.label, sum: 0, used: 0, objectives: new Set(), count: 0 }));
      // The weighted mean with equal weights: n.d. or excluded indicators (null) do not count.
      const p = o.indicators[k].weighted;
      if (p !== null && Number.isFinite(p)) {
        g.sum += p;
        g.used++;
      }
      g.objectives.add(o.id);
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
  return {
    obiettivoStrategico: group(objectives, KEYS.obiettivoStrategico, policy),
    ambitoStrategico: group(objectives, KEYS.ambitoStrategico, policy),
    areaResponsabilita: group(objectives, KEYS.areaResponsabilita, policy),
    missione: group(objectives, KEYS.missione, policy),
    missioneProgramma: group(objectives, KEYS.missioneProgramma, policy),
    tipologia: rollupByType(objectives, policy),
  };
}
