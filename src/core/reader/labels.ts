// How the reader recognises labels and column headers: normalised text (case, accents,
// punctuation and a year suffix ignored) and a small typo tolerance, because real cards
// carry headers such as "Sttao 2022" or "Peso\nindicatori:".
import type { HierarchyField } from "../types";

/** Lower case, accents removed, punctuation to spaces, spaces collapsed. */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The header text without a year ("Stato 2022" → "stato"), and that year. */
export function splitYear(norm: string): { text: string; year?: number } {
  const m = /\b(19[5-9]\d|20\d\d|21\d\d)\b/.exec(norm);
  if (!m) return { text: norm };
  const text = (norm.slice(0, m.index) + " " + norm.slice(m.index + m[0].length)).replace(/\banno\b/g, " ").replace(/\s+/g, " ").trim();
  return { text, year: Number(m[1]) };
}

/** Optimal-string-alignment distance (a swap of two letters counts 1), capped early. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j];
    prev = cur;
  }
  return prev[b.length];
}

/** Typos tolerated for a name of this length: none for short names, one or two for longer ones. */
function tolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return 2;
}

/** Columns of the indicator table. */
export type TableRole =
  | "name"
  | "algorithm"
  | "type"
  | "unit"
  | "actual"
  | "operator"
  | "target"
  | "stated"
  | "weight"
  | "rule"
  | "baseline"
  | "thresholdMin"
  | "thresholdMax"
  | "forced"
  | "note";

/** Card header labels (and table-layout hierarchy columns). */
export type HeaderField = HierarchyField | "descrizione" | "beneficiAttesi" | "unitaOrganizzative" | "objectiveWeight";

/** A card's "Performance obiettivo" label, or the table layout's column of that name. */
export type ObjectivePerformanceRole = "objectivePerformance";

export type ColumnRole = TableRole | HeaderField | ObjectivePerformanceRole;

const TABLE_SYNONYMS: Record<TableRole, string[]> = {
  name: ["indicatori", "indicatore", "nome indicatore", "descrizione indicatore"],
  algorithm: ["algoritmo", "formula", "formula di calcolo", "algoritmo di calcolo"],
  type: ["tipologia", "tipo", "tipologia indicatore"],
  unit: ["udm", "u d m", "unita di misura"],
  actual: ["stato", "valore", "consuntivo", "valore consuntivo", "risultato", "rilevazione", "valore rilevato"],
  operator: ["operatore"],
  target: ["target", "valore atteso", "risultato atteso"],
  stated: ["performance", "grado di raggiungimento", "raggiungimento", "performance indicatore"],
  weight: ["peso", "peso indicatori", "peso indicatore", "pesi"],
  // Optional columns (issue 10).
  rule: ["regola", "regola di calcolo", "metodo di calcolo", "modalita di calcolo", "criterio di calcolo", "metodo"],
  baseline: ["baseline", "valore di partenza", "valore iniziale", "storico", "valore storico", "base line"],
  thresholdMin: ["soglia minima", "soglia", "valore minimo", "soglia min"],
  thresholdMax: ["soglia massima", "eccellenza", "valore massimo", "soglia max", "soglia di eccellenza"],
  forced: ["performance forzata", "forzatura", "valutazione forzata", "performance rettificata"],
  note: ["nota", "note", "motivazione", "motivazione forzatura", "nota forzatura"],
};

const HEADER_SYNONYMS: Record<HeaderField | ObjectivePerformanceRole, string[]> = {
  missione: ["missione"],
  programma: ["programma"],
  ambitoStrategico: ["ambito strategico"],
  obiettivoStrategico: ["obiettivo strategico"],
  obiettivoOperativo: ["obiettivo operativo"],
  descrizione: ["descrizione"],
  beneficiAttesi: ["benefici attesi"],
  risorseEconomiche: ["risorse economiche", "risorse"],
  unitaOrganizzative: ["unita organizzative coinvolte", "unita organizzative"],
  areaResponsabilita: ["area di responsabilita", "area responsabilita"],
  ufficio: ["ufficio"],
  objectiveWeight: ["peso obiettivo", "peso dell obiettivo", "peso obiettivo operativo"],
  objectivePerformance: ["performance obiettivo", "grado di raggiungimento obiettivo", "performance dell obiettivo"],
};

interface Synonym {
  role: ColumnRole;
  text: string;
  tol: number;
}

const ALL: Synonym[] = [
  ...Object.entries(TABLE_SYNONYMS).flatMap(([role, list]) => list.map((text) => ({ role: role as ColumnRole, text, tol: tolerance(text.length) }))),
  ...Object.entries(HEADER_SYNONYMS).flatMap(([role, list]) => list.map((text) => ({ role: role as ColumnRole, text, tol: tolerance(text.length) }))),
];

const EXACT = new Map<string, ColumnRole>(ALL.map((s) => [s.text, s.role]));

/** Card labels are matched exactly (after normalisation): their values are free text, so a typo match could misread a value as a label. */
export function matchCardLabel(text: string): HeaderField | ObjectivePerformanceRole | null {
  const role = EXACT.get(normalizeLabel(text));
  if (!role || role in TABLE_SYNONYMS) return null;
  return role as HeaderField | ObjectivePerformanceRole;
}

export interface HeaderMatch {
  role: ColumnRole;
  /** 0 = exact. */
  distance: number;
  year?: number;
}

/** A column header: exact or with a typo of one or two letters, whatever the year suffix. */
export function matchColumnHeader(text: string): HeaderMatch | null {
  const norm = normalizeLabel(text);
  if (!norm || norm.length > 40) return null;
  const { text: bare, year } = splitYear(norm);
  if (!bare) return null;
  const exact = EXACT.get(bare);
  if (exact) return { role: exact, distance: 0, year };
  let best: HeaderMatch | null = null;
  for (const s of ALL) {
    if (s.tol === 0) continue;
    const d = editDistance(bare, s.text, s.tol);
    if (d <= s.tol && (!best || d < best.distance)) best = { role: s.role, distance: d, year };
  }
  return best;
}

export function isTableRole(role: ColumnRole): role is TableRole {
  return role in TABLE_SYNONYMS;
}

/** Every recognised label, by role, for the user guide (src/guide): the reader's own lists. */
export const LABEL_SYNONYMS: { readonly table: Readonly<Record<TableRole, readonly string[]>>; readonly card: Readonly<Record<HeaderField | ObjectivePerformanceRole, readonly string[]>> } = {
  table: TABLE_SYNONYMS,
  card: HEADER_SYNONYMS,
};
