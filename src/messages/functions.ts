// Italian user-facing strings: functions (the PIANO.* custom functions' error messages).
// Excel shows a custom message only for #VALUE! and #N/A, in the cell's error menu:
// each message names the argument at fault and says what to do.
// (The functions' descriptions and parameter help live in the JSDoc of
// src/functions/functions.ts, where custom-functions-metadata reads them.)

const q = (s: string) => `«${s}»`;

export const FUNCTION_MESSAGES = {
  /** #N/A for an n.d. value: the wording the issue pins. */
  notAvailable: "dato non disponibile",
  notAvailableInput: "un argomento è #N/D (dato non disponibile)",
  dataType: "è un tipo di dati (per esempio Azioni o Geografia), non un valore: usare un suo campo, per esempio =A1.Prezzo",
  blankActual: "stato vuoto: inserire il valore consuntivo oppure «n.d.»",
  blankPerformance: "performance vuota: nessun semaforo",
  targetBlank: "il target è vuoto",
  notFinite: "il risultato non è un numero finito: controllare stato e target (un target quasi nullo?)",
  blankText: "cella vuota: nessun valore da convertire",
  operatorInvalid: (text: string) => `operatore ${q(text)} non valido: usare >=, <= oppure =`,
  operatorMissing: "manca l'operatore: indicarlo nell'argomento operatore (>=, <= o =) oppure davanti al target, per esempio \">= 60\"",
  /** A value that cannot be read: `arg` is the parameter's name (stato, target, testo…). */
  unreadable: (arg: string, text: string, reason: string) => `${arg} ${q(text)} non leggibile: ${reason}`,
  excelError: (arg: string, code: string) => `${arg}: la cella contiene l'errore di Excel ${code}`,
  sizeMismatch: (pr: number, pc: number, wr: number, wc: number) =>
    `performance (${pr}×${pc}) e pesi (${wr}×${wc}) devono essere intervalli delle stesse dimensioni`,
  performanceNotNumber: (index: number, text: string) =>
    `performance: il valore n. ${index} ${q(text)} non è una percentuale; lasciare la cella vuota, «n.d.» o una performance come 85%`,
  weightUnreadable: (index: number, text: string) =>
    `pesi: il valore n. ${index} ${q(text)} non è un peso; scrivere un peso come 12,5% o lasciare la cella vuota`,
  noPerformance: "nessuna performance disponibile: gli indicatori sono tutti n.d., vuoti, in errore o con peso nullo",
  notPerformance: (text: string) => `performance ${q(text)} non è una percentuale: usare un valore come 85% o il risultato di PIANO.PERF`,
  boolNotNumber: (text: string) => `testo ${q(text)} è un si/no, non un numero`,
  gapNotComparable: (a: string, t: string) => `stato ${q(a)} e target ${q(t)} non sono confrontabili: servono due numeri o due date`,
  gapBool: "lo scostamento non si calcola su valori si/no",
  ruleUnknown: (text: string) =>
    `regola ${q(text)} sconosciuta: usare rapporto, inverso, scostamento, tutto o niente, baseline, soglie, fasce <nome> o giorni di ritardo`,
  /** PIANO.SPIEGAZIONE: a rule name where a cell format goes (a PIANO.PERF formula copied as is). */
  ruleInFormatArgument: (text: string) =>
    `${q(text)} è una regola, non un formato: in PIANO.SPIEGAZIONE la regola è il 7° argomento, dopo formato_stato e formato_target (lasciarli vuoti: ""`+`)`,
} as const;

/** Argument names as the functions' metadata spells them, for messages. */
export const ARGUMENT_NAMES = {
  actual: "stato",
  target: "target",
  operator: "operatore",
  text: "testo",
  performance: "performance",
} as const;
