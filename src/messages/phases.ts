// Italian user-facing strings: phases of the year (preventivo, monitoraggio, consuntivo),
// nuovo anno and confronta. Identifiers in English, text in Italian.
import type { Phase } from "../core/types";

const q = (s: string) => `«${s}»`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One name per phase, used everywhere (pane, CLI, summary). */
export const PHASE_NAMES: Record<Phase, string> = {
  preventivo: "preventivo",
  monitoraggio: "monitoraggio",
  consuntivo: "consuntivo",
};

/** "30/06/2023" from "2023-06-30". */
export function italianDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export const PHASES = {
  /** How the reader says which phase it chose. */
  chosen: (phase: Phase, year: number | undefined, asOf: string | undefined) =>
    `Fase: ${PHASE_NAMES[phase]}${year ? ` ${year}` : ""}${asOf ? ` (rilevazione al ${italianDate(asOf)})` : ""}`,
  ambiguousActual: (sheet: string, columns: string[]) =>
    `Nel foglio ${q(sheet)} ci sono più colonne di Stato (${columns.map(q).join(", ")}) e non si può decidere quale sia lo Stato dell'anno: indicare l'anno nelle intestazioni (per esempio «Stato al 30/06/2023» accanto a «Target 2023»; quella dell'anno precedente è la Baseline).`,
  mixedPhases: (sheet: string, phase: Phase, other: Phase) =>
    `Il foglio ${q(sheet)} è un ${PHASE_NAMES[other]}, gli altri un ${PHASE_NAMES[phase]}: uniformare le intestazioni delle tabelle.`,
  mixedAsOf: (sheet: string, asOf: string, other: string) =>
    `Il foglio ${q(sheet)} riporta la rilevazione al ${italianDate(other)}, gli altri al ${italianDate(asOf)}: si usa il ${italianDate(asOf)}.`,
  targetToDefine: (card: string, row: number, name: string, year: number) =>
    `${q(card)}, indicatore ${row} (${name || "senza nome"}): target ${year} da definire.`,
  targetUnreadable: (card: string, row: number, name: string, year: number, text: string) =>
    `${q(card)}, indicatore ${row} (${name || "senza nome"}): il target ${year} ${q(text)} non è un valore leggibile (numero, percentuale, data, si/no).`,
  targetEasier: (card: string, row: number, name: string, year: number, next: number, from: string, to: string) =>
    `${q(card)}, indicatore ${row} (${name || "senza nome"}): il target diventa meno ambizioso dal ${year} (${from}) al ${next} (${to}).`,
  onTrack: "in linea",
  late: "in ritardo",
  notMeasured: "non rilevato",
  yearElapsed: (share: string, asOf: string) => `Trascorso ${share} dell'anno (al ${italianDate(asOf)}).`,
};

export const NEXT_YEAR = {
  baselineHeader: (year: number) => `Consuntivo ${year}`,
  targetHeader: (year: number) => `Target ${year}`,
  resourcesNote: (year: number) => `Da aggiornare per il ${year} (copiato dal piano precedente).`,
  fieldNote: (year: number) => `Da verificare per il ${year} (copiato dal piano precedente).`,
  targetToDefine: (sheet: string, cell: string, year: number) => `${sheet}!${cell}: target ${year} da definire.`,
  noTables: "Nessuna scheda trovata: il piano del nuovo anno non è stato scritto.",
  noYear: "L'anno del piano non si ricava dalle intestazioni (per esempio «Target 2023»): indicarlo e riprovare.",
};

const yearList = (years: readonly number[]) => (years.length ? years.map((y) => `Target ${y}`).join(", ") : "nessun target con anno");

export const COMPARE = {
  title: (a: string, b: string) => `Piano Performance — confronto di ${a} con ${b}`,
  none: "Nessuna differenza negli obiettivi, negli indicatori, nei target e nei pesi.",
  /** The targets were not compared: no difference found in the rest. */
  noneWithoutTargets: "Nessuna differenza negli obiettivi, negli indicatori e nei pesi (i target non sono stati confrontati).",
  /** The two plans have no target year in common: each side's years named. */
  noCommonYear: (a: string, yearsA: readonly number[], b: string, yearsB: readonly number[]) =>
    `Target non confrontati: i due piani non hanno un anno in comune (${a}: ${yearList(yearsA)}; ${b}: ${yearList(yearsB)}).`,
  count: (n: number) => `${plural(n, "differenza", "differenze")}:`,
  objectiveAdded: (o: string) => `Obiettivo aggiunto: ${q(o)}`,
  objectiveRemoved: (o: string) => `Obiettivo tolto: ${q(o)}`,
  indicatorAdded: (o: string, i: string) => `${q(o)}: indicatore aggiunto ${q(i)}`,
  indicatorRemoved: (o: string, i: string) => `${q(o)}: indicatore tolto ${q(i)}`,
  targetChanged: (o: string, i: string, year: number | undefined, from: string, to: string) =>
    `${q(o)}, ${q(i)}: target${year ? ` ${year}` : ""} cambiato da ${from || "(vuoto)"} a ${to || "(vuoto)"}`,
  weightChanged: (o: string, i: string, from: string, to: string) => `${q(o)}, ${q(i)}: peso cambiato da ${from || "(vuoto)"} a ${to || "(vuoto)"}`,
};

/** The summary's phase blocks. */
export const PHASE_SUMMARY = {
  targetsTitle: (year: number | undefined) => `Target per anno e obiettivo${year ? ` (piano ${year})` : ""}`,
  resourcesTitle: "Risorse per Missione e Programma",
  progressTitle: (asOf: string, share: string) => `Avanzamento al ${asOf} (trascorso ${share} dell'anno): indicatori in linea e in ritardo`,
  toDefine: "da definire",
  noRows: "Nessun dato.",
  columns: {
    sheet: "Foglio",
    objective: "Obiettivo operativo",
    indicator: "Indicatore",
    target: (y: number) => `Target ${y}`,
    missioneProgramma: "Missione e Programma",
    objectives: "Obiettivi",
    resources: "Risorse (€)",
    internal: "Risorse interne",
    onTrack: "In linea",
    late: "In ritardo",
    notMeasured: "Non rilevati",
  },
};
