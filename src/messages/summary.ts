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
} as const;
