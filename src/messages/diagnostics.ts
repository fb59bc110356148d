// Italian user-facing strings: «Diagnostica» (Impostazioni). Identifiers in English.
export const DIAGNOSTICS = {
  heading: "Diagnostica",
  intro:
    "Verifica, su un foglio temporaneo che viene creato e poi eliminato, come questo Excel legge e scrive i dati del componente aggiuntivo. " +
    "I fogli dell'utente non vengono toccati; l'eliminazione del foglio temporaneo svuota però la cronologia di Annulla (Ctrl+Z).",
  run: "Esegui diagnostica",
  copy: "Copia il rapporto",
  copied: "Rapporto copiato negli appunti.",
  reportLabel: "Rapporto della diagnostica",
  scratchSheet: "Diagnostica Piano Performance",
  passed: "superato",
  failed: "non superato",
  checks: {
    number: "Numero",
    percent: "Percentuale",
    date: "Data (numero seriale)",
    text: "Testo che sembra una formula",
    error: "Errore di Excel (#N/D)",
    merge: "Celle unite",
    restore: "Scrittura e «Ripristina»",
    undoGroup: "Modifiche in un unico passaggio annullabile",
    budget: "Limite di 5 MB per richiesta",
  },
  got: (what: string) => `letto: ${what}`,
  mergesSkipped: "non lette: su Excel per Windows la lettura svuoterebbe la cronologia di Annulla",
  mergesUnsupported: "non disponibili prima di ExcelApi 1.13",
  undoGroupUnavailable: "non disponibile (ExcelApi 1.20 assente o rifiutato da Excel)",
  budget: (budget: number, perAction: number) => `richieste suddivise sotto ${Math.round(budget / 1024)} KB, ${perAction} byte per azione`,
  previewNote: "Nell'anteprima nel browser le prove girano sul modello di Excel del componente aggiuntivo, non su un Excel reale: il rapporto mostra com'è, non dice nulla dell'Excel dell'ente.",
  modelVersion: "(modello)",
  modelEnvironment: (environment: string) =>
    `Anteprima nel browser: prove eseguite sul modello di Excel del componente aggiuntivo (costruito dalla documentazione Microsoft), non su un Excel reale. Modello: ${environment}`,
  line: (name: string, ok: boolean, detail: string) => `${ok ? "OK" : "NO"} · ${name}${detail ? ` — ${detail}` : ""}`,
} as const;
