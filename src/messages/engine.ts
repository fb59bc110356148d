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
  needsBaseline: "serve la Baseline (valore di partenza) dell'indicatore",
  baselineEqualsTarget: "la Baseline coincide con il Target",
  needsThresholds: "serve la Soglia minima (e, se prevista, la Soglia massima) come numeri",
  thresholdsOrder: "Soglia minima, Target e Soglia massima devono essere in ordine (crescente o decrescente)",
  daysLateNeedsDates: "vale solo per indicatori con una scadenza (date)",
  ruleNotForDates: "non vale per indicatori con una scadenza (usare «giorni di ritardo» o «tutto o niente»)",
  bandSetUnknown: "l'insieme di fasce non è nelle impostazioni",
} as const;

const q = (s: string) => `«${s}»`;

/**
 * One Italian name per concept, used by the pane, the settings sheet, the summary, the CLI
 * and the README. Change a name here, nowhere else.
 */
export const VOCABULARY = {
  cap: "Limite massimo",
  objectiveCap: "Limite massimo dell'obiettivo",
  floor: "Performance minima",
  bands: "Fasce di punteggio",
  bandSets: "Insiemi di fasce",
  tolerance: "Scarto ammesso",
  thresholdTop: "Punteggio alla soglia massima",
  lateBands: "Fasce dei giorni di ritardo",
  lateDailyReduction: "Riduzione per giorno di ritardo",
  blankActual: "Stato vuoto",
  rollupMean: "Media negli aggregati",
  roundFirst: "Arrotondare prima delle fasce",
  override: "Forzatura",
  overrides: "Forzature",
  forcedPerformance: "Performance forzata",
  note: "Nota",
  notEvaluable: "non valutabile",
} as const;

/** How an objective's weights were read. */
export const WEIGHT_SCALE_NAMES = {
  fractions: "frazioni (0,5 = 50%)",
  percent: "percentuali",
  points: "punti percentuali (50 = 50%)",
  relative: "pesi relativi",
} as const;

/** The rules' names, as the «Regola» column, the pane and PIANO.PERF write them. */
export const RULE_NAMES = {
  ratio: "rapporto",
  inverse: "inverso",
  reflection: "scostamento",
  allOrNothing: "tutto o niente",
  baseline: "baseline",
  thresholds: "soglie",
  bands: "fasce",
  daysLate: "giorni di ritardo",
} as const;

/** Other ways the staff write a rule's name (matched without case or accents). */
export const RULE_SYNONYMS: Partial<Record<keyof typeof RULE_NAMES, string[]>> = {
  ratio: ["rapporto diretto", "maggiore e meglio", "stato/target", "a/t"],
  inverse: ["rapporto inverso", "minore e meglio", "target/stato", "t/a"],
  reflection: ["riflessione", "scostamento dal target", "2 - a/t"],
  allOrNothing: ["binaria", "binario", "raggiunto/non raggiunto", "raggiunto non raggiunto", "si/no", "on/off"],
  baseline: ["progressione", "dal valore di partenza", "valore di partenza", "avanzamento"],
  thresholds: ["soglia", "con soglie", "soglie minima e massima"],
  bands: ["fascia", "a fasce"],
  daysLate: ["ritardo", "giorni ritardo", "ritardo in giorni"],
};

/** What each rule does, in one line (pane, README, PIANO.PERF help). */
export const RULE_DESCRIPTIONS = {
  ratio: "Stato ÷ Target (maggiore è meglio)",
  inverse: "Target ÷ Stato (minore è meglio)",
  reflection: "2 − Stato ÷ Target (minore è meglio)",
  allOrNothing: "100% se il target è raggiunto, altrimenti 0%",
  baseline: "lineare dalla Baseline (0%) al Target (100%)",
  thresholds: "0% sotto la Soglia minima, 100% al Target, fino al punteggio massimo alla Soglia massima",
  bands: "il punteggio della fascia (fasce <nome>: l'insieme di fasce con quel nome)",
  daysLate: "punteggio secondo i giorni di ritardo sulla scadenza",
} as const;

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
  bounded: (p: string) => `, limitato al massimo interno di ${p}`,
  inverseZero: (a: string, t: string) => `${a} ≤ ${t}: raggiunto (Stato nullo), 100%`,
  baseline: (a: string, b: string, t: string, p: string) => `da ${b} (0%) a ${t} (100%): ${a} → ${p}`,
  thresholds: (a: string, min: string, t: string, max: string, p: string) => `soglie ${min} (0%) – ${t} (100%)${max ? ` – ${max}` : ""}: ${a} → ${p}`,
  allOrNothing: (a: string, t: string, ok: boolean) => `${a} rispetto al target ${t}: ${ok ? "raggiunto, 100%" : "non raggiunto, 0%"} (tutto o niente)`,
  daysLate: (a: string, t: string, days: number, p: string) =>
    days <= 0 ? `realizzato il ${a}, entro il ${t}: raggiunto` : `realizzato il ${a}, ${days} giorn${days === 1 ? "o" : "i"} dopo il ${t}: ${p}`,
  daysLateBand: (range: string) => ` (fascia ${range})`,
  daysLatePerDay: (per: string) => ` (${per} in meno per giorno)`,
  bandGap: (p: string) => `, ${p} non è in nessuna fascia (intervallo scoperto tra due fasce): non calcolabile`,
  bandRange: (range: string, score: string) => `, fascia ${range}: ${score}`,
  forced: (p: string, note: string, computed: string) => `performance forzata ${p} (${note}); calcolata: ${computed}`,
  notEvaluable: (note: string) => `non valutabile (${note}): escluso dalla media, pesi ricalcolati`,
  blankZero: "stato vuoto: letto come 0",
  blankZeroScore: "stato vuoto: contato come 0%",
  blankError: "stato vuoto: errore",
  objectiveCapped: (p: string) => `, limitata a ${p}`,
  floor: (p: string) => `, sotto la performance minima del ${p}: 0%`,
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
  ruleUnknown: (card: string, row: number, name: string, text: string, known: string) =>
    `${q(card)}, indicatore ${row} (${name}): regola ${q(text)} sconosciuta (ammesse: ${known}). L'indicatore è escluso dalla media.`,
  bandSetUnknown: (card: string, row: number, name: string, set: string, known: string) =>
    `${q(card)}, indicatore ${row} (${name}): l'insieme di fasce ${q(set)} non è nelle impostazioni (${known || "nessun insieme definito"}). L'indicatore è escluso dalla media.`,
  ruleNeeds: (card: string, row: number, name: string, rule: string, what: string) =>
    `${q(card)}, indicatore ${row} (${name}): la regola ${q(rule)} richiede ${what}. L'indicatore è escluso dalla media.`,
  ruleNotForValue: (card: string, row: number, name: string, rule: string, what: string) =>
    `${q(card)}, indicatore ${row} (${name}): la regola ${q(rule)} non si applica a ${what}. L'indicatore è escluso dalla media.`,
  bandGap: (card: string, row: number, name: string, p: string) =>
    `${q(card)}, indicatore ${row} (${name}): la performance ${p} cade tra due fasce (nessuna fascia la comprende). Correggere le fasce nelle impostazioni; l'indicatore è escluso dalla media.`,
  percentReading: (card: string, row: number, name: string, field: string, typed: string, used: string, other: string) =>
    `${q(card)}, indicatore ${row} (${name}): ${field} ${q(typed)} e ${q(other)} differiscono di circa 100 volte; ${field} è letto come ${used}. Scrivere il valore con il simbolo % per evitare dubbi.`,
  percentFormat: (card: string, row: number, name: string, field: string, typed: string, other: string) =>
    `${q(card)}, indicatore ${row} (${name}): ${field} ${q(typed)} è un numero, l'altro valore ${q(other)} è una percentuale: differiscono di circa 100 volte. Se ${field} è una percentuale scriverlo con il simbolo % (o indicare l'UdM «%»); il calcolo usa i numeri come sono.`,
  forcedWithoutNote: (card: string, row: number, name: string, forced: string) =>
    `${q(card)}, indicatore ${row} (${name}): la performance forzata ${q(forced)} non ha una nota: non è applicata, resta quella calcolata. Scrivere la motivazione nella colonna Nota.`,
  forcedUnreadable: (card: string, row: number, name: string, forced: string) =>
    `${q(card)}, indicatore ${row} (${name}): performance forzata ${q(forced)} non leggibile (serve una percentuale o «n.v.»): resta quella calcolata.`,
  forcedOutside: (card: string, row: number, name: string, forced: string, cap: string) =>
    `${q(card)}, indicatore ${row} (${name}): la performance forzata ${q(forced)} è fuori da 0%–${cap}: non è applicata, resta quella calcolata.`,
  forcedApplied: (card: string, row: number, name: string, forced: string, note: string) =>
    `${q(card)}, indicatore ${row} (${name}): performance forzata a ${forced} con nota ${q(note)}.`,
  notEvaluable: (card: string, row: number, name: string, note: string) =>
    `${q(card)}, indicatore ${row} (${name}): non valutabile con nota ${q(note)}: escluso dalla media, pesi ricalcolati.`,
  blankActualError: (card: string, row: number, name: string) =>
    `${q(card)}, indicatore ${row} (${name}): lo Stato è vuoto e le impostazioni non lo ammettono. Inserire il valore consuntivo o «n.d.».`,
  blankActualZero: (card: string, row: number, name: string) =>
    `${q(card)}, indicatore ${row} (${name}): lo Stato è vuoto ed è contato come 0 (impostazioni). Inserire il valore consuntivo se disponibile.`,
  weightsMixed: (card: string, scale: string) =>
    `${q(card)}: i pesi sono scritti in scale diverse (frazioni, percentuali, punti); sono letti tutti come ${scale}. Scriverli tutti allo stesso modo.`,
  weightsRelative: (card: string, sum: string) =>
    `${q(card)}: i pesi (somma ${sum}) sono letti come pesi relativi: ciascuno conta in proporzione alla somma.`,
  objectiveWeightUnreadable: (card: string, text: string) =>
    `${q(card)}: Peso obiettivo ${q(text)} non leggibile. Scrivere un peso come «20%»; nelle aggregazioni per peso obiettivo la scheda non conta.`,
  resourcesUnreadable: (card: string, text: string) =>
    `${q(card)}: Risorse economiche ${q(text)} non leggibili. Scrivere un importo (es. «16.000,00 €») o «Risorse interne».`,
} as const;

/** The policy's fields, as the settings pane names them. */
export const POLICY_FIELDS: Record<string, string> = {
  hiddenSheets: "fogli nascosti",
  "rules.>=": "regola per «≥»",
  "rules.<=": "regola per «≤» (minore è meglio)",
  "rules.=": "regola per «=»",
  cap: VOCABULARY.cap,
  objectiveCap: VOCABULARY.objectiveCap,
  floor: VOCABULARY.floor,
  roundFirst: VOCABULARY.roundFirst,
  thresholdTop: VOCABULARY.thresholdTop,
  lateBands: VOCABULARY.lateBands,
  lateDailyReduction: VOCABULARY.lateDailyReduction,
  blankActual: VOCABULARY.blankActual,
  dateRule: "regola delle scadenze",
  notAvailable: "trattamento di n.d.",
  rollupMean: VOCABULARY.rollupMean,
  roundBeforeWeighting: "arrotondamento prima della media",
  statedTolerance: VOCABULARY.tolerance,
  "thresholds.green": "soglia del verde",
  "thresholds.yellow": "soglia del giallo",
  bands: VOCABULARY.bands,
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
  badVersion: (v: string) => `Versione delle impostazioni ${v} sconosciuta (ammesse: 1, 2).`,
  bandSetsNotObject: `${VOCABULARY.bandSets}: serve un elenco di insiemi con un nome.`,
  bandSetName: (name: string) => `Fasce «${name}»`,
  badBandRange: (field: string, i: number, text: string) =>
    `${field}, fascia ${i}: «${text}» non si legge (scrivere per esempio «da 60% a 70%», «oltre 99%», «sotto 60%»).`,
  bandScoreOutside: (field: string, i: number, score: number, top: number) =>
    `${field}, fascia ${i}: il punteggio ${String(score).replace(".", ",")}% è fuori da 0%–${String(top).replace(".", ",")}% (il limite massimo).`,
  bandsOverlap: (field: string, a: number, b: number) => `${field}: le fasce ${a} e ${b} si sovrappongono; ogni valore deve cadere in una sola fascia.`,
  bandsGap: (field: string, a: number, b: number) => `${field}: tra le fasce ${a} e ${b} resta un intervallo scoperto; ogni valore deve cadere in una fascia.`,
  badLateRange: (i: number, text: string) => `Fascia di ritardo ${i}: «${text}» non si legge; scrivere per esempio «da 1 a 30 giorni», «fino a 30 giorni» oppure «oltre 30 giorni».`,
  badLateBand: (i: number) => `Fascia di ritardo ${i}: servono giorni «da» e «a» interi (da 1) e un punteggio tra 0% e il limite massimo.`,
  lateOverlap: (a: number, b: number) => `Fasce di ritardo ${a} e ${b}: si sovrappongono.`,
  lateGap: (a: number, b: number, from: number, to: number) => `Fasce di ritardo ${a} e ${b}: i giorni da ${from} a ${to} non sono in nessuna fascia.`,
} as const;

/** Roll-up group of objectives whose field is empty. */
export const UNSPECIFIED_LABEL = "(non indicato)";

/** `piano-perf … --regole SMVP.json`: a body's SMVP file. */
export const POLICY_FILE = {
  missingValue: "Dopo --regole indicare il file delle regole SMVP (per esempio --regole SMVP.json).",
  cannotRead: (f: string, why: string) => `Impossibile leggere il file delle regole ${f}: ${why}`,
  notJson: (f: string, why: string) => `Il file delle regole ${f} non è un JSON valido: ${why}`,
  invalid: (f: string, errors: string[]) => [`Il file delle regole ${f} non è valido:`, ...errors.map((e) => `  - ${e}`)].join("\n"),
  usage: "  --regole SMVP.json    applica le regole SMVP del file invece di quelle salvate nella cartella",
} as const;
