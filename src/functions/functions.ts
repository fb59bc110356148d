// The PIANO.* custom functions. custom-functions-metadata-plugin reads the JSDoc below to
// write functions.json and appends one CustomFunctions.associate call per @customfunction
// at build time: none is written here (a second one would register the function twice).
// Only top-level `function` declarations are picked up; parameter types stay plain
// (no Date, no aliases or interfaces), and optional arguments arrive as null.
// The work is done in evaluate.ts over the engine; here errors become Excel errors.
import { getFunctionsPolicy } from "./policyState";
import { FunctionError, NOT_AVAILABLE, explanation, gap, light, numberOf, performance as indicatorPerformance, weighted } from "./evaluate";

/**
 * Operatore di confronto tra stato e target.
 * @customenum {string}
 */
enum Operatore {
  /** maggiore o uguale: più alto è meglio (lo stato deve raggiungere il target) */
  MaggioreUguale = ">=",
  /** minore o uguale: più basso è meglio (tempi, costi, scadenze) */
  MinoreUguale = "<=",
  /** uguale: raggiunto solo se lo stato coincide con il target (si/no, valori esatti) */
  Uguale = "=",
}

/**
 * Unità di misura dell'indicatore, come nella colonna UdM della scheda.
 * @customenum {string}
 */
enum UdM {
  /** data: stato e target sono date (scadenze); senza udm due date sono riconosciute se entrambe plausibili */
  Data = "data",
  /** percentuale: stato e target sono percentuali */
  Percentuale = "%",
  /** numero: stato e target sono numeri (mai letti come date) */
  Numero = "n.",
  /** si/no: raggiunto o non raggiunto */
  SiNo = "si/no",
}

/**
 * Regola di calcolo dell'indicatore, come la colonna «Regola» della scheda.
 * @customenum {string}
 */
enum Regola {
  /** rapporto: Stato ÷ Target (maggiore è meglio) */
  Rapporto = "rapporto",
  /** inverso: Target ÷ Stato (minore è meglio) */
  Inverso = "inverso",
  /** scostamento: 2 − Stato ÷ Target (minore è meglio) */
  Scostamento = "scostamento",
  /** tutto o niente: 100% se il target è raggiunto, altrimenti 0% */
  TuttoONiente = "tutto o niente",
  /** baseline: lineare dalla Baseline (0%) al Target (100%) */
  Baseline = "baseline",
  /** soglie: 0% alla Soglia minima, 100% al Target, il punteggio massimo alla Soglia massima */
  Soglie = "soglie",
  /** fasce: le fasce di punteggio delle impostazioni (oppure "fasce <nome>") */
  Fasce = "fasce",
  /** giorni di ritardo: secondo i giorni di ritardo sulla scadenza */
  GiorniDiRitardo = "giorni di ritardo",
}

let notAvailable: CustomFunctions.Error | undefined;

/** Throws the Excel error; the frequent n.d. case reuses one error object. */
function fail(e: FunctionError): never {
  if (e === NOT_AVAILABLE) {
    notAvailable ??= new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, e.message);
    throw notAvailable;
  }
  // Excel shows a custom message only for #VALUE! and #N/A (docs/excel/custom-functions-errors.md).
  switch (e.code) {
    case "#N/A":
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, e.message);
    case "#DIV/0!":
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    case "#NUM!":
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case "#NULL!":
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.nullReference);
    default:
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
  }
}

/**
 * Performance dell'indicatore (come frazione: 1 = 100%) secondo le regole del piano: lo stato confrontato con il target con l'operatore. Restituisce #N/D se lo stato è n.d., #VALORE! se un valore non è leggibile.
 * @customfunction PERF
 * @helpurl guida.html#funzioni-perf
 * @param stato Valore consuntivo dell'indicatore (Stato): numero, percentuale, data, si/no oppure n.d.
 * @param operatore Operatore: >=, <= oppure =. Lasciarlo vuoto ("") se il target lo contiene già, per esempio ">= 60".
 * @param target Valore atteso (Target), eventualmente preceduto dall'operatore.
 * @param [udm] Unità di misura della scheda (data, %, n., si/no…): con "data" i numeri sono letti come date; senza udm due date sono riconosciute da sole.
 * @param [regola] Regola di calcolo dell'indicatore (rapporto, inverso, scostamento, tutto o niente, baseline, soglie, fasce <nome>, giorni di ritardo); vuota: la regola delle impostazioni per l'operatore.
 * @param [baseline] Valore di partenza dell'indicatore, per la regola baseline.
 * @param [sogliaMinima] Soglia minima dell'indicatore, per la regola soglie.
 * @param [sogliaMassima] Soglia massima dell'indicatore, per la regola soglie (facoltativa).
 * @returns La performance come frazione (formattare la cella come percentuale).
 */
export function perf(
  stato: number | string | boolean | null,
  operatore: Operatore,
  target: number | string | boolean | null,
  udm?: UdM,
  regola?: Regola,
  baseline?: number | string | null,
  sogliaMinima?: number | string | null,
  sogliaMassima?: number | string | null,
): number {
  const rule = regola == null && baseline == null && sogliaMinima == null && sogliaMassima == null ? undefined : { regola, baseline, sogliaMinima, sogliaMassima };
  const r = indicatorPerformance(stato, operatore, target, udm, getFunctionsPolicy(), rule);
  if (typeof r === "number") return r;
  return fail(r);
}

/**
 * Spiegazione in italiano della performance dell'indicatore, la stessa del riquadro attività (per esempio "3 / 10 = 30%"), da affiancare alla colonna Performance.
 * @customfunction SPIEGAZIONE
 * @helpurl guida.html#funzioni-spiegazione
 * @param stato Valore consuntivo dell'indicatore (Stato): numero, percentuale, data, si/no oppure n.d.
 * @param operatore Operatore: >=, <= oppure =. Lasciarlo vuoto ("") se il target lo contiene già, per esempio ">= 60".
 * @param target Valore atteso (Target), eventualmente preceduto dall'operatore.
 * @param [udm] Unità di misura della scheda (data, %, n., si/no…): con "%" i numeri sono mostrati come percentuali, con "data" come date.
 * @param [formato_stato] Formato della cella dello stato, per leggerla come nel riquadro: CELLA("formato"; E17) (P0 = percentuale, D1 = data) oppure un formato come "0%".
 * @param [formato_target] Formato della cella del target, come formato_stato: CELLA("formato"; G17) oppure un formato come "gg/mm/aaaa".
 * @param [regola] Regola di calcolo dell'indicatore, come in PIANO.PERF (rapporto, inverso, scostamento, tutto o niente, baseline, soglie, fasce <nome>, giorni di ritardo); vuota: la regola delle impostazioni per l'operatore.
 * @param [baseline] Valore di partenza dell'indicatore, per la regola baseline.
 * @param [sogliaMinima] Soglia minima dell'indicatore, per la regola soglie.
 * @param [sogliaMassima] Soglia massima dell'indicatore, per la regola soglie (facoltativa).
 * @returns La spiegazione del calcolo, come testo.
 */
export function spiegazione(
  stato: number | string | boolean | null,
  operatore: Operatore,
  target: number | string | boolean | null,
  udm?: UdM,
  formato_stato?: string,
  formato_target?: string,
  regola?: Regola,
  baseline?: number | string | null,
  sogliaMinima?: number | string | null,
  sogliaMassima?: number | string | null,
): string {
  // The same rule arguments as PIANO.PERF, after the two format hints (formulas written before them keep working).
  const rule = regola == null && baseline == null && sogliaMinima == null && sogliaMassima == null ? undefined : { regola, baseline, sogliaMinima, sogliaMassima };
  const r = explanation(stato, operatore, target, udm, getFunctionsPolicy(), { actual: formato_stato, target: formato_target }, rule);
  if (typeof r === "string") return r;
  return fail(r);
}

/**
 * Performance pesata di un obiettivo: media delle performance pesata con i pesi, escludendo n.d., celle vuote e celle in errore e ricalcolando i pesi, come nel calcolo della scheda.
 * @customfunction PESATA
 * @helpurl guida.html#funzioni-pesata
 * @param performance Intervallo delle performance degli indicatori (frazioni o percentuali, per esempio i risultati di PIANO.PERF).
 * @param pesi Intervallo dei pesi, delle stesse dimensioni (per esempio 12,5%).
 * @returns La performance pesata come frazione.
 */
export function pesata(performance: Array<Array<number | string | boolean | null>>, pesi: Array<Array<number | string | boolean | null>>): number {
  const r = weighted(performance, pesi, getFunctionsPolicy());
  if (typeof r === "number") return r;
  return fail(r);
}

/**
 * Semaforo di una performance secondo le soglie del piano: verde, giallo o rosso.
 * @customfunction SEMAFORO
 * @helpurl guida.html#funzioni-semaforo
 * @param performance Performance come frazione o percentuale (per esempio il risultato di PIANO.PERF).
 * @returns "verde", "giallo" oppure "rosso".
 */
export function semaforo(performance: number | string | boolean | null): string {
  const r = light(performance, getFunctionsPolicy());
  if (typeof r === "string") return r;
  return fail(r);
}

/**
 * Il numero rappresentato da un testo scritto all'italiana: "5.441" dà 5441, "12,5%" dà 0,125, "30/06/2022" dà la data come numero seriale.
 * @customfunction VALORE
 * @helpurl guida.html#funzioni-valore
 * @param testo Testo da convertire (numero, percentuale o data in formato italiano).
 * @returns Il numero corrispondente (per le date, il numero seriale: formattare la cella come data).
 */
export function valore(testo: number | string | boolean | null): number {
  const r = numberOf(testo);
  if (typeof r === "number") return r;
  return fail(r);
}

/**
 * Differenza stato − target, nella stessa unità (giorni per le date, frazione per le percentuali); positiva se lo stato supera il target. Non è la regola «scostamento» di PIANO.PERF (2 − stato ÷ target): è solo la distanza dal target.
 * @customfunction SCOSTAMENTO
 * @helpurl guida.html#funzioni-scostamento
 * @param stato Valore consuntivo dell'indicatore (Stato).
 * @param target Valore atteso (Target); l'eventuale operatore davanti è ignorato.
 * @param [udm] Unità di misura della scheda (data, %, n., si/no…): con "data" i numeri sono letti come date; senza udm due date sono riconosciute da sole.
 * @returns La differenza stato − target (giorni di ritardo per le date), non una performance.
 */
export function scostamento(stato: number | string | boolean | null, target: number | string | boolean | null, udm?: UdM): number {
  const r = gap(stato, target, udm);
  if (typeof r === "number") return r;
  return fail(r);
}
