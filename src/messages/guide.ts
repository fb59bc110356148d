// Italian user-facing strings: the user guide shipped by the build (dist/guida.html, built by
// scripts/guide-plugin.js from src/guide/render.ts) and the pane's link to it. The lists of
// recognised labels come from src/core/reader/labels.ts and the functions from functions.json,
// so the guide never disagrees with what the add-in reads and offers.
import { DOCUMENT } from "./document";
import { VOCABULARY } from "./engine";
import { READER, WRITEBACK } from "./workbook";

export const GUIDE = {
  title: "Piano Performance — guida d'uso",
  intro:
    "Piano Performance è un componente aggiuntivo di Excel per chi cura il Piano degli indicatori e dei risultati attesi di bilancio (PIRA) e la relazione sulla performance. Lavora sulla cartella di lavoro di sempre: la controlla, calcola la performance degli indicatori e degli obiettivi secondo le regole del Sistema di misurazione e valutazione (SMVP) dell'ente e prepara il riepilogo da consegnare.",
  toc: "In questa pagina",
  cardHeading: "Com'è fatta una scheda",
  cardText: [
    "Una scheda descrive un obiettivo operativo. In alto, una voce per riga con il valore nella cella accanto: Missione, Programma, Ambito strategico, Obiettivo strategico, Obiettivo operativo, Area di responsabilità, Ufficio, Risorse economiche (e, se ci sono, Descrizione, Benefici attesi, Unità organizzative coinvolte, Peso obiettivo).",
    "Sotto, la tabella degli indicatori: una riga di intestazione (Indicatori, Tipologia, UdM, Stato, Operatore, Target, Performance, Peso) e una riga per indicatore. Le colonne Stato, Target e Peso sono indispensabili; l'operatore (>=, <= o =) può stare nella sua colonna o davanti al target («>= 60»).",
    "Accanto alla voce «Performance obiettivo», nella cella subito a destra, il componente scrive la performance pesata dell'obiettivo; nella colonna Performance quella di ogni indicatore. Non scrive mai in celle che contengono un testo che non ha scritto lui.",
    "Lo stesso piano può stare anche in un'unica tabella, una riga per indicatore, con le colonne della gerarchia (Missione, Programma, Obiettivo strategico, Obiettivo operativo, Area…) accanto a quelle degli indicatori.",
  ],
  labelsHeading: "Voci e intestazioni riconosciute",
  labelsText:
    "Maiuscole, accenti, punteggiatura e un anno in coda («Stato 2022», «Target anno 2023») non contano. Nelle intestazioni della tabella è tollerato un errore di battitura di una lettera (due per i nomi lunghi); le voci della scheda vanno scritte come qui sotto.",
  labelsCardCaption: "Voci della scheda (e colonne della gerarchia nella tabella unica)",
  labelsTableCaption: "Colonne della tabella degli indicatori",
  labelsColumnRole: "Voce",
  labelsColumnSynonyms: "Si riconosce anche come",
  // The names the reader's messages, the document and the write-back already use (one name
  // per concept); only the per-indicator columns without a message of their own are here.
  roleNames: {
    ...READER.columnNames,
    rule: "Regola",
    baseline: "Baseline",
    thresholdMin: "Soglia minima",
    thresholdMax: "Soglia massima",
    forced: VOCABULARY.forcedPerformance,
    note: VOCABULARY.note,
    ...DOCUMENT.fields,
    objectiveWeight: "Peso obiettivo",
    objectivePerformance: WRITEBACK.objectiveCell,
  } as Record<string, string>,
  panelsHeading: "Il riquadro attività",
  panelsText: "Si apre dalla scheda Home con il pulsante «Piano Performance». Ha quattro sezioni:",
  panels: [
    ["Calcola", "«Calcola performance» legge tutte le schede, calcola la performance di ogni indicatore e di ogni obiettivo e la scrive nelle celle Performance e «Performance obiettivo», dopo averne salvato il contenuto: «Ripristina» rimette tutto com'era. Mostra gli obiettivi con la loro performance e le aggregazioni (obiettivo strategico, ambito, area, missione e programma)."],
    ["Verifica", "Controlla la struttura senza scrivere nulla: ogni problema è descritto in italiano con foglio e cella, e un clic sul problema seleziona la cella."],
    ["Riepilogo", "Costruisce (o aggiorna) il foglio «Riepilogo performance» con le tabelle, i semafori, il grafico e l'elenco dei problemi con i collegamenti alle celle."],
    ["Impostazioni", "Le regole del SMVP dell'ente: tetto della performance, convenzione per gli indicatori «meno è meglio», soglie e fasce, regola delle date, trattamento degli n.d., arrotondamento, soglie del semaforo. Sono salvate nella cartella (foglio «Impostazioni Piano Performance») e valgono anche per le funzioni e per la riga di comando. «Diagnostica», in fondo, prova su un foglio temporaneo (creato e poi eliminato, senza toccare i fogli dell'utente) come questo Excel legge e scrive numeri, percentuali, date, testi, errori e celle unite, e dà un rapporto da copiare per l'ufficio informatico; nell'anteprima nel browser la stessa prova gira sul modello di Excel del componente, non su un Excel reale."],
  ] as Array<[string, string]>,
  functionsHeading: "Le funzioni nelle celle",
  functionsText:
    "Si scrivono come le funzioni di Excel, con il prefisso PIANO. (per esempio =PIANO.PERF(E19; F19; G19)) e seguono le impostazioni salvate nella cartella. «n.d.» dà #N/D; un valore che non si legge dà #VALORE! con il nome dell'argomento.",
  functionArgs: "Argomenti",
  functionOptional: "facoltativo",
  neverHeading: "Che cosa il componente non fa mai",
  never: [
    "Non invia nulla in rete: i dati della cartella non lasciano il computer (né il componente, né le funzioni, né l'anteprima fanno chiamate verso altri server).",
    "Non scrive fuori dalle celle che gli spettano (Performance, «Performance obiettivo») e dai fogli che ha creato lui, riconosciuti dal loro contrassegno e non dal nome.",
    "Non sovrascrive un testo che non ha scritto: se la cella di destinazione contiene altro, segnala il problema e la lascia com'è.",
    "Non cancella né rinomina i fogli dell'utente, e non modifica mai il file aperto dalla riga di comando (la copia si scrive con --out).",
    "Non dà un numero senza dire come l'ha ottenuto: ogni lettura incerta è un avviso sulla sua cella.",
  ],
  footer: "Questa guida è generata con la build dalle stesse regole che il componente usa per leggere le schede.",
};
