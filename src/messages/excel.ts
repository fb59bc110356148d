// Italian user-facing strings: excel. Identifiers in English, text in Italian.
// Everything the Office.js layer (src/excel) can say to the user: errors, progress
// phases, the names and headers of the sheets it creates.

const q = (s: string) => `«${s}»`;
const list = (names: string[]) => names.map(q).join(", ");

export const EXCEL_ERRORS = {
  apiNotSupported: (version: string) =>
    `Questa versione di Excel non offre le funzioni di cui il componente aggiuntivo ha bisogno (ExcelApi ${version}). ` +
    "Aggiornare Excel (Microsoft 365, Excel 2021 o successivo) oppure usare Excel per il Web.",
  noCards:
    "Nella cartella di lavoro non è stata trovata nessuna scheda obiettivo né una tabella degli indicatori: nessuna cella è stata modificata. " +
    "Controllare le intestazioni (Indicatori, Stato, Target, Peso) oppure usare «Inserisci scheda vuota» per partire da un modello.",
  protectedSheets: (names: string[]) =>
    (names.length === 1 ? `Il foglio ${list(names)} è protetto` : `I fogli ${list(names)} sono protetti`) +
    ": nessuna cella è stata modificata. Rimuovere la protezione (Revisione › Rimuovi protezione foglio) e riprovare.",
  protectedSomewhere:
    "Un foglio o la cartella di lavoro è protetto: Excel ha rifiutato la modifica. Rimuovere la protezione (Revisione) e riprovare.",
  itemMissing: "Un foglio o una cella indicati non esistono più: rieseguire «Verifica» e riprovare.",
  protectedWorkbook:
    "La struttura della cartella di lavoro è protetta, quindi non è possibile aggiungere il foglio necessario: nessuna cella è stata modificata. " +
    "Rimuovere la protezione (Revisione › Proteggi cartella di lavoro) e riprovare.",
  cellEditing:
    "Excel è in modalità di modifica di una cella: premere Invio o Esc e riprovare. Nessuna cella è stata modificata.",
  sheetMissing: (name: string) =>
    `Il foglio ${q(name)} non esiste più o è stato rinominato dopo la verifica: rieseguire «Verifica» e riprovare. Nessuna cella è stata modificata.`,
  staleAnalysis: "I risultati da scrivere non sono disponibili: rieseguire «Verifica» e riprovare.",
  tooLarge:
    "La richiesta supera il limite di dimensione di Excel anche dopo essere stata suddivisa: provare con Excel desktop o ridurre il file.",
  busy: "Excel è occupato (un'altra operazione o un'altra persona sta modificando il file): riprovare tra qualche istante.",
  invalidPolicy: (errors: string[]) => `Le impostazioni non sono valide: ${errors.join(" ")}`,
  unreadableSettings:
    "Il foglio delle impostazioni contiene dati non leggibili: non è stato modificato. Correggerlo o salvare di nuovo le impostazioni dal riquadro.",
  noSheetsToRead: "La cartella di lavoro non contiene fogli leggibili.",
  officeRefused: (code: string) =>
    `Excel non ha completato l'operazione (codice: ${code}). Riprovare; se l'errore si ripete, chiudere e riaprire ` +
    "la cartella di lavoro e, se non basta, segnalarlo al supporto indicando il codice.",
  internal:
    "Si è verificato un errore interno del componente aggiuntivo. Riprovare; se l'errore si ripete, " +
    "segnalarlo al supporto indicando l'operazione che si stava eseguendo.",
  unknown: "Si è verificato un errore imprevisto durante l'operazione in Excel.",
} as const;

/** What the Office.js layer tells the user after an operation that succeeded (info, not errors). */
export const EXCEL_NOTICES = {
  undoUnavailable:
    "Excel non ha consentito di raggruppare le modifiche in un unico passaggio annullabile: questa volta Ctrl+Z non annulla l'operazione. " +
    "«Ripristina» rimette comunque i valori precedenti.",
  mergesNotRead:
    "Su Excel per Windows la verifica non legge le celle unite, perché leggerle svuoterebbe la cronologia di Annulla (Ctrl+Z). " +
    "Per un campo vuoto di una scheda la cella indicata è quella subito a destra dell'etichetta, anche se fa parte dell'area unita dell'etichetta. " +
    "«Calcola performance» e «Genera riepilogo» leggono le celle unite e scrivono nelle celle giuste.",
  undoHistoryCleared:
    "Per questa operazione Excel ha dovuto svuotare la cronologia di Annulla (è il primo calcolo su questo file, o le celle unite delle schede andavano lette): " +
    "con Ctrl+Z non si torna alle modifiche fatte prima di questa operazione.",
} as const;

/** Progress phases shown by the task pane. */
export const EXCEL_PROGRESS = {
  reading: "Lettura dei fogli",
  analysing: "Calcolo delle performance",
  saving: "Salvataggio dei valori precedenti",
  writing: "Scrittura dei risultati",
  restoring: "Ripristino dei valori precedenti",
  summary: "Creazione del riepilogo",
} as const;

/** The hidden sheet holding what "Calcola performance" replaced, for "Ripristina". */
export const BACKUP_SHEET = {
  name: "Ripristino Piano Performance",
  headers: ["Foglio", "Cella", "Contenuto precedente", "Contenuto scritto"],
} as const;

/** The empty card inserted by "Inserisci scheda vuota". */
export const EMPTY_CARD = {
  sheetName: "Nuova scheda",
  title: (year: number) => `Scheda obiettivo operativo – ${year}`,
  performanceLabel: "Performance obiettivo",
  hint: "Compilare le celle a destra delle etichette e una riga per indicatore; il peso totale deve essere 100%.",
} as const;
