// The document model (pure): the seed's structure, the phase, the ente, the annex's sources.
import { buildAnnex, buildPiraDocument, documentText, inferPhase, type DocumentModel } from "../../src/core/document";
import { defaultPolicy } from "../../src/core/policy";
import { exampleAnalysis, smallPlan } from "./helpers";

const headings = (m: DocumentModel, level: 1 | 2) => m.blocks.filter((b) => b.kind === "heading" && b.level === level).map((b) => (b as { text: string }).text);

describe("document model of the example", () => {
  const a = exampleAnalysis();
  const m = buildPiraDocument({ result: a.result, policy: a.policy, problems: a.problems, year: a.year, ente: "CCIAA Pistoia-Prato", generatedAt: new Date(2023, 3, 5), source: "piano.xlsx" });

  it("follows the seed: title page, premessa, programmazione, classification, cards, roll-ups, annex", () => {
    expect(headings(m, 1)).toEqual([
      "Premessa",
      "La programmazione 2022",
      "Classificazione degli obiettivi per Missione e Programma",
      "Gli obiettivi operativi",
      "Risultati aggregati",
      "Allegato – Rettifiche e forzature",
    ]);
    expect(headings(m, 2).slice(0, 18)).toEqual(a.result.objectives.map((o) => o.name));
    const text = documentText(m);
    expect(text.startsWith("CCIAA Pistoia-Prato\nPiano degli indicatori e dei risultati attesi di bilancio\nConsuntivo 2022\n")).toBe(true);
    expect(text).toContain("Documento generato da Piano Performance il 05/04/2023 dalla cartella «piano.xlsx».");
    expect(m.properties.title).toBe("Piano degli indicatori e dei risultati attesi di bilancio – Consuntivo 2022 – CCIAA Pistoia-Prato");
    expect(m.language).toBe("it-IT");
  });

  it("gives each card all its header fields and the indicator table with the seed's columns", () => {
    const text = documentText(m);
    for (const f of ["Missione: ", "Programma: ", "Ambito strategico: ", "Obiettivo strategico: ", "Obiettivo operativo: ", "Descrizione: ", "Risorse economiche: 335.374,13 €", "Area di responsabilità: ", "Ufficio: "]) {
      expect(text).toContain(f);
    }
    const tables = m.blocks.filter((b) => b.kind === "table");
    const cards = tables.filter((t) => t.kind === "table" && t.caption.startsWith("Indicatori dell'obiettivo"));
    expect(cards).toHaveLength(18);
    for (const t of cards) if (t.kind === "table") expect(t.columns.map((c) => c.header)).toEqual(["Indicatore", "Algoritmo", "Tipologia", "UdM", "Stato 2022", "Target 2022", "Performance", "Peso"]);
    expect(cards.reduce((n, t) => n + (t.kind === "table" ? t.rows.length : 0), 0)).toBe(136);
    const first = cards[0].kind === "table" ? cards[0].rows[0] : [];
    expect(first.slice(2)).toEqual(["Volume", "n.", "101", ">= 60", "100%", "12,5%"]);
    expect(text).toContain("Performance dell'obiettivo: 90,74% (verde)");
    expect(text).toContain("Performance dell'obiettivo: 80% (giallo)");
  });

  it("classifies by Missione and Programma with the resources and a total", () => {
    const t = m.blocks.find((b) => b.kind === "table" && b.caption === "Classificazione degli obiettivi per Missione e Programma");
    if (!t || t.kind !== "table") throw new Error("no classification table");
    expect(t.rows).toHaveLength(19);
    expect(t.rows[18]).toEqual(["Totale", "", "", "980.094,16 €", "97,08%"]);
    // Sorted by codes: 011 before 016 before 032; the card without Missione last.
    const missioni = t.rows.slice(0, 18).map((r) => r[0].slice(0, 3));
    expect(missioni.indexOf("016")).toBeGreaterThan(missioni.lastIndexOf("11 "));
    expect(t.rows[17][0]).toBe("(non indicato)");
    expect(t.rows.find((r) => r[2] === "Sito camerale")?.[3]).toBe("Risorse interne");
  });

  it("keeps the placeholders marked", () => {
    const ph = m.blocks.filter((b) => b.kind === "paragraph" && b.placeholder);
    expect(ph).toHaveLength(2);
    for (const p of ph) if (p.kind === "paragraph") expect(p.content[0]).toMatchObject({ text: "[Da compilare a cura dell'ufficio] ", placeholder: true });
    const noEnte = buildPiraDocument({ result: a.result, policy: a.policy, problems: a.problems });
    expect(noEnte.blocks[0]).toMatchObject({ kind: "paragraph", placeholder: true, content: [{ text: "[Denominazione dell'ente: da compilare a cura dell'ufficio]" }] });
  });
});

describe("phase", () => {
  it("is preventivo when no indicator has a Stato, consuntivo otherwise, unless given", () => {
    const planned = smallPlan({}, [{ name: "A", actual: "", target: 10 }]);
    expect(inferPhase(planned)).toBe("preventivo");
    expect(documentText(buildPiraDocument({ result: planned, policy: defaultPolicy(), problems: [] }))).toContain("Preventivo 2022");
    expect(documentText(buildPiraDocument({ result: planned, policy: defaultPolicy(), problems: [] }))).toContain("i progetti programmati nel 2022");
    const done = smallPlan({}, [{ name: "A", actual: 5, target: 10 }]);
    expect(inferPhase(done)).toBe("consuntivo");
    expect(documentText(buildPiraDocument({ result: done, policy: defaultPolicy(), problems: [], phase: "preventivo" }))).toContain("Preventivo 2022");
  });
});

describe("annex", () => {
  const a = exampleAnalysis();

  it("lists the seed's seven stated-vs-computed differences with names, original and computed values", () => {
    const annex = buildAnnex(a);
    expect(annex.rectifications).toHaveLength(7);
    const sito = annex.rectifications.find((r) => r.indicator === "Architettura dell'informazione")!;
    expect(sito).toMatchObject({ objective: "Sito camerale", original: 0, computed: 1 });
    expect(sito.cell).toBe("H19");
    const assenza = annex.rectifications.find((r) => r.indicator === "Tasso di assenza")!;
    expect(assenza.original).toBeCloseTo(0.15, 10);
    expect(assenza.computed).toBeCloseTo(0.5556, 4);
    expect(assenza.explanation).toContain("minore è meglio");
    expect(annex.overrides).toEqual([]);
  });

  it("takes kept originals and overrides from their sources, names looked up by sheet and cell, one entry per cell", () => {
    const sito = buildAnnex(a).rectifications.find((r) => r.indicator === "Architettura dell'informazione")!;
    const annex = buildAnnex(a, {
      rectifications: [{ sheet: sito.sheet, cell: sito.cell, original: "0%", computed: 1, explanation: "dichiarata 0%, calcolata 100%" }],
      overrides: [{ sheet: sito.sheet, cell: sito.cell, computed: 1, forced: 0.9, note: "Decisione OIV del 3/3/2023" }],
    });
    expect(annex.rectifications).toHaveLength(7);
    expect(annex.rectifications.find((r) => r.cell === sito.cell && r.sheet === sito.sheet)).toMatchObject({ original: "0%", objective: "Sito camerale", indicator: "Architettura dell'informazione" });
    expect(annex.overrides).toEqual([{ sheet: sito.sheet, cell: sito.cell, computed: 1, forced: 0.9, note: "Decisione OIV del 3/3/2023", objective: "Sito camerale", indicator: "Architettura dell'informazione" }]);
    const text = documentText(buildPiraDocument({ result: a.result, policy: a.policy, problems: a.problems, annex }));
    expect(text).toContain("Decisione OIV del 3/3/2023");
    expect(text).toMatch(/Architettura dell'informazione\t100%\t90%\tDecisione OIV/);
    expect(text).not.toContain("Nessuna forzatura.");
  });

  it("takes the forced values the engine applied («Performance forzata» with its note)", () => {
    const result = smallPlan({}, [
      { name: "Forzato", actual: 5, target: 10, forced: 0.9, note: "Decisione OIV" },
      { name: "Normale", actual: 10, target: 10 },
    ]);
    const annex = buildAnnex({ result, problems: [] });
    expect(annex.overrides).toEqual([expect.objectContaining({ objective: "Obiettivo di prova", indicator: "Forzato", computed: 0.5, forced: 0.9, note: "Decisione OIV" })]);
    expect(documentText(buildPiraDocument({ result, policy: defaultPolicy(), problems: [] }))).toMatch(/Forzato\t50%\t90%\tDecisione OIV/);
  });
});
