// Italian user-facing strings: the PIRA document (.docx), the open-data CSV and their
// downloads (CLI, pane, preview). Identifiers in English, text in Italian.

const q = (s: string) => `«${s}»`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export type DocumentPhase = "consuntivo" | "preventivo" | "monitoraggio";

/** What the document's phase title says besides the phase: the monitoring date, a preventivo's last target year. */
export interface PhaseTitleDetail {
  /** ISO date of a monitoring's Stato ("2023-06-30"). */
  asOf?: string;
  /** Last year with a target (a triennial preventivo: 2025). */
  lastYear?: number;
}

const isoToIt = (iso: string) => iso.split("-").reverse().join("/");

/** «Consuntivo 2022», «Preventivo 2023–2025», «Monitoraggio al 30/06/2023». */
function phaseTitle(phase: DocumentPhase, year: number | undefined, detail: PhaseTitleDetail = {}): string {
  if (phase === "monitoraggio") return detail.asOf ? `Monitoraggio al ${isoToIt(detail.asOf)}` : `Monitoraggio${year ? ` ${year}` : ""}`;
  if (phase === "preventivo") return `Preventivo${year ? ` ${year}${detail.lastYear && detail.lastYear > year ? `–${detail.lastYear}` : ""}` : ""}`;
  return `Consuntivo${year ? ` ${year}` : ""}`;
}

/** The PIRA document ("Piano degli indicatori e dei risultati attesi di bilancio"). */
export const DOCUMENT = {
  documentTitle: "Piano degli indicatori e dei risultati attesi di bilancio",
  phaseTitle,
  /** Core properties (File › Proprietà). */
  fileTitle: (phase: DocumentPhase, year: number | undefined, ente: string | undefined, detail: PhaseTitleDetail = {}) =>
    `Piano degli indicatori e dei risultati attesi di bilancio – ${phaseTitle(phase, year, detail)}${ente ? ` – ${ente}` : ""}`,
  subject: "Piano degli indicatori e dei risultati attesi di bilancio (art. 19 d.lgs. 91/2011)",
  creator: "Piano Performance",
  entePlaceholder: "[Denominazione dell'ente: da compilare a cura dell'ufficio]",
  generated: (date: string, source: string | undefined) => `Documento generato da Piano Performance il ${date}${source ? ` dalla cartella ${q(source)}` : ""}.`,
  placeholderMark: "[Da compilare a cura dell'ufficio]",
  placeholderNote: "Le sezioni contrassegnate «[Da compilare a cura dell'ufficio]» non sono generate dai dati: vanno scritte dall'ufficio prima della pubblicazione.",
  sections: {
    premessa: "Premessa",
    premessaText:
      "Inquadramento normativo del Piano (art. 19, comma 2, del d.lgs. 91/2011; D.P.C.M. 12 dicembre 2012; D.M. MEF 27 marzo 2013) e missioni individuate per l'ente.",
    programmazione: (year: number | undefined) => (year ? `La programmazione ${year}` : "La programmazione"),
    programmazioneText: "Programma pluriennale, Relazione previsionale e programmatica, ambiti e obiettivi strategici dell'ente.",
    classification: "Classificazione degli obiettivi per Missione e Programma",
    classificationIntro: (phase: DocumentPhase, year: number | undefined) =>
      `Di seguito si riportano i progetti ${phase === "preventivo" ? "programmati" : phase === "monitoraggio" ? "in corso di realizzazione" : "realizzati"}${year ? ` nel ${year}` : ""} e la loro classificazione per Missioni e Programmi.`,
    objectives: "Gli obiettivi operativi",
    rollups: "Risultati aggregati",
    rollupsIntro: (mean: string) => `Performance degli obiettivi per livello di aggregazione; media degli obiettivi: ${mean}.`,
    planPerformance: (p: string) => `Performance complessiva del piano: ${p}`,
    annex: "Allegato – Rettifiche e forzature",
    annexIntro:
      "Sono elencati i valori della performance indicati nella cartella e diversi da quelli calcolati secondo il Sistema di misurazione e valutazione della performance (rettifiche), e i valori forzati su singoli indicatori, con la loro motivazione.",
    rectifications: "Rettifiche",
    overrides: "Forzature",
    noRectifications: "Nessuna rettifica: le performance indicate coincidono con quelle calcolate.",
    acceptedRectifications: "Rettifiche accettate",
    acceptedIntro:
      "Rettifiche per le quali l'ufficio ha accettato il valore calcolato, che è ora il riferimento; il valore indicato in origine resta conservato nella cartella.",
    noOverrides: "Nessuna forzatura.",
  },
  rollupTitles: {
    missioneProgramma: "Per Missione e Programma",
    missione: "Per Missione",
    ambitoStrategico: "Per ambito strategico",
    obiettivoStrategico: "Per obiettivo strategico",
    areaResponsabilita: "Per area di responsabilità",
  },
  fields: {
    missione: "Missione",
    programma: "Programma",
    ambitoStrategico: "Ambito strategico",
    obiettivoStrategico: "Obiettivo strategico",
    obiettivoOperativo: "Obiettivo operativo",
    descrizione: "Descrizione",
    beneficiAttesi: "Benefici attesi",
    risorseEconomiche: "Risorse economiche",
    unitaOrganizzative: "Unità organizzative coinvolte",
    areaResponsabilita: "Area di responsabilità",
    ufficio: "Ufficio",
  },
  indicatorColumns: {
    name: "Indicatore",
    algorithm: "Algoritmo",
    type: "Tipologia",
    unit: "UdM",
    actual: (year: number | undefined) => (year ? `Stato ${year}` : "Stato"),
    target: (year: number | undefined) => (year ? `Target ${year}` : "Target"),
    performance: "Performance",
    weight: "Peso",
  },
  indicatorTableCaption: (name: string) => `Indicatori dell'obiettivo ${q(name)}`,
  objectivePerformance: (p: string, light: string | null) => `Performance dell'obiettivo: ${p}${light ? ` (${light})` : ""}`,
  objectiveExplanation: (text: string) => `Calcolo: ${text}.`,
  classificationColumns: {
    missione: "Missione",
    programma: "Programma",
    objective: "Obiettivo operativo",
    resources: "Risorse economiche",
    performance: "Performance",
  },
  rollupColumns: {
    objectives: "Obiettivi",
    resources: "Risorse economiche",
    internal: "Con risorse interne",
    performance: "Performance media",
    light: "Semaforo",
  },
  annexColumns: {
    where: "Scheda e cella",
    objective: "Obiettivo operativo",
    indicator: "Indicatore",
    stated: "Performance indicata",
    computed: "Performance calcolata",
    forced: "Valore forzato",
    explanation: "Spiegazione",
    note: "Motivazione",
    acceptedOn: "Accettazione",
  },
  total: "Totale",
  internalResources: "Risorse interne",
  excluded: "non valutabile (escluso dalla media)",
  notAvailable: "n.d.",
  acceptedOn: (date: string) => `accettata il ${date}`,
  notSpecified: "(non indicato)",
  lights: { verde: "verde", giallo: "giallo", rosso: "rosso" },
  /** Alternative text of the objectives' chart, when one is drawn. */
  chartAlt: (n: number) => `Grafico a barre della performance di ${plural(n, "obiettivo operativo", "obiettivi operativi")}.`,
  footer: (title: string) => `${title} – pagina `,
  footerOf: " di ",
} as const;

/** The open-data CSV: one row per indicator. Column names are machine-friendly (snake_case, units in the name). */
export const OPEN_DATA = {
  columns: [
    "anno",
    "scheda",
    "missione",
    "programma",
    "ambito_strategico",
    "obiettivo_strategico",
    "obiettivo_operativo",
    "area_responsabilita",
    "ufficio",
    "risorse_economiche_euro",
    "risorse_interne",
    "indicatore_n",
    "indicatore",
    "algoritmo",
    "tipologia",
    "udm",
    "stato",
    "operatore",
    "target",
    "regola",
    "performance_indicatore_percentuale",
    "peso_percentuale",
    "performance_obiettivo_percentuale",
  ] as const,
  yes: "si",
  no: "no",
  notAvailable: "n.d.",
} as const;

/** `piano-perf documento` and `calcola --csv`. */
export const DOCUMENT_CLI = {
  usage: [
    "  piano-perf documento FILE.xlsx --out PIRA.docx [--ente NOME] [--fase consuntivo|preventivo] [--regole SMVP.json]",
    "                                                      genera il documento del Piano (Word, .docx)",
    "  piano-perf calcola FILE.xlsx --csv DATI.csv        con --csv salva anche i dati aperti (un indicatore per riga)",
  ].join("\n"),
  outRequired: "Indicare il file da scrivere: piano-perf documento FILE.xlsx --out PIRA.docx",
  outNotDocx: (f: string) => `Il documento si salva in formato Word: il nome dopo --out deve finire con .docx (non ${q(f)}).`,
  csvMissingValue: "Dopo --csv indicare il nome del file da scrivere (per esempio --csv dati.csv).",
  csvNotCsv: (f: string) => `I dati aperti si salvano in formato CSV: il nome dopo --csv deve finire con .csv (non ${q(f)}).`,
  csvIsInput: "Il file CSV coincide con quello di ingresso: il file di ingresso non viene mai modificato, indicare un altro nome dopo --csv.",
  csvIsOut: "Il file CSV coincide con la copia indicata dopo --out: indicare due nomi diversi.",
  missingValue: (option: string, example: string) => `Dopo ${option} indicare un valore (per esempio ${option} ${example}).`,
  badPhase: (v: string) => `Fase non valida: ${q(v)}. Indicare --fase consuntivo oppure --fase preventivo.`,
  noCards: (f: string) => `Nessuna scheda trovata in ${f}: il documento non è stato scritto.`,
  documentWritten: (f: string, objectives: number, indicators: number) =>
    `Documento scritto: ${f} (${plural(objectives, "obiettivo", "obiettivi")}, ${plural(indicators, "indicatore", "indicatori")}).`,
  documentWarnings: (errors: number) =>
    errors ? `Attenzione: il piano ha ${plural(errors, "errore", "errori")}; gli indicatori illeggibili compaiono nel documento come «n.d.». Verificare con: piano-perf verifica FILE.xlsx` : "",
  annexLine: (rectifications: number, overrides: number, accepted = 0) =>
    `Allegato: ${plural(rectifications, "rettifica", "rettifiche")}${accepted ? `, ${plural(accepted, "rettifica accettata", "rettifiche accettate")}` : ""}, ${plural(overrides, "forzatura", "forzature")}.`,
  csvWritten: (f: string, rows: number) => `Dati aperti salvati: ${f} (${plural(rows, "riga", "righe")}, una per indicatore).`,
} as const;

/** The pane's and the preview's downloads. */
export const DOWNLOADS = {
  title: "Documenti da pubblicare",
  hint: "Il documento del Piano (Word) e i dati aperti (CSV), generati dalla cartella così com'è ora: la cartella non viene modificata.",
  documentButton: "Scarica documento (.docx)",
  csvButton: "Scarica dati aperti (.csv)",
  preparing: "Preparazione del documento…",
  ready: (name: string) => `Scaricato: ${name}`,
  needAnalysis: "Prima premere «Verifica» o «Calcola performance».",
  noCards: "Nessuna scheda trovata: non c'è nulla da pubblicare.",
  failed: "Non è stato possibile preparare il file. Riprovare; se l'errore si ripete, chiudere e riaprire il riquadro.",
  documentFileName: (year: number | undefined) => `PIRA${year ? `-${year}` : ""}.docx`,
  csvFileName: (year: number | undefined) => `dati-aperti-indicatori${year ? `-${year}` : ""}.csv`,
  /** Excel for Mac: the task pane cannot download files (OfficeDev/office-js#2700). */
  macCsvSheet: "Dati aperti",
  macCsvWorkbook: (name: string) =>
    `Excel per Mac non consente ai componenti aggiuntivi di scaricare file: i dati aperti sono stati aperti in una nuova cartella di lavoro (una riga per indicatore). ` +
    `Per salvarli usare «File › Salva con nome…» con il formato «CSV UTF-8». Il file nel formato esatto descritto nella guida (${q(name)}: separatore virgola, decimali con il punto) ` +
    `si ottiene con lo stesso pulsante in Excel sul web, oppure con il comando «piano-perf calcola FILE.xlsx --csv ${name}».`,
  macDocument:
    "Excel per Mac non consente ai componenti aggiuntivi di scaricare file, quindi il documento Word non può essere salvato da qui. " +
    "Aprire la cartella in Excel sul web e premere lo stesso pulsante, oppure generarlo con il comando «piano-perf documento FILE.xlsx --out PIRA.docx».",
  macNoWorkbook:
    "Excel per Mac non consente ai componenti aggiuntivi di scaricare file, e questa versione di Excel non apre nuove cartelle da un componente aggiuntivo (ExcelApi 1.8). " +
    "Usare Excel sul web oppure il comando «piano-perf calcola FILE.xlsx --csv DATI.csv».",
} as const;
