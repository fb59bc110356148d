// Italian user-facing strings: workbook (reader, settings sheet, summary sheet, example
// workbook). Identifiers in English, text in Italian.
import { RULE_DESCRIPTIONS, RULE_NAMES, VOCABULARY } from "./engine";

const q = (s: string) => `«${s}»`;

/** Problems found while reading the workbook's layout. */
export const READER = {
  noCards: (sheets: number) =>
    sheets === 0
      ? "La cartella di lavoro non contiene fogli."
      : "Nessuna scheda trovata: nessun foglio contiene una tabella di indicatori con le colonne Stato, Target e Peso. Inserire una scheda vuota e compilarla, oppure controllare le intestazioni.",
  noTable: (sheet: string) =>
    `Il foglio ${q(sheet)} ha le voci di una scheda ma non la tabella degli indicatori: aggiungere la riga di intestazione (Indicatori, Stato, Operatore, Target, Performance, Peso).`,
  /** A missing column of a card (or of a table), and the headerless column that seems to hold it. */
  missingColumn: (sheet: string, role: string, table: boolean, guessLetter?: string, headerCell?: string) => {
    const column = READER.columnNames[role] ?? role;
    const where = table ? `nella tabella del foglio ${q(sheet)}` : `nella scheda ${q(sheet)}`;
    const hint = guessLetter
      ? `: la colonna ${guessLetter} senza intestazione sembra ${READER.columnWithArticle[role] ?? column}. Scrivere l'intestazione ${q(column)} in ${headerCell}`
      : `. Aggiungere la colonna con l'intestazione ${q(column)}`;
    return `Manca la colonna ${column} ${where}${hint}. Finché manca, ${table ? "il foglio non viene scritto" : "la scheda non viene scritta"} da «Calcola performance».`;
  },
  /** The column's name with its article, as in «sembra il Target». */
  columnWithArticle: {
    name: "la colonna Indicatori",
    algorithm: "l'Algoritmo",
    type: "la Tipologia",
    unit: "l'UdM",
    actual: "lo Stato",
    operator: "l'Operatore",
    target: "il Target",
    stated: "la Performance",
    weight: "il Peso",
  } as Record<string, string>,
  columnNames: {
    name: "Indicatori",
    algorithm: "Algoritmo",
    type: "Tipologia",
    unit: "UdM",
    actual: "Stato",
    operator: "Operatore",
    target: "Target",
    stated: "Performance",
    weight: "Peso",
  } as Record<string, string>,
  noObjectiveName: (sheet: string) =>
    `Il foglio ${q(sheet)} non indica l'Obiettivo operativo: si usa il nome del foglio. Compilare la voce «Obiettivo operativo».`,
  tableRowWithoutObjective: (sheet: string, row: number) =>
    `Nel foglio ${q(sheet)} la riga ${row} non indica l'Obiettivo operativo: compilare la colonna «Obiettivo operativo».`,
  mixedYears: (year: number, other: number, sheet: string) =>
    `Il foglio ${q(sheet)} riporta l'anno ${other}, gli altri il ${year}: si usa il ${year} per le scadenze. Uniformare le intestazioni (Stato ${year}, Target ${year}).`,
} as const;

/** The settings sheet the add-in owns. */
export const SETTINGS = {
  sheetName: "Impostazioni Piano Performance",
  title: "Impostazioni Piano Performance",
  note: "Foglio gestito dal componente aggiuntivo Piano Performance: le regole si modificano dal riquadro attività. La riga «Politica (JSON)» è quella che conta; le altre righe la descrivono.",
  rulesHeader: "Regole di calcolo (SMVP)",
  technicalHeader: "Dati tecnici",
  policyJsonLabel: "Politica (JSON)",
  ownedSheetLabel: "Foglio gestito",
  versionLabel: "Versione",
  labelHeader: "Voce",
  valueHeader: "Valore",
  rows: {
    cap: VOCABULARY.cap,
    lower: "Regola per «<=» (minore è meglio)",
    floor: `${VOCABULARY.floor} (sotto: 0%)`,
    bands: VOCABULARY.bands,
    dateRule: "Scadenze (date)",
    notAvailable: "Valori n.d.",
    rounding: "Arrotondamento all'intero prima della media",
    green: "Semaforo verde da",
    yellow: "Semaforo giallo da",
    rollupMean: "Media nei riepiloghi",
    tolerance: `${VOCABULARY.tolerance} con la performance dichiarata`,
    objectiveCap: VOCABULARY.objectiveCap,
    roundFirst: VOCABULARY.roundFirst,
    bandSets: VOCABULARY.bandSets,
    thresholdTop: VOCABULARY.thresholdTop,
    lateBands: VOCABULARY.lateBands,
    lateDailyReduction: VOCABULARY.lateDailyReduction,
    blankActual: VOCABULARY.blankActual,
  },
  values: {
    noCap: `nessun ${VOCABULARY.cap.toLowerCase()}`,
    inverse: `${RULE_NAMES.inverse} (${RULE_DESCRIPTIONS.inverse})`,
    reflection: `${RULE_NAMES.reflection} (${RULE_DESCRIPTIONS.reflection})`,
    noBands: "nessuna",
    proportional: "proporzionale ai giorni dal 1° gennaio",
    zeroIfLate: "0% se in ritardo",
    daysLate: RULE_NAMES.daysLate,
    blankExclude: "escluso e segnalato",
    blankZero: "letto come 0",
    blankZeroScore: "contato come 0%",
    blankError: "errore",
    objectiveWeight: "pesata sul Peso obiettivo",
    worst: "l'obiettivo peggiore",
    exclude: "esclusi, pesi ricalcolati",
    zero: "contati come 0%",
    yes: "sì",
    no: "no",
    simple: "semplice",
    resources: "pesata sulle risorse in euro",
    band: (from: string, to: string, score: string) => `${from}–${to} → ${score}`,
    bandOpen: (from: string, score: string) => `da ${from} → ${score}`,
  },
  invalidJson: (sheet: string) =>
    `Nel foglio ${q(sheet)} la «Politica (JSON)» non è leggibile: si usano le regole predefinite. Salvare di nuovo le regole dal riquadro attività.`,
  invalidPolicy: (sheet: string, errors: string) => `Nel foglio ${q(sheet)} le regole salvate contengono valori non ammessi (${errors}): si usano le regole predefinite.`,
  missingJson: (sheet: string) => `Nel foglio ${q(sheet)} manca la riga «Politica (JSON)»: si usano le regole predefinite.`,
} as const;

/** Write-back. */
export const WRITEBACK = {
  objectiveCell: "Performance obiettivo",
} as const;

/** The summary sheet "Riepilogo performance <anno>". */
export const SUMMARY = {
  sheetBase: "Riepilogo performance",
  title: (year: number | undefined) => (year ? `Riepilogo performance ${year}` : "Riepilogo performance"),
  subtitle: (performance: string, objectives: number, indicators: number, errors: number, warnings: number) =>
    `Performance complessiva: ${performance} · ${objectives} obiettiv${objectives === 1 ? "o" : "i"}, ${indicators} indicator${indicators === 1 ? "e" : "i"} · ${errors} error${errors === 1 ? "e" : "i"}, ${warnings} avvis${warnings === 1 ? "o" : "i"}`,
  notAvailable: "n.d.",
  blocks: {
    objectives: "Obiettivi operativi",
    obiettivoStrategico: "Per obiettivo strategico",
    ambitoStrategico: "Per ambito strategico",
    areaResponsabilita: "Per area di responsabilità",
    missione: "Per missione",
    missioneProgramma: "Per missione e programma",
    tipologia: "Indicatori per tipologia",
    problems: "Problemi",
  },
  columns: {
    sheet: "Scheda",
    missione: "Missione",
    programma: "Programma",
    ambitoStrategico: "Ambito strategico",
    obiettivoStrategico: "Obiettivo strategico",
    obiettivoOperativo: "Obiettivo operativo",
    areaResponsabilita: "Area di responsabilità",
    ufficio: "Ufficio",
    resources: "Risorse (€)",
    indicators: "Indicatori",
    notAvailable: "n.d.",
    problems: "Problemi",
    performance: "Performance",
    light: "Semaforo",
    objectives: "Obiettivi",
    internal: "Con risorse interne",
    meanPerformance: "Performance media",
    severity: "Gravità",
    cell: "Cella",
    code: "Codice",
    message: "Descrizione",
    missioneProgramma: "Missione e programma",
    tipologia: "Tipologia",
    sheetName: "Foglio",
  },
  internalResources: "Risorse interne",
  lights: { verde: "Verde", giallo: "Giallo", rosso: "Rosso" },
  severities: { error: "Errore", warning: "Avviso", info: "Informazione" },
  noProblems: "Nessun problema.",
  noRows: "Nessun dato.",
  chartTitle: "Performance degli obiettivi operativi",
  chartNote: "Il grafico della performance degli obiettivi si crea quando il riepilogo è generato in Excel dal componente aggiuntivo (qui non disponibile).",
  workbookLevel: "(cartella)",
} as const;

/** The example workbook built from the seed. */
export const EXAMPLE = {
  title: (year: number) => `Piano degli indicatori e dei risultati attesi di bilancio – Consuntivo ${year}`,
  source: (source: string) => `Fonte: ${source}`,
  labels: {
    missione: "Missione:",
    programma: "Programma:",
    ambitoStrategico: "Ambito strategico:",
    obiettivoStrategico: "Obiettivo strategico:",
    obiettivoOperativo: "Obiettivo operativo:",
    descrizione: "Descrizione:",
    beneficiAttesi: "Benefici attesi:",
    risorseEconomiche: "Risorse economiche:",
    unitaOrganizzative: "Unità organizzative coinvolte:",
    areaResponsabilita: "Area di responsabilità:",
    ufficio: "Ufficio:",
    performanceObiettivo: "Performance obiettivo",
  },
  headers: (year: number, typoInStato: boolean) => [
    "Indicatori",
    "Algoritmo",
    "Tipologia",
    "UdM",
    typoInStato ? `Sttao ${year}` : `Stato ${year}`,
    "Operatore",
    `Target ${year}`,
    "Performance",
    "Peso indicatori",
  ],
} as const;
