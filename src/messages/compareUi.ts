// Italian strings of «Confronta» in the task pane and the preview (issue 11). The differences
// themselves are worded once, in COMPARE (src/messages/phases.ts), for the CLI and the pane.
import type { Phase } from "../core/types";
import type { ComparedSide } from "../core/compare";
import { PHASE_NAMES } from "./phases";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** «preventivo 2023 (file «p.xlsx»)» / «consuntivo 2023 (cartella aperta)» */
function side(s: ComparedSide): string {
  const what = s.phase ? `${PHASE_NAMES[s.phase as Phase]}${s.year ? ` ${s.year}` : ""}` : s.year ? `piano ${s.year}` : "piano (fase non riconosciuta)";
  return `${what} (${s.source === "open" ? "cartella aperta" : `file «${s.fileName ?? ""}»`})`;
}

export const COMPARE_UI = {
  heading: "Confronta con un altro file",
  intro: "Scegli il file .xlsx del preventivo o del consuntivo: obiettivi e indicatori sono abbinati per nome, e si elencano i target cambiati, gli indicatori aggiunti o tolti e i pesi cambiati. Il file viene letto solo qui, senza inviarlo e senza modificarlo.",
  choose: "Scegli il file da confrontare…",
  inputLabel: "File .xlsx da confrontare con la cartella aperta",
  /** Which side is which, as decided from the phases. */
  sides: (before: ComparedSide, after: ComparedSide) => `Confronto del ${side(before)} con il ${side(after)}.`,
  /** When the phases could not tell the order. */
  orderNote: "Le fasi non indicano quale piano viene prima: il file scelto è considerato il piano di partenza.",
  count: (n: number) => `${plural(n, "differenza", "differenze")}`,
  listLabel: (n: number) => `Differenze (${n})`,
  inOpen: "nella cartella aperta",
  inFile: "nel file",
  fileTooLarge: (name: string, why: string) => `Impossibile confrontare «${name}»: ${why}`,
  noPlan: (name: string) => `Impossibile confrontare «${name}»: il file non contiene schede obiettivo riconoscibili (intestazioni come «Indicatore», «Target», «Peso»).`,
  reading: "Lettura del file",
  comparing: "Confronto dei piani",
  ofOpen: "Lettura della cartella aperta",
  fileName: (name: string) => `File: ${name}`,
  openLabel: "cartella aperta",
  fileLabel: (name: string) => `file «${name}»`,
};
