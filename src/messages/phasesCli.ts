// Italian strings of the `nuovo-anno` and `confronta` commands of piano-perf.
import type { NextYearPlan } from "../core/nextYear";
import type { Comparison, Difference } from "../core/compare";
import type { Phase } from "../core/types";
import { COMPARE, PHASE_NAMES } from "./phases";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const PHASES_USAGE = [
  "  piano-perf nuovo-anno FILE.xlsx --out NUOVO.xlsx  il piano dell'anno dopo: Stato → Baseline, target spostati di un anno",
  "  piano-perf confronta PREVENTIVO.xlsx CONSUNTIVO.xlsx [--json]",
  "                                                      obiettivi, indicatori, target e pesi cambiati tra i due piani",
];

export const NEXT_YEAR_CLI = {
  missingFile: "Manca il file: piano-perf nuovo-anno FILE.xlsx --out NUOVO.xlsx",
  oneFile: "Indicare un solo file: piano-perf nuovo-anno FILE.xlsx --out NUOVO.xlsx",
  missingOut: "Indicare il file da scrivere: piano-perf nuovo-anno FILE.xlsx --out NUOVO.xlsx (il file di ingresso non viene mai modificato).",
  outIsInput: "Il file di uscita coincide con quello di ingresso: il file di ingresso non viene mai modificato, indicare un altro nome dopo --out.",
  report: (file: string, out: string, p: NextYearPlan) => {
    const lines = [
      `Piano Performance — nuovo anno da ${file}`,
      `Piano ${p.year} scritto: ${out} (${plural(p.objectives, "obiettivo", "obiettivi")} · ${plural(p.indicators, "indicatore", "indicatori")}).`,
      `Lo Stato ${p.fromYear} è ora la Baseline (colonna «Consuntivo ${p.fromYear}»); Performance, valori forzati e note svuotati.`,
      `Risorse economiche da aggiornare: ${plural(p.notes.filter((n) => n.kind !== "verify").length, "cella segnata", "celle segnate")} con una nota.`,
    ];
    const verify = p.notes.filter((n) => n.kind === "verify").length;
    if (verify) lines.push(`Campi dell'intestazione da verificare (Area, Ufficio e quelli che citano il ${p.fromYear}): ${plural(verify, "cella segnata", "celle segnate")} con una nota.`);
    if (p.toDefine.length) {
      const years = [...new Set(p.toDefine.map((t) => t.year))].sort();
      lines.push(`Target da definire: ${plural(p.toDefine.length, "cella", "celle")} (${years.map((y) => `Target ${y}`).join(", ")}).`);
    }
    if (p.staleSheets.length) lines.push(`Tolto il riepilogo dell'anno precedente: ${p.staleSheets.map((s) => `«${s}»`).join(", ")}.`);
    return lines.join("\n");
  },
};

function describe(d: Difference): string {
  switch (d.kind) {
    case "objectiveAdded":
      return COMPARE.objectiveAdded(d.objective);
    case "objectiveRemoved":
      return COMPARE.objectiveRemoved(d.objective);
    case "indicatorAdded":
      return COMPARE.indicatorAdded(d.objective, d.indicator);
    case "indicatorRemoved":
      return COMPARE.indicatorRemoved(d.objective, d.indicator);
    case "targetChanged":
      return COMPARE.targetChanged(d.objective, d.indicator, d.year, d.from, d.to);
    case "weightChanged":
      return COMPARE.weightChanged(d.objective, d.indicator, d.from, d.to);
  }
}

export const COMPARE_CLI = {
  twoFiles: "Indicare due file: piano-perf confronta PREVENTIVO.xlsx CONSUNTIVO.xlsx",
  describe,
  report: (fa: string, fb: string, a: { phase?: Phase; year?: number }, b: { phase?: Phase; year?: number }, c: Comparison) => {
    const side = (f: string, x: { phase?: Phase; year?: number }) => `${f}${x.phase ? ` (${PHASE_NAMES[x.phase]}${x.year ? ` ${x.year}` : ""})` : ""}`;
    const diffs = c.differences;
    const lines = [COMPARE.title(side(fa, a), side(fb, b)), ""];
    if (!c.targetsCompared) lines.push(COMPARE.noCommonYear(fa, c.targetYears.before, fb, c.targetYears.after));
    if (!diffs.length) lines.push(c.targetsCompared ? COMPARE.none : COMPARE.noneWithoutTargets);
    else {
      lines.push(COMPARE.count(diffs.length));
      for (const d of diffs) lines.push(`  ${describe(d)}`);
    }
    return lines.join("\n");
  },
};
