// «Prepara per la stampa»: the cards set to print as in the published document (issue 12).
// Header/footer texts use Excel's codes: &A the sheet's name, &P the page, &N the pages
// (ECMA-376 Part 1, §18.3.1.46 headerFooter; the same codes in Office.js HeaderFooter).

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const q = (s: string) => `«${s}»`;

export const PRINT = {
  /** Centre header: the sheet's name (Excel fills in &A). */
  header: "&A",
  /** Right footer. */
  footer: "Pagina &P di &N",
  /** The pane. */
  button: "Prepara per la stampa",
  hint: "Imposta ogni scheda per la stampa come nel documento pubblicato: una pagina in larghezza, l'intestazione della tabella degli indicatori ripetuta su ogni pagina, area di stampa, nome del foglio e numero di pagina. Nessuna cella viene modificata.",
  progress: "Impostazione della stampa delle schede",
  done: (n: number) => `${plural(n, "scheda pronta", "schede pronte")} per la stampa (una pagina in larghezza, intestazione della tabella ripetuta). Nessuna cella è stata modificata.`,
  noCards: "Nessuna scheda da preparare per la stampa: la cartella non contiene schede riconosciute.",
  /** The CLI. */
  cli: {
    usage: [
      "  piano-perf stampa FILE.xlsx --out COPIA.xlsx        prepara ogni scheda per la stampa (una pagina in larghezza,",
      "                                                      intestazione della tabella ripetuta, area di stampa, intestazione",
      "                                                      e piè di pagina); nessuna cella cambia. Con calcola: --stampa",
    ],
    outRequired: "Indicare dove salvare la copia pronta per la stampa: piano-perf stampa FILE.xlsx --out COPIA.xlsx",
    stampaNeedsOut: "L'opzione --stampa richiede --out: piano-perf calcola FILE.xlsx --out COPIA.xlsx --stampa",
    prepared: (n: number, out: string) => `${plural(n, "scheda preparata", "schede preparate")} per la stampa in ${out} (nessuna cella modificata).`,
    sheetLine: (sheet: string, orientation: "portrait" | "landscape", area: string, titles: string) =>
      `  ${q(sheet)}: ${orientation === "landscape" ? "orizzontale" : "verticale"}, area ${area}, righe ripetute ${titles}`,
  },
} as const;
