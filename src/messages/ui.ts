// Italian user-facing strings: ui (task pane, ribbon command, browser preview).
// Identifiers in English, text in Italian. Plain data and small formatters only:
// the task pane, the preview and the tests all read the same wording from here.
import { POLICY_ERRORS, RULE_DESCRIPTIONS, VOCABULARY } from "./engine";

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const ui = {
  appTitle: "Piano Performance",
  appSubtitle: "Piano degli indicatori e dei risultati attesi",
  loading: "Caricamento del componente aggiuntivo…",
  officeNotReady:
    "Excel non ha risposto in tempo: il riquadro funziona, ma le operazioni sulla cartella potrebbero non riuscire. Se succede, chiudi e riapri il riquadro.",

  tabs: {
    label: "Sezioni del riquadro",
    calculate: "Calcola",
    validate: "Verifica",
    summary: "Riepilogo",
    settings: "Impostazioni",
  },

  busy: "Operazione in corso…",
  progressLabel: "Avanzamento",
  progressStep: (phase: string, done: number, total: number): string =>
    total > 0 ? `${phase}: ${done} di ${total}` : phase,

  severity: {
    error: "Errori",
    warning: "Avvisi",
    info: "Note",
  },
  severityOne: {
    error: "Errore",
    warning: "Avviso",
    info: "Nota",
  },

  light: {
    verde: "verde",
    giallo: "giallo",
    rosso: "rosso",
    none: "nessun semaforo",
  },
  lightLabel: (light: string): string => `Semaforo ${light}`,
  notAvailable: "n.d.",

  validate: {
    heading: "Verifica struttura",
    intro: "Controlla che ogni scheda abbia le intestazioni, la tabella degli indicatori e valori leggibili. Non modifica la cartella.",
    run: "Verifica struttura",
    rerun: "Verifica di nuovo",
    noProblems: (cards: number): string =>
      `Nessun problema: ${cards} ${plural(cards, "scheda letta", "schede lette")} correttamente.`,
    summary: (cards: number, indicators: number): string =>
      `${cards} ${plural(cards, "scheda", "schede")}, ${indicators} ${plural(indicators, "indicatore", "indicatori")}.`,
    countsLabel: "Problemi per gravità",
    problemsHeading: "Problemi trovati",
    general: "Cartella",
    cardFallback: "Altri problemi del foglio",
    goToCell: (sheet: string, cell: string): string => `Vai alla cella ${cell} del foglio ${sheet}`,
    skipped: (names: string[]): string =>
      `${plural(names.length, "Foglio ignorato", "Fogli ignorati")} (non sono schede): ${names.join(", ")}.`,
    selectFailed: "Non è stato possibile selezionare la cella: forse il foglio è stato rinominato. Esegui di nuovo la verifica.",
  },

  noCards: {
    heading: "Nessuna scheda trovata",
    body:
      "Il componente aggiuntivo cerca, in ogni foglio, una scheda dell'obiettivo operativo: le etichette Missione, Programma, Obiettivo strategico, Obiettivo operativo… con il valore alla loro destra, e sotto una tabella degli indicatori con le colonne Indicatori, Stato, Target, Performance e Peso (ad esempio «Stato 2022», «Target 2022»). In alternativa, un unico foglio con una riga per indicatore e le stesse colonne.",
    hint: "Puoi inserire un foglio con una scheda vuota già impostata e compilarlo.",
    insert: "Inserisci scheda vuota",
    inserted: (sheet: string): string => `Inserito il foglio «${sheet}»: compila la scheda e poi premi «Calcola performance».`,
  },

  calculate: {
    heading: "Calcola performance",
    intro:
      "Verifica le schede, calcola la performance di ogni indicatore e obiettivo e la scrive nelle celle Performance. Prima di sostituire valori già presenti chiede conferma.",
    run: "Calcola performance",
    restore: "Ripristina",
    restoreHint: "Rimette i valori che l'ultimo calcolo ha sostituito.",
    restored: (n: number): string => `${n} ${plural(n, "cella ripristinata", "celle ripristinate")}.`,
    nothingToRestore: "Non c'è nulla da ripristinare.",
    written: (written: number, skipped: number): string =>
      `${written} ${plural(written, "cella aggiornata", "celle aggiornate")}` +
      (skipped > 0 ? `; ${skipped} ${plural(skipped, "cella con formula lasciata", "celle con formula lasciate")} invariate.` : "."),
    upToDate: "Le celle Performance erano già aggiornate: nulla da scrivere.",
    leftOut: (n: number): string =>
      `${n} ${plural(n, "scheda non scritta perché manca una colonna", "schede non scritte perché manca una colonna")} della tabella degli indicatori:`,
    leftOutCard: (sheet: string, columns: string[]): string => `«${sheet}» (manca ${columns.join(", ")})`,
    cancelled: "Calcolo annullato: la cartella non è stata modificata.",
    withProblems: (n: number): string =>
      `${n} ${plural(n, "problema", "problemi")} nelle schede (gli indicatori illeggibili sono esclusi dal calcolo)`,
    planPerformance: "Performance complessiva",
    objectivesHeading: "Obiettivi operativi",
    objectiveCount: (n: number): string => `${n} ${plural(n, "obiettivo", "obiettivi")}`,
    indicatorsOf: (name: string): string => `Indicatori di «${name}»`,
    weight: (w: string): string => `peso ${w}`,
    stated: (s: string): string => `dichiarata ${s}`,
    rollupsHeading: "Aggregati",
    rollups: {
      obiettivoStrategico: "Per obiettivo strategico",
      ambitoStrategico: "Per ambito strategico",
      areaResponsabilita: "Per area di responsabilità",
      missione: "Per missione",
      missioneProgramma: "Per missione e programma",
      tipologia: "Indicatori per tipologia",
    },
    rollupObjectives: (n: number): string => `${n} ${plural(n, "obiettivo", "obiettivi")}`,
    rollupIndicators: (n: number): string => `${n} ${plural(n, "indicatore", "indicatori")}`,
    filterLabel: "Mostra gli obiettivi",
    filters: {
      all: (n: number): string => `Tutti (${n})`,
      giallo: (n: number): string => `Gialli (${n})`,
      rosso: (n: number): string => `Rossi (${n})`,
      problems: (n: number): string => `Con problemi (${n})`,
    },
    noneInFilter: "Nessun obiettivo in questo elenco.",
    goToCell: (sheet: string, cell: string): string => `Vai alla cella ${cell} del foglio ${sheet}`,
    drillOpen: "Cosa la abbassa",
    drillClose: "Nascondi",
    drillLabel: (label: string): string => `Cosa abbassa «${label}»`,
    drillNone: "Nessun obiettivo sotto il 100%: il valore dipende dagli indicatori n.d. esclusi o dal criterio degli aggregati.",
    drillAllFull: "Tutti gli indicatori di questo obiettivo sono al 100%.",
    resources: (euro: string): string => `risorse ${euro}`,
  },

  confirm: {
    title: "Sostituire le performance dichiarate?",
    body: (n: number): string =>
      `${n} ${plural(n, "valore già presente nella cartella cambierà", "valori già presenti nella cartella cambieranno")}. Potrai tornare indietro con «Ripristina».`,
    columns: { where: "Cella", what: "Indicatore", before: "Prima", after: "Dopo" },
    more: (n: number): string => `… e altre ${n}.`,
    replace: "Sostituisci",
    cancel: "Annulla",
    empty: "vuota",
  },

  summary: {
    heading: "Genera riepilogo",
    intro:
      "Crea (o aggiorna) il foglio «Riepilogo performance» con la tabella degli obiettivi, gli aggregati e i problemi, e lo apre. Un foglio dell'utente con lo stesso nome non viene mai toccato.",
    run: "Genera riepilogo",
    done: (sheet: string): string => `Riepilogo pronto nel foglio «${sheet}».`,
  },

  settings: {
    heading: "Impostazioni (SMVP)",
    intro:
      "Regole del Sistema di misurazione e valutazione della performance. Sono salvate nella cartella, così il calcolo dà gli stessi numeri ovunque venga aperta.",
    loadingPolicy: "Lettura delle impostazioni…",
    cap: `${VOCABULARY.cap} della performance (%)`,
    capHint: "Di solito 100.",
    noCap: `Nessun ${VOCABULARY.cap.toLowerCase()}`,
    lower: "Indicatori «≤» (minore o uguale)",
    lowerInverse: `Inverso (${RULE_DESCRIPTIONS.inverse.replace(/ \(.*\)$/, "")})`,
    lowerReflection: `Scostamento (${RULE_DESCRIPTIONS.reflection.replace(/ \(.*\)$/, "")})`,
    floor: `${VOCABULARY.floor} (%)`,
    floorHint: "Sotto questa soglia la performance vale 0. Con 0 non c'è soglia.",
    bands: VOCABULARY.bands,
    bandsHint: "Una performance compresa tra «da» (incluso) e «a» (escluso) vale il punteggio indicato. Senza fasce si usa il valore calcolato.",
    bandFrom: (i: number): string => `Fascia ${i}: da (%)`,
    bandTo: (i: number): string => `Fascia ${i}: a (%)`,
    bandToHint: "Vuoto = nessun limite",
    bandScore: (i: number): string => `Fascia ${i}: punteggio (%)`,
    bandRemove: (i: number): string => `Elimina fascia ${i}`,
    bandAdd: "Aggiungi fascia",
    noBands: "Nessuna fascia.",
    dateRule: "Indicatori con scadenza (date)",
    dateProportional: "Proporzionale ai giorni dall'inizio dell'anno",
    dateZeroIfLate: "Zero se la scadenza non è rispettata",
    notAvailable: "Indicatori «n.d.» (non disponibili)",
    naExclude: "Esclusi, con i pesi ridistribuiti",
    naZero: "Contati come 0%",
    rounding: "Arrotonda ogni indicatore al punto percentuale prima della media",
    green: "Semaforo verde da (%)",
    yellow: "Semaforo giallo da (%)",
    rollupMean: "Media negli aggregati",
    rollupSimple: "Media semplice degli obiettivi",
    rollupResources: "Media pesata sulle risorse economiche",
    tolerance: `${VOCABULARY.tolerance} con la performance dichiarata (punti %)`,
    toleranceHint: "Differenze maggiori tra valore dichiarato e calcolato vengono segnalate.",
    save: "Salva impostazioni",
    reset: "Ripristina predefiniti",
    saved: "Impostazioni salvate nella cartella. I risultati mostrati sono da ricalcolare.",
    resetDone: "Impostazioni predefinite ripristinate e salvate nella cartella.",
    invalid: "Correggi i campi segnalati prima di salvare.",
    notNumber: "Scrivi un numero, ad esempio 90 o 12,5.",
    negative: "Il valore non può essere negativo.",
    tooLarge: "Il valore non può superare 1000%.",
    yellowAboveGreen: POLICY_ERRORS.yellowAboveGreen,
    bandOrder: "«a» deve essere maggiore di «da».",
    // Version 2 (issue 10).
    notDays: "Scrivi un numero intero di giorni, da 1.",
    proportionalNeedsTo: "Un punteggio proporzionale richiede anche «a».",
    bandSetNameMissing: "Dai un nome all'insieme di fasce (lo si richiama con «fasce <nome>» nella colonna Regola).",
    bandSetNameTaken: "Esiste già un insieme di fasce con questo nome.",
    capsLegend: VOCABULARY.cap,
    objectiveCap: `${VOCABULARY.objectiveCap} (%)`,
    noObjectiveCap: `Nessun ${VOCABULARY.objectiveCap.toLowerCase()}`,
    bandsGlobalHint:
      "Valgono per tutti gli indicatori. «Da» è incluso e «a» escluso, salvo diversa scelta; fasce sovrapposte o con intervalli scoperti non sono ammesse.",
    bandFromShort: "Da (%)",
    bandToShort: "A (%)",
    bandFromIncluded: "«Da» incluso",
    bandToIncluded: "«A» incluso",
    bandScoreShort: "Punteggio (%)",
    bandScoreToShort: "Fino a (%)",
    bandScoreToHint: "Proporzionale; vuoto = fisso",
    bandGroup: (i: number): string => `Fascia ${i}`,
    /** Each band field's label, unique in the pane: "Fascia 1: da (%)", "«2023», fascia 1: da (%)". */
    bandLabel: (set: string, i: number, what: "from" | "to" | "score" | "scoreTo" | "fromIncluded" | "toIncluded"): string =>
      `${set ? `«${set}», fascia ${i}` : `Fascia ${i}`}: ${{ from: "da (%)", to: "a (%)", score: "punteggio (%)", scoreTo: "punteggio ad «a» (%)", fromIncluded: "«da» incluso", toIncluded: "«a» incluso" }[what]}`,
    bandSets: VOCABULARY.bandSets,
    bandSetsHint: "Un indicatore li usa con «fasce <nome>» nella colonna Regola.",
    bandSetName: (k: number): string => `Nome dell'insieme ${k}`,
    bandSetGroup: (name: string): string => (name ? `Insieme «${name}»` : "Nuovo insieme"),
    bandSetAdd: "Aggiungi insieme di fasce",
    bandSetRemove: (name: string): string => (name ? `Elimina l'insieme «${name}»` : "Elimina l'insieme"),
    bandAddTo: (name: string): string => (name ? `Aggiungi fascia a «${name}»` : "Aggiungi fascia"),
    bandRemoveFrom: (name: string, i: number): string => `Elimina fascia ${i}${name ? ` di «${name}»` : ""}`,
    roundFirst: "Arrotonda prima di applicare le fasce (59,6% → 60%)",
    thresholdTop: `${VOCABULARY.thresholdTop} (%)`,
    thresholdTopHint: "Regola «soglie»: il punteggio alla Soglia massima (di solito 200).",
    dateDaysLate: "Secondo i giorni di ritardo (stesso ritardo, stesso punteggio)",
    lateBands: VOCABULARY.lateBands,
    lateBandsHint: "Regola «giorni di ritardo»: un ritardo fuori da ogni fascia perde la riduzione per giorno.",
    lateGroup: (i: number): string => `Fascia di ritardo ${i}`,
    lateFrom: "Da giorni",
    lateTo: "A giorni",
    lateToHint: "Vuoto = oltre",
    lateScore: "Punteggio (%)",
    lateAdd: "Aggiungi fascia di ritardo",
    lateRemove: (i: number): string => `Elimina fascia di ritardo ${i}`,
    lateDailyReduction: `${VOCABULARY.lateDailyReduction} (%)`,
    blankActual: `Indicatori con ${VOCABULARY.blankActual.toLowerCase()}`,
    blankExclude: "Esclusi e segnalati",
    blankZero: "Stato letto come 0",
    blankZeroScore: "Performance 0%",
    blankError: "Errore da correggere",
    rollupObjectiveWeight: "Media pesata sul Peso obiettivo",
    rollupWorst: "L'obiettivo peggiore",
    resetConfirmTitle: "Ripristinare le impostazioni predefinite?",
    resetConfirmBody:
      "Le regole dell'ente salvate nella cartella (fasce, insiemi di fasce, limiti, soglie) saranno sostituite da quelle predefinite. L'operazione non si annulla da qui.",
    resetConfirm: "Ripristina",
    resetCancel: "Annulla",
  },

  errors: {
    title: {
      analyze: "Verifica non riuscita",
      calculate: "Calcolo non riuscito",
      restore: "Ripristino non riuscito",
      summary: "Riepilogo non generato",
      insertCard: "Scheda non inserita",
      settings: "Impostazioni non salvate",
      loadSettings: "Impostazioni non lette",
      select: "Cella non selezionata",
      nextYear: "Nuovo anno non creato",
      download: "File non preparato",
      print: "Schede non preparate per la stampa",
      compare: "Confronto non eseguito",
      accept: "Rettifiche non accettate",
    },
    whatToDo: {
      analyze: "Controlla che nessuna cella sia in modifica (premi Invio o Esc) e riprova.",
      calculate:
        "Nessun dato è andato perso: i valori sostituiti, se ce ne sono, si recuperano con «Ripristina». Controlla che nessuna cella sia in modifica e che i fogli non siano protetti, poi riprova.",
      restore: "Controlla che i fogli non siano protetti e che nessuna cella sia in modifica, poi riprova.",
      summary: "Controlla che la cartella non sia protetta e che nessuna cella sia in modifica, poi riprova.",
      insertCard: "Controlla che la struttura della cartella non sia protetta, poi riprova.",
      settings: "Controlla che la cartella non sia protetta, poi riprova. Le impostazioni precedenti restano valide.",
      loadSettings: "Vengono mostrate le impostazioni predefinite. Puoi salvarle di nuovo.",
      select: "Esegui di nuovo la verifica: il foglio potrebbe essere stato rinominato o eliminato.",
      nextYear: "La cartella aperta non è stata modificata. Controlla le intestazioni dei target (per esempio «Target 2023») e riprova.",
      download: "Controlla che nessuna cella sia in modifica (premi Invio o Esc) e riprova. La cartella non viene modificata.",
      print: "Nessuna cella è stata modificata. Controlla che nessuna cella sia in modifica e che i fogli non siano protetti, poi riprova.",
      compare: "Nessuna cartella è stata modificata. Scegli un file .xlsx del piano (preventivo o consuntivo) e riprova.",
      accept: "Niente è cambiato: le rettifiche restano segnalate. Controlla che la cartella non sia protetta e che nessuna cella sia in modifica, poi riprova.",
    },
    detail: (message: string): string => `Dettaglio: ${message}`,
    dismiss: "Chiudi messaggio",
    crashTitle: "Qualcosa non ha funzionato nel riquadro",
    crashBody: "La cartella non è stata modificata da questo errore. Premi «Riprova»; se il problema continua, chiudi e riapri il riquadro.",
    retry: "Riprova",
    // Shown instead of a message not written for the user (a bug, a library's English text).
    unexpected:
      "Errore imprevisto del componente aggiuntivo. Se si ripete, chiudi e riapri il riquadro; i dettagli tecnici sono nella console per sviluppatori.",
    consoleHint: "I dettagli tecnici sono nella console per sviluppatori.",
  },

  commands: {
    // The ribbon button opens the pane (ShowTaskpane); nothing to say here yet.
  },

  // `npm start` / `npm stop` (scripts/start.mjs, scripts/stop.mjs).
  start: {
    building: "Piano Performance: compilo e avvio il server di sviluppo (webpack)…",
    already: (pid: number): string => `Il server di sviluppo è già avviato (PID ${pid}).`,
    started: (pid: number, url: string): string => `Server di sviluppo avviato (PID ${pid}): ${url}`,
    log: (file: string): string => `Registro del server: ${file}`,
    failed: (file: string): string => `Il server di sviluppo non è partito. Ultime righe del registro (${file}):`,
    timeout: (seconds: number, file: string): string => `Il server non ha risposto entro ${seconds} s. Controlla il registro: ${file}`,
    http:
      "Certificato di sviluppo non installato (serve l'amministratore: `npx office-addin-dev-certs install`): il server usa http. L'anteprima nel browser funziona; Excel richiede https per caricare il componente aggiuntivo.",
    https: "Server in https con il certificato di sviluppo.",
    sideloading: "Provo a caricare il componente aggiuntivo in Excel desktop (office-addin-debugging, scaricato con npx)…",
    sideloaded: "Componente aggiuntivo caricato in Excel: cerca il pulsante «Piano Performance» nella scheda Home.",
    sideloadFailed: "Caricamento automatico in Excel non riuscito.",
    linux: "Su Linux Excel desktop non c'è: il caricamento automatico non è possibile.",
    manifest: (path: string): string => `Manifesto del componente aggiuntivo: ${path}`,
    webHeading: "Per provarlo in Excel sul web:",
    webSteps: [
      "1. apri una cartella di lavoro su https://www.office.com con Excel sul web;",
      "2. Home → Componenti aggiuntivi → Altre impostazioni (oppure Inserisci → Componenti aggiuntivi di Office);",
      "3. «Carica il componente aggiuntivo personale» (Upload My Add-in) e scegli il manifesto qui sopra;",
      "4. serve https con il certificato di sviluppo considerato attendibile dal browser.",
    ],
    previewHeading: "Anteprima nel browser, senza Excel (cartella di esempio già aperta):",
    opened: "Anteprima aperta nel browser.",
    noOpener: "Nessun browser da aprire automaticamente: apri l'indirizzo qui sopra.",
    stopHint: "Per fermare il server: npm stop",
  },
  // `npm run screenshot` (scripts/update-screenshot.mjs).
  screenshot: {
    missing: (file: string): string =>
      `Manca ${file}: esegui prima i test nel browser (npm run test:build), che salvano le schermate in test-results/.`,
    updated: (from: string, to: string): string => `Schermata aggiornata: ${from} → ${to}`,
  },
  // The production build's check of the task pane's size (scripts/bundle-size.js).
  bundle: {
    total: (rawKb: string, gzipKb: string, limitKb: number, ok: boolean): string =>
      `[piano] JavaScript iniziale del riquadro (taskpane.html): ${rawKb} KB, gzip ${gzipKb} KB — obiettivo ≤ ${limitKb} KB gzip: ${ok ? "rispettato" : "SUPERATO"}`,
    file: (name: string, rawKb: string, gzipKb: string): string => `    ${name}: ${rawKb} KB (gzip ${gzipKb} KB)`,
    tooLarge: (gzipKb: string, limitKb: number): string =>
      `[piano] Il JavaScript iniziale del riquadro pesa ${gzipKb} KB gzip, oltre il limite di ${limitKb} KB: il riquadro si aprirebbe troppo lentamente. ` +
      "Carica su richiesta, con import(), il codice che non serve all'apertura (come già i temi scuro e ad alto contrasto) e controlla le dipendenze aggiunte di recente.",
    unreadable: (file: string): string => `[piano] Impossibile leggere ${file} per misurare il riquadro: la dimensione non è verificabile.`,
    forbidden: (modules: string): string =>
      `[piano] ${/[\\/]docx[\\/]/.test(modules) && !/[\\/]exceljs[\\/]/.test(modules) ? "docx" : "ExcelJS"} è finito nel bundle del riquadro (va caricato su richiesta con import()): ${modules}`,
  },
  stop: {
    stopped: (pid: number): string => `Server di sviluppo fermato (PID ${pid}).`,
    notRunning: "Nessun server di sviluppo avviato da `npm start`.",
    stale: "Il server registrato non è più in esecuzione: pulizia fatta.",
    unregistering: "Tolgo il componente aggiuntivo da Excel desktop (office-addin-debugging)…",
  },

  preview: {
    badge: "Anteprima",
    title: "Anteprima nel browser — Piano Performance",
    note: "Versione di prova fuori da Excel: la cartella è tenuta in memoria e nulla lascia il computer.",
    open: "Apri file .xlsx",
    openLabel: "Apri una cartella di lavoro .xlsx dal computer",
    download: "Scarica risultato",
    example: "Riapri l'esempio 2022",
    exampleLabel: "Riapri la cartella di esempio",
    loading: "Caricamento della cartella…",
    loaded: (name: string): string => `Cartella aperta: ${name}`,
    loadFailed: (name: string): string => `Impossibile aprire «${name}»: il file non è una cartella di lavoro .xlsx leggibile.`,
    exampleMissing:
      "La cartella di esempio non è disponibile (assets/esempio-piano-2022.xlsx): apri un file .xlsx dal computer.",
    noWorkbook: "Nessuna cartella aperta: apri un file .xlsx o riapri l'esempio.",
    gridLabel: (sheet: string): string => `Contenuto del foglio ${sheet} (sola lettura)`,
    sheetsLabel: "Fogli della cartella",
    paneLabel: "Riquadro attività",
    emptySheet: "Foglio vuoto.",
    selected: (sheet: string, cell: string): string => `Cella selezionata: ${sheet}!${cell}`,
    cellNotFound: (sheet: string, cell: string): string => `La cella ${cell} del foglio «${sheet}» non esiste.`,
    sheetNotFound: (sheet: string): string => `Il foglio «${sheet}» non esiste nella cartella.`,
    emptyCardSheet: "Scheda vuota",
    downloadName: (name: string): string => name.replace(/\.xlsx$/i, "") + " - calcolato.xlsx",
    progress: {
      read: "Lettura dei fogli",
      analyze: "Calcolo",
      write: "Scrittura dei risultati",
    },
  },
} as const;
