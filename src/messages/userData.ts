// Italian user-facing strings: the user's data the add-in will not touch, and readings it
// will not make silently (issue 14). Identifiers in English, text in Italian.
const q = (s: string) => `«${s}»`;
const clip = (s: string) => (s.length > 60 ? s.slice(0, 57) + "…" : s);

export const USER_DATA = {
  objectiveCellTaken: (cell: string, text: string) =>
    `La cella ${cell} accanto a «Performance obiettivo» contiene ${q(clip(text))}, che non è una performance: non viene sovrascritta e la performance dell'obiettivo non viene scritta. Liberare la cella (o spostare il testo) per farla scrivere.`,
  mergedPerformance: (cell: string, area: string) =>
    `La cella Performance ${cell} fa parte dell'unione ${area}, che copre più indicatori o non comincia da questa cella: la performance non viene scritta. Separare le celle unite per farla scrivere.`,
  hiddenSheet: (sheet: string, veryHidden: boolean, excluded: boolean) =>
    `Il foglio ${q(sheet)} è ${veryHidden ? "nascosto in modo profondo (visibile solo da VBA)" : "nascosto"}: ${excluded ? "la sua scheda è esclusa dai totali, come stabilito dalle regole di calcolo" : "la sua scheda conta nei totali. Per escluderla, impostare «Fogli nascosti: escludi» nelle regole di calcolo"}.`,
  duplicateCard: (name: string, otherSheet: string) =>
    `L'obiettivo ${q(clip(name))} compare anche nel foglio ${q(otherSheet)}: viene contato due volte nei totali. Eliminare la scheda doppia o distinguere i nomi.`,
  uncalculatedFormula: (cell: string) =>
    `La cella ${cell} contiene una formula mai calcolata (il file non ne conserva il risultato): si legge come vuota. Aprire il file in Excel e salvarlo, così le formule vengono calcolate.`,
  ambiguousNumber: (text: string, thousands: string, decimal: string) =>
    `${q(text)} si può leggere come ${thousands} (punto delle migliaia) o come ${decimal} (punto decimale, come negli altri valori della colonna che usano la virgola): si legge ${thousands}. Scrivere il numero senza ambiguità (per esempio con la virgola decimale).`,
  summaryCellCut: (sheet: string, cell: string, length: number) =>
    `Il testo per la cella ${cell} del foglio ${q(sheet)} supera i 32.767 caratteri che Excel ammette in una cella (${length.toLocaleString("it-IT")}): è stato troncato con «…».`,
} as const;
