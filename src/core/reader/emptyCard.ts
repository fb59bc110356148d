// The empty card that "Inserisci scheda vuota" adds, in the layout the reader recognises:
// the same labels and column headers as the example workbook. Shared by the Excel host and
// the browser preview, which draw it each with their own library.
import { EXAMPLE } from "../../messages/workbook";
import { EMPTY_CARD } from "../../messages/excel";

/** Where things are on the empty card (0-based rows; columns A…I as the example). */
export const EMPTY_CARD_LAYOUT = {
  titleRow: 0,
  hintRow: 1,
  firstLabelRow: 3,
  valueCol: 2,
  headerRow: 15,
  indicatorRows: 5,
  widths: [46, 46, 16, 8, 13, 11, 13, 13, 11],
  /** Per table column: "@" keeps typed text (an operator "=") as text; % for Performance and Peso. */
  rowFormats: ["@", "@", "@", "@", "General", "@", "General", "0.00%", "0.0%"],
} as const;

export const EMPTY_CARD_LABELS = [
  EXAMPLE.labels.missione,
  EXAMPLE.labels.programma,
  EXAMPLE.labels.ambitoStrategico,
  EXAMPLE.labels.obiettivoStrategico,
  EXAMPLE.labels.obiettivoOperativo,
  EXAMPLE.labels.descrizione,
  EXAMPLE.labels.beneficiAttesi,
  EXAMPLE.labels.risorseEconomiche,
  EXAMPLE.labels.unitaOrganizzative,
  EXAMPLE.labels.areaResponsabilita,
  EXAMPLE.labels.ufficio,
];

/** "Nuova scheda", or "Nuova scheda (2)"… — never an existing name. */
export function emptyCardName(existing: string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = EMPTY_CARD.sheetName;
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base} (${k})`.toLowerCase())) return `${base} (${k})`;
}

