// Italian user-facing strings: corrections (rettifiche), the summary's stamp and print
// setup, the stale-summary notice, «Prepara per la stampa».

const q = (s: string) => `«${s}»`;

export const RECTIFICATIONS = {
  /** «dichiarata 0%, calcolata 100%» */
  short: (original: string, computed: string) => `dichiarata ${original}, calcolata ${computed}`,
  /** A correction already written into the cell (the user's value kept in the backup). */
  problem: (card: string, row: number, name: string, original: string, computed: string, explanation: string) =>
    `${q(card)}, indicatore ${row} (${name}): rettifica — dichiarata ${original}, calcolata ${computed} [${explanation}]. Il valore dichiarato resta conservato nella cartella; «Ripristina» lo rimette nella cella.`,
  states: { pending: "da rettificare nella scheda", written: "rettificata nella scheda" },
  /** The state of a correction the user accepted (date GG/MM/AAAA). */
  accepted: (date: string) => `accettata il ${date}`,
} as const;

/** The summary sheet's new labels (the older ones are SUMMARY in workbook.ts). */
export const SUMMARY_SHEET = {
  subtitle: (performance: string, objectives: number, indicators: number, errors: number, warnings: number, rectifications: number, accepted = 0) =>
    `Performance complessiva: ${performance} · ${objectives} obiettiv${objectives === 1 ? "o" : "i"}, ${indicators} indicator${indicators === 1 ? "e" : "i"} · ` +
    `${errors} error${errors === 1 ? "e" : "i"}, ${warnings} avvis${warnings === 1 ? "o" : "i"} · ${rectifications} rettific${rectifications === 1 ? "a" : "he"}` +
    (accepted ? ` (più ${accepted} accettat${accepted === 1 ? "a" : "e"})` : ""),
  stamp: (date: string, time: string, source: string | null, fingerprint: string) =>
    `Prodotto da Piano Performance il ${date} alle ${time}${source ? ` dalla cartella «${source}»` : ""} · impronta ${fingerprint}`,
  rules: (rules: string[]) => `Regole SMVP applicate — ${rules.join("; ")}.`,
  blocks: {
    rectifications: "Rettifiche (performance dichiarata diversa da quella calcolata)",
    overrides: "Forzature (valori imposti con una nota)",
  },
  columns: {
    missioneProgramma: "Missione / Programma",
    indicator: "Indicatore",
    original: "Dichiarata",
    computed: "Calcolata",
    explanation: "Spiegazione",
    state: "Stato della cella",
    forced: "Valore forzato",
    note: "Nota",
    internal: "Obiettivi con risorse interne",
  },
  total: "Totale",
  internalResources: "risorse interne",
  noRectifications: "Nessuna rettifica: ogni performance dichiarata coincide con quella calcolata.",
  acceptedNote: "Rettifiche accettate: il valore calcolato è ora il riferimento; quello dichiarato in origine resta conservato nella cartella e «Ripristina» lo rimette.",
  noOverrides: "Nessuna forzatura.",
  excluded: "non valutabile",
  derivedMissione: "* Missione non indicata nella scheda: ricavata dal Programma, che appartiene a una sola Missione.",
  problemsNote: "Le rettifiche sono elencate nella loro tabella.",
  /** Header/footer: Excel codes (&P page, &N pages) — "&&" prints one "&". */
  header: (title: string) => `&C&B${title.replace(/&/g, "&&")}`,
  footerLeft: (stamp: string) => `&L${stamp.replace(/&/g, "&&")}`,
  footerRight: "&RPagina &P di &N",
  chartPlaceholder: "",
} as const;

/** The pane's notice when the summary no longer matches the plan or the rules. */
export const STALE_SUMMARY = {
  badge: "riepilogo da aggiornare",
  text: (sheet: string) => `Il foglio «${sheet}» è stato creato con dati o regole diversi da quelli attuali: riepilogo da aggiornare.`,
  refresh: "Aggiorna anche il riepilogo",
} as const;

/** The confirmation before writing: real changes listed, rounding and format counted. */
export const CONFIRM_GROUPS = {
  body: (real: number, minor: number) =>
    `${real} ${real === 1 ? "valore cambia" : "valori cambiano"} davvero` +
    (minor ? `; ${minor} ${minor === 1 ? "viene solo arrotondato o scritto come numero" : "vengono solo arrotondati o scritti come numeri"}` : "") +
    ". Potrai tornare indietro con «Ripristina»; i valori dichiarati restano conservati come rettifiche.",
  realHeading: (n: number) => `Modifiche (${n})`,
  change: (before: string, after: string, reason: string) => `${before} → ${after}${reason ? `: ${reason}` : ""}`,
  rounding: (n: number, example: string) => `${n} ${n === 1 ? "arrotondamento" : "arrotondamenti"} (ad esempio «${example}»)`,
  format: (n: number, example: string) => `${n} ${n === 1 ? "valore scritto come testo diventa un numero" : "valori scritti come testo diventano numeri"} (ad esempio «${example}»)`,
  textBefore: (text: string) => `testo "${text}"`,
  minorHeading: "Solo arrotondamento o formato",
} as const;
