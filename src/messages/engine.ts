// Italian user-facing strings: engine (values, rules, validation).

/** Why a value could not be read. */
export const REASONS = {
  notFinite: "non è un numero finito",
  notRecognised: "non è un numero, una data, si/no o n.d.",
  looksLikeTime: "sembra un orario (hh:mm), non un numero",
  invalidDate: "non è una data di calendario valida",
  excelError: (code: string) => `la cella contiene l'errore di Excel ${code}`,
  boolVsNumber: "è si/no, ma il target è un numero",
  numberVsBool: "è un numero, ma il target è si/no",
  dateVsNumber: "è una data, ma il target è un numero",
  numberVsDate: "è un numero, ma il target è una data (indicare la data o l'UdM «data»)",
  yesVsDate: "è «si», ma il target è una data: indicare la data di realizzazione",
  targetMissing: "il target è vuoto",
  targetNa: "il target non è disponibile (n.d.)",
  operatorMissing: "manca l'operatore (>=, <= o =)",
} as const;

const q = (s: string) => `«${s}»`;

/** One-line explanations of a computed performance. */
export const EXPLAIN = {
  ratioAchieved: (a: string, t: string) => `${a} ≥ ${t}: raggiunto`,
  ratio: (a: string, t: string, p: string) => `${a} / ${t} = ${p}`,
  inverseAchieved: (a: string, t: string) => `${a} ≤ ${t}: raggiunto`,
  inverse: (t: string, a: string, p: string) => `${t} / ${a} = ${p} (minore è meglio)`,
  reflection: (a: string, t: string, p: string) => `2 − ${a} / ${t} = ${p} (minore è meglio)`,
  zeroTarget: (a: string, t: string, ok: boolean) => `${a} rispetto al target ${t}: ${ok ? "raggiunto" : "non raggiunto"}`,
  equal: (a: string, t: string, ok: boolean) => (ok ? `${a} = ${t}: raggiunto` : `${a} diverso da ${t}: non raggiunto`),
  dateOnTime: (a: string, t: string) => `realizzato il ${a}, entro il ${t}: raggiunto`,
  dateLate: (a: string, t: string, da: number, dt: number, p: string) => `realizzato il ${a}, oltre il ${t}: ${dt}/${da} = ${p}`,
  dateLateZero: (a: string, t: string) => `realizzato il ${a}, oltre il ${t}: in ritardo, 0%`,
  dateEarlyGe: (a: string, t: string, da: number, dt: number, p: string) => `realizzato il ${a}, prima del ${t}: ${da}/${dt} = ${p}`,
  dateNotDone: (t: string) => `non realizzato (scadenza ${t}): 0%`,
  cap: (p: string) => `, limitato a ${p}`,
  floor: (p: string) => `, sotto la soglia minima del ${p}: 0%`,
  band: (from: string, to: string, score: string) => `, fascia ${from}–${to}: ${score}`,
  rounded: (p: string) => `, arrotondato a ${p}`,
  notAvailableExcluded: "n.d.: escluso dalla media, pesi ricalcolati",
  notAvailableZero: "n.d.: contato come 0%",
  blank: "stato vuoto: escluso dalla media",
  unreadable: (what: string, text: string, reason: string) => `${what} ${q(text)} non leggibile: ${reason}`,
  percentPoints: (x: string) => ` (${x} letto come percentuale)`,
  objective: (n: number, p: string) => `media pesata di ${n} indicator${n === 1 ? "e" : "i"}: ${p}`,
  objectiveExcluded: (k: number) => `; ${k} esclus${k === 1 ? "o" : "i"} (n.d. o non leggibil${k === 1 ? "e" : "i"}), pesi ricalcolati`,
  objectiveNone: "nessun indicatore disponibile: performance non calcolabile",
} as const;

export const FIELD_LABELS = {
  actual: "Stato",
  target: "Target",
  weight: "Peso",
  operator: "Operatore",
  stated: "Performance",
  missione: "Missione",
  programma: "Programma",
  ambitoStrategico: "Ambito strategico",
  obiettivoStrategico: "Obiettivo strategico",
  obiettivoOperativo: "Obiettivo operativo",
  risorseEconomiche: "Risorse economiche",
  areaResponsabilita: "Area di responsabilità",
  ufficio: "Ufficio",
} as const;

/** Problem messages: each names the value and says what to do. */
export const PROBLEMS = {
  unreadable: (card: string, row: number, name: string, field: string, text: string, reason: string) =>
    `${q(card)}, indicatore ${row} (${name}): ${field} ${q(text)} non leggibile: ${reason}. Correggere la cella; l'indicatore è escluso dalla media.`,
  blankActual: (card: string, row: number, name: string) =>
    `${q(card)}, indicatore ${row} (${name}): lo Stato è vuoto. Inserire il valore consuntivo o «n.d.»; l'indicatore è escluso dalla media.`,
  operatorInvalid: (card: string, row: number, name: string, text: string) =>
    `${q(card)}, indicatore ${row} (${name}): operatore ${q(text)} non valido. Usare >=, <= oppure =.`,
  operatorMissing: (card: string, row: number, name: string, assumed: string) =>
    `${q(card)}, indicatore ${row} (${name}): manca l'operatore; è stato assunto ${assumed}. Indicarlo nella colonna Operatore o davanti al target (es. «>= 60»).`,
  operatorConflict: (card: string, row: number, name: string, cellOp: string, targetOp: string) =>
    `${q(card)}, indicatore ${row} (${name}): l'operatore ${q(cellOp)} non coincide con quello scritto nel target ${q(targetOp)}; è usato ${q(cellOp)}.`,
  weightUnreadable: (card: string, row: number, name: string, text: string) =>
    `${q(card)}, indicatore ${row} (${name}): peso ${q(text)} non leggibile. Scrivere un peso come «12,5%»; l'indicatore è escluso dalla media.`,
  weightSum: (card: string, sum: string) =>
    `${q(card)}: la somma dei pesi è ${sum}, non 100%. Correggere i pesi (la media è comunque calcolata con i pesi ricalcolati).`,
  statedMismatch: (card: string, row: number, name: string, stated: string, computed: string, explanation: string) =>
    `${q(card)}, indicatore ${row} (${name}): la performance indicata è ${stated}, quella calcolata è ${computed} [${explanation}]. Verificare il valore.`,
  noIndicators: (card: string) => `${q(card)}: la scheda non ha indicatori. Aggiungere la tabella degli indicatori.`,
  noPerformance: (card: string) => `${q(card)}: nessun indicatore ha una performance disponibile; l'obiettivo non ha performance.`,
  fieldMissing: (card: string, field: string) => `${q(card)}: manca ${field}. Compilare il campo nella scheda.`,
  missioneFromProgramma: (card: string, programma: string, missione: string) =>
    `${q(card)}: manca la Missione; il Programma ${programma} appartiene alla Missione ${missione}. Indicarla nella scheda.`,
  pairInvalid: (card: string, missione: string, programma: string, allowed: string) =>
    `${q(card)}: la coppia Missione ${missione} – Programma ${programma} non è tra quelle previste per le Camere di commercio (DM MEF 27/3/2013: ${allowed}). Verificare Missione e Programma.`,
  pairMoved: (card: string, missione: string, programma: string, target: string) =>
    `${q(card)}: il Programma ${missione}-${programma} non è più in uso: le sue attività rientrano nel ${target}. Aggiornare il Programma.`,
  codeUnreadable: (card: string, field: string, text: string) =>
    `${q(card)}: ${field} ${q(text)} non inizia con un codice numerico (es. «011 - …»). Indicare il codice.`,
  resourcesUnreadable: (card: string, text: string) =>
    `${q(card)}: Risorse economiche ${q(text)} non leggibili. Scrivere un importo (es. «16.000,00 €») o «Risorse interne».`,
} as const;

/** The policy's fields, as the settings pane names them. */
export const POLICY_FIELDS: Record<string, string> = {
  "rules.>=": "regola per «≥»",
  "rules.<=": "regola per «≤» (minore è meglio)",
  "rules.=": "regola per «=»",
  cap: "limite massimo della performance",
  floor: "soglia minima",
  dateRule: "regola delle scadenze",
  notAvailable: "trattamento di n.d.",
  rollupMean: "media delle aggregazioni",
  roundBeforeWeighting: "arrotondamento prima della media",
  statedTolerance: "tolleranza sulla performance dichiarata",
  "thresholds.green": "soglia del verde",
  "thresholds.yellow": "soglia del giallo",
  bands: "fasce di punteggio",
};

/** Errors in policy data read from a workbook or a file. */
export const POLICY_ERRORS = {
  notAnObject: "Le impostazioni salvate nella cartella non sono leggibili: sono usate quelle predefinite.",
  notAllowed: (field: string, value: string, allowed: string) => `Valore non ammesso per ${field}: ${value} (ammessi: ${allowed}).`,
  notFraction: (field: string, value: string) => `${field}: serve una percentuale tra 0% e 1000%, non ${value}.`,
  notBoolean: (field: string) => `${field}: serve sì o no.`,
  yellowAboveGreen: "La soglia del giallo non può superare quella del verde.",
  bandsNotList: (field: string) => `${field}: serve un elenco di fasce.`,
  badBand: (i: number) => `Fascia ${i}: servono «da» minore di «a» e un punteggio.`,
} as const;

/** Roll-up group of objectives whose field is empty. */
export const UNSPECIFIED_LABEL = "(non indicato)";
