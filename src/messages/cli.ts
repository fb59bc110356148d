// Italian user-facing strings: cli (`piano-perf`). Identifiers in English, text in Italian.

import { DOCUMENT_CLI } from "./document";

const DOCUMENT_CLI_USAGE = DOCUMENT_CLI.usage;
import { PHASES_USAGE } from "./phasesCli";
import { PRINT } from "./print";
import { ACCEPT_USAGE } from "./rectifications";

const q = (s: string) => `«${s}»`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const CLI = {
  usage: [
    "Uso:",
    "  piano-perf verifica FILE.xlsx [--json]              controlla il piano e ne elenca i problemi",
    "  piano-perf calcola FILE.xlsx [--out COPIA.xlsx [--stampa]] [--json]",
    "                                                      calcola le performance; con --out salva una copia",
    "                                                      con le performance scritte e il foglio di riepilogo;",
    "                                                      con --stampa anche le schede pronte per la stampa",
    "  piano-perf esempio COPIA.xlsx                       scrive la cartella di esempio (18 schede del 2022)",
    "                                                      (un file esistente solo con --sovrascrivi)",
    ...ACCEPT_USAGE,
    DOCUMENT_CLI_USAGE,
    ...PRINT.cli.usage,
    ...PHASES_USAGE,
    "",
    "Il file di ingresso non viene mai modificato. Esito: 0 nessun errore, 1 errori nel piano, 2 file illeggibile o uso errato.",
  ].join("\n"),
  noCommand: "Indicare un comando: verifica, calcola, documento o esempio.",
  unknownCommand: (c: string) => `Comando sconosciuto: ${q(c)}.`,
  missingFile: (command: string) => `Manca il file: piano-perf ${command} FILE.xlsx`,
  unknownOption: (o: string) => `Opzione sconosciuta: ${q(o)}.`,
  optionNotAllowed: (o: string, command: string) => `L'opzione ${o} non vale per il comando ${q(command)}.`,
  outMissingValue: "Dopo --out indicare il nome del file da scrivere (per esempio --out risultati.xlsx).",
  extraArgument: (a: string) => `Argomento in più: ${q(a)}.`,
  outIsInput: "Il file di uscita coincide con quello di ingresso: il file di ingresso non viene mai modificato, indicare un altro nome dopo --out.",
  fileNotFound: (f: string) => `File non trovato: ${f}`,
  notAFile: (f: string) => `${f} non è un file.`,
  cannotRead: (f: string, why: string) => `Impossibile leggere ${f}: ${why}`,
  notXlsx: (f: string) => `${f} non è un file .xlsx (cartella di lavoro di Excel): aprirlo in Excel e salvarlo come «Cartella di lavoro di Excel (.xlsx)».`,
  oldXls: (f: string) => `${f} è nel vecchio formato .xls: aprirlo in Excel e salvarlo come «Cartella di lavoro di Excel (.xlsx)».`,
  corruptXlsx: (f: string, why: string) => `${f} non si può leggere come .xlsx (file danneggiato o protetto da password?): ${why}`,
  cannotWrite: (f: string, why: string) => `Impossibile scrivere ${f}: ${why}`,
  internalError: (why: string) => `Errore imprevisto: ${why}. Segnalarlo insieme al file che lo provoca.`,
  progressRead: (f: string, mb: string) => `Lettura di ${f} (${mb} MB)…`,
  progressAnalyze: (cells: number) => `Analisi di ${cells.toLocaleString("it-IT")} celle…`,
  progressWrite: (f: string) => `Scrittura di ${f}…`,
  report: {
    title: (command: "verifica" | "calcola", file: string) => `Piano Performance — ${command === "verifica" ? "verifica" : "calcolo"} di ${file}`,
    plan: (year: number | undefined, cards: number, indicators: number) =>
      `${year ? `Anno ${year} · ` : ""}${plural(cards, "obiettivo", "obiettivi")} · ${plural(indicators, "indicatore", "indicatori")}`,
    skipped: (names: string[]) => `Fogli non letti (non sono schede): ${names.map(q).join(", ")}`,
    policy: (fromWorkbook: boolean) => (fromWorkbook ? "Regole di calcolo: quelle salvate nella cartella." : "Regole di calcolo: predefinite (SMVP predefinito)."),
    objectivesHeader: "Performance degli obiettivi:",
    objectiveLine: (sheet: string, perf: string, light: string, name: string) => `  ${perf.padStart(8)}  ${light.padEnd(7)} ${sheet} — ${name}`,
    plan_performance: (p: string) => `Performance complessiva: ${p}`,
    problemsHeader: (errors: number, warnings: number, infos: number) =>
      `Problemi: ${plural(errors, "errore", "errori")}, ${plural(warnings, "avviso", "avvisi")}, ${plural(infos, "informazione", "informazioni")}`,
    noProblems: "Nessun problema trovato.",
    problemLine: (severity: string, where: string, message: string) => `  [${severity}] ${where}${where ? " — " : ""}${message}`,
    rectificationsHeader: (n: number) => `Rettifiche: ${n} (performance dichiarata diversa da quella calcolata; il valore dichiarato resta il riferimento)`,
    rectificationLine: (where: string, indicator: string, change: string, explanation: string, state: "pending" | "written") =>
      `  ${where} — ${indicator}: ${change} [${explanation}]${state === "written" ? " · rettificata nella scheda" : ""}`,
    severities: { error: "errore", warning: "avviso", info: "info" } as Record<string, string>,
    lights: { verde: "verde", giallo: "giallo", rosso: "rosso" } as Record<string, string>,
    notAvailable: "n.d.",
    toWrite: (n: number) =>
      n === 0 ? "Le performance scritte nella cartella sono già aggiornate." : `Con --out COPIA.xlsx si salva una copia con ${plural(n, "valore aggiornato", "valori aggiornati")} e il foglio di riepilogo.`,
    written: (n: number, formulas: number) =>
      `Scritt${n === 1 ? "o" : "i"} ${plural(n, "valore", "valori")}${formulas ? `; ${plural(formulas, "cella con formula lasciata", "celle con formula lasciate")} com'era` : ""}.`,
    summary: (name: string) => `Riepilogo nel foglio ${q(name)}.`,
    saved: (f: string) => `Copia salvata: ${f}`,
    notSaved: "Nessuna scheda trovata: la copia non è stata scritta.",
    outcomeErrors: (n: number) => `Esito: ${plural(n, "errore", "errori")} da correggere.`,
    outcomeOk: "Esito: nessun errore.",
  },
  example: {
    written: (f: string, cards: number) => `Cartella di esempio scritta: ${f} (${cards} schede).`,
  },
} as const;
