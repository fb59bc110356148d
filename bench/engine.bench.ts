// Indicators evaluated per second (parse + rule + weighting + roll-ups), for typed cells
// as Office.js passes them and for Italian text as printed plans hold it. 1,000,000
// synthetic indicators, in 100 distinct plans of 10,000 (a large real plan has a few
// hundred): each plan is generated untimed, then evaluated under the clock.
import { evaluatePlan, defaultPolicy, parsePolicy, serialFromYmd, type CellInput, type IndicatorInput, type PlanInput, type Policy } from "../src/core";

const N = 1_000_000;
const PLANS = 100;
const PER_PLAN = N / PLANS;
const PER_CARD = 10;

function rnd(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function plan(kind: "typed" | "text" | "rules", seed: number): PlanInput {
  const r = rnd(seed * 2 + (kind === "typed" ? 1 : kind === "text" ? 2 : 3));
  const typed = kind !== "text";
  const base = serialFromYmd(2022, 1, 1);
  const objectives = [];
  for (let o = 0; o < PER_PLAN / PER_CARD; o++) {
    const indicators = [];
    for (let i = 0; i < PER_CARD; i++) {
      const k = i % 5;
      let actual: CellInput, target: CellInput, op: string;

      if (k === 0) { const a = Math.round(r() * 120), t = 60; actual = typed ? { value: a } : { value: String(a) }; target = typed ? { value: t } : { value: "60" }; op = ">="; }
      else if (k === 1) { const a = r(); actual = typed ? { value: a, format: "0%" } : { value: `${(a * 100).toFixed(1).replace(".", ",")}%` }; target = typed ? { value: 0.8, format: "0%" } : { value: "80%" }; op = ">="; }
      else if (k === 2) { const d = base + Math.floor(r() * 365); actual = typed ? { value: d, format: "dd/mm/yyyy" } : { value: "30/06/2022" }; target = typed ? { value: base + 180, format: "dd/mm/yyyy" } : { value: "30.06.2022" }; op = "<="; }
      else if (k === 3) { actual = typed ? { value: r() < 0.9 } : { value: r() < 0.9 ? "si" : "no" }; target = typed ? { value: true } : { value: "si" }; op = "="; }
      else { const a = Math.round(r() * 9_000_000); actual = typed ? { value: a } : { value: a.toLocaleString("it-IT") }; target = typed ? { value: 7_780_000 } : { value: "7.780.000" }; op = ">="; }
      const ind: IndicatorInput = { row: i + 1, name: `Indicatore ${i + 1}`, unit: k === 2 ? "data" : "n.", actual, operator: { value: op }, target, weight: typed ? { value: 0.1, format: "0.0%" } : { value: "10,0%" } };
      // Per-indicator rules (issue 10): every indicator names its own, on typed cells.
      if (kind === "rules") {
        if (k === 0) Object.assign(ind, { rule: { value: i % 2 ? "baseline" : "soglie" }, baseline: { value: 20 }, thresholdMin: { value: 20 }, thresholdMax: { value: 100 } });
        else if (k === 1) ind.rule = { value: "fasce 2023" };
        else if (k === 2) ind.rule = { value: i % 2 ? "giorni di ritardo" : "tutto o niente" };
        else if (k === 3) ind.rule = { value: "tutto o niente" };
        else ind.rule = { value: "rapporto" };
      }
      indicators.push(ind);
    }
    objectives.push({ id: `O${o}`, obiettivoOperativo: `Obiettivo ${o}`, missione: "011 - Competitività", programma: "005 - Promozione", obiettivoStrategico: `S${o % 20}`, areaResponsabilita: `A${o % 5}`, indicators });
  }
  return { year: 2022, objectives };
}

const checked = parsePolicy({ version: 2, bandSets: { "2023": [{ range: "sotto 60%", score: 0 }, { range: "da 60% a 99%", score: "proporzionale" }, { range: "da 99%", score: 1 }] }, lateBands: [{ from: 1, to: 30, score: 0.8 }, { from: 31, to: null, score: 0 }] });
if (!checked.ok) throw new Error(checked.errors.join(" "));
const policies: Record<string, Policy> = { typed: defaultPolicy(), text: defaultPolicy(), rules: checked.policy };
for (const kind of ["typed", "text", "rules"] as const) {
  const policy = policies[kind];
  evaluatePlan(plan(kind, 999), policy); // warm-up
  let ns = 0n;
  let sum = 0;
  for (let k = 0; k < PLANS; k++) {
    const p = plan(kind, k);
    // Collect the generator's garbage untimed, so the clock sees the engine's own work.
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = process.hrtime.bigint();
    const res = evaluatePlan(p, policy);
    ns += process.hrtime.bigint() - t0;
    sum += res.performance ?? 0;
  }
  const s = Number(ns) / 1e9;
  const rate = N / s;
  // With rules every indicator carries a text «Regola» cell: held to the text target.
  const target = kind === "typed" ? 1_000_000 : 300_000;
  console.log(`engine ${kind.padEnd(5)}: ${N.toLocaleString("en")} indicators in ${s.toFixed(2)} s = ${Math.round(rate).toLocaleString("en")} indicators/s (target ≥ ${target.toLocaleString("en")}/s) ${rate >= target ? "OK" : "BELOW TARGET"}; mean plan ${((sum / PLANS) * 100).toFixed(2)}%`);
}
