// Roll-ups of objectives to strategic objective, ambito, area, missione and
// missione/programma: mean of the objectives' performance (simple, weighted by euro
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

const KEYS: Record<keyof Rollups, KeyFn> = {
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

export function computeRollups(objectives: readonly ObjectiveResult[], policy: Policy): Rollups {
  return {
    obiettivoStrategico: group(objectives, KEYS.obiettivoStrategico, policy),
    ambitoStrategico: group(objectives, KEYS.ambitoStrategico, policy),
    areaResponsabilita: group(objectives, KEYS.areaResponsabilita, policy),
    missione: group(objectives, KEYS.missione, policy),
    missioneProgramma: group(objectives, KEYS.missioneProgramma, policy),
  };
}
