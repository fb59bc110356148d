// Missioni and Programmi of the Camere di commercio (DM MEF 27/3/2013), kept as data.
// Codes are compared as numbers: "11 – …" and "011 - …" are the same Missione.

export interface ProgrammaRef {
  missione: number;
  programma: number;
  label: string;
}

export const CCIAA_PROGRAMMI: readonly ProgrammaRef[] = [
  { missione: 11, programma: 5, label: "Promozione e attuazione di politiche di sviluppo, competitività e innovazione, di responsabilità sociale d'impresa e movimento cooperativo" },
  { missione: 12, programma: 4, label: "Vigilanza sui mercati e sui prodotti, promozione della concorrenza e tutela dei consumatori" },
  { missione: 16, programma: 5, label: "Sostegno all'internazionalizzazione delle imprese e promozione del made in Italy" },
  { missione: 32, programma: 2, label: "Indirizzo politico" },
  { missione: 32, programma: 3, label: "Servizi e affari generali per le amministrazioni di competenza" },
  { missione: 33, programma: 1, label: "Fondi da ripartire" },
];

/** Programmi no longer in use, and where their activities now belong. */
export const MOVED_PROGRAMMI: readonly { from: [number, number]; to: [number, number] }[] = [{ from: [32, 4], to: [32, 3] }];

const CODE_RE = /^\s*0*(\d{1,3})(?!\d)/;

/** Leading numeric code of "011 - Competitività…" → 11; null when there is none. */
export function leadingCode(text: string | undefined): number | null {
  if (!text) return null;
  const m = CODE_RE.exec(text);
  return m ? Number(m[1]) : null;
}

export const pad3 = (n: number) => String(n).padStart(3, "0");

export function pairLabel(m: number, p: number): string {
  return `${pad3(m)}-${pad3(p)}`;
}

export function isKnownPair(m: number, p: number): boolean {
  return CCIAA_PROGRAMMI.some((x) => x.missione === m && x.programma === p);
}

/** The Missioni a Programma code belongs to, among the CCIAA pairs. */
export function missioniOfProgramma(p: number): number[] {
  return CCIAA_PROGRAMMI.filter((x) => x.programma === p).map((x) => x.missione);
}
