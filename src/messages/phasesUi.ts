// Italian strings of the phases in the task pane and the preview (issue 11).
import type { Phase } from "../core/types";
import { italianDate, PHASE_NAMES } from "./phases";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const PHASE_UI = {
  label: (phase: Phase, year: number | undefined, asOf: string | undefined) =>
    `Fase: ${PHASE_NAMES[phase]}${year ? ` ${year}` : ""}${asOf ? ` · rilevazione al ${italianDate(asOf)}` : ""}`,
  preventivoNote: "Piano preventivo: si verificano struttura, target per anno, pesi e risorse; le performance si calcoleranno sul consuntivo.",
  nothingToCompute: "Nel preventivo non ci sono Stato da valutare: nessuna performance calcolata né scritta nella cartella.",
  progress: (onTrack: number, late: number, notMeasured: number, share: string) =>
    `Trascorso ${share} dell'anno: ${plural(onTrack, "indicatore in linea", "indicatori in linea")}, ${late} in ritardo${notMeasured ? `, ${notMeasured} non rilevati` : ""}.`,
};

export const NEXT_YEAR_UI = {
  heading: "Nuovo anno",
  intro: "Crea il piano dell'anno dopo in una nuova cartella: stesse schede e indicatori, lo Stato diventa la Baseline, i target salgono di un anno. La cartella aperta non viene modificata.",
  run: "Nuovo anno",
  done: (year: number, objectives: number, indicators: number, toDefine: number, fileName?: string) =>
    `Piano ${year} creato${fileName ? ` (${fileName})` : " in una nuova cartella"}: ${plural(objectives, "obiettivo", "obiettivi")}, ${plural(indicators, "indicatore", "indicatori")}${toDefine ? `, ${plural(toDefine, "target da definire", "target da definire")}` : ""}.`,
  marked: (n: number) => `${plural(n, "campo dell'intestazione da aggiornare o verificare (risorse, area, ufficio) è segnato", "campi dell'intestazione da aggiornare o verificare (risorse, area, ufficio) sono segnati")} con una nota.`,
  fileName: (year: number, source: string) => `${source.replace(/\.xlsx$/i, "")}-${year}.xlsx`,
};

export const NEXT_YEAR_EXCEL = {
  notSupported: "Questa versione di Excel non può creare una nuova cartella dal componente aggiuntivo (serve ExcelApi 1.8): aggiornare Excel, oppure usare «piano-perf nuovo-anno».",
  cannotReadFile: "Non è stato possibile leggere il file della cartella aperta. Salvare la cartella e riprovare.",
  cannotCreate: "Excel non ha aperto la nuova cartella (forse un blocco dei popup o un file troppo grande). Riprovare, oppure usare «piano-perf nuovo-anno».",
  progressRead: "Lettura del file",
  progressBuild: "Preparazione del nuovo anno",
};
