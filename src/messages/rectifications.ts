// Italian strings of «Accetta» a correction (rettifica, issue 12): CLI and task pane.
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const ACCEPT_USAGE = [
  "  piano-perf calcola FILE.xlsx --out COPIA.xlsx --accetta-rettifiche[=FOGLIO!CELLA,…]",
  "                                                      accetta le rettifiche (tutte, o quelle indicate): il valore",
  "                                                      calcolato diventa il riferimento, l'originale resta nel ripristino",
];

export const ACCEPT_CLI = {
  needsOut: "--accetta-rettifiche registra l'accettazione nella copia: indicare anche --out COPIA.xlsx (il file di ingresso non viene mai modificato).",
  badCell: (v: string) => `Cella non valida dopo --accetta-rettifiche: «${v}» (scrivere FOGLIO!CELLA, per esempio «OO07 Sito!H12»; più celle separate da virgole).`,
  unknown: (cells: string[]) =>
    `Nessuna rettifica da accettare in ${cells.map((c) => `«${c}»`).join(", ")}: si accettano solo le rettifiche già scritte dal componente aggiuntivo (vedere l'elenco «Rettifiche» di piano-perf calcola). Niente è stato scritto.`,
  done: (n: number) => `Rettifiche accettate: ${n} (il valore calcolato è ora il riferimento; l'originale resta nel foglio di ripristino).`,
  acceptedHeader: (n: number) => `Rettifiche accettate: ${n} (non più segnalate; «Ripristina» rimette comunque il valore originale)`,
  acceptedLine: (where: string, indicator: string, original: string, computed: string, date: string) => `  ${where}  ${indicator}: dichiarata ${original}, calcolata ${computed}, accettata il ${date}`,
};

export const ACCEPT_UI = {
  heading: (n: number) => `Rettifiche (${n})`,
  intro:
    "Performance dichiarate diverse da quelle calcolate e già sostituite: il valore dichiarato resta il riferimento e viene segnalato a ogni verifica. Accettando, il valore calcolato diventa il riferimento; il valore originale resta salvato e «Ripristina» lo rimette.",
  line: (original: string, computed: string) => `dichiarata ${original}, calcolata ${computed}`,
  accept: "Accetta",
  acceptAll: "Accetta tutte",
  acceptLabel: (indicator: string, cell: string) => `Accetta la rettifica di ${indicator} (${cell})`,
  confirmTitle: (n: number) => (n === 1 ? "Accettare la rettifica?" : `Accettare ${n} rettifiche?`),
  confirmBody: (n: number) =>
    `${n === 1 ? "Il valore calcolato diventerà" : "I valori calcolati diventeranno"} il riferimento e ${n === 1 ? "la rettifica non sarà più segnalata" : "le rettifiche non saranno più segnalate"} all'OIV. ${n === 1 ? "Il valore originale resta salvato" : "I valori originali restano salvati"} nella cartella: «Ripristina» li rimette.`,
  confirm: "Accetta",
  cancel: "Annulla",
  done: (n: number) => `${plural(n, "rettifica accettata", "rettifiche accettate")}: il valore calcolato è ora il riferimento.`,
  none: "Nessuna rettifica da accettare: le celle sono cambiate. Verificare di nuovo.",
  acceptedCount: (n: number) => `${plural(n, "rettifica accettata", "rettifiche accettate")} in precedenza (non più ${n === 1 ? "segnalata" : "segnalate"}).`,
  where: (objective: string, sheet: string) => `${objective} · foglio «${sheet}»`,
};
