// The PIRA document as a reader gets it: the example's .docx converted to text by
// LibreOffice (the independent reader) holds every objective's name and computed
// performance in Italian format, every indicator's name and Stato, in card order.
// LibreOffice must be installed: without it this test fails (it never skips).
import fs from "node:fs";
import path from "node:path";
import { buildPiraDocument } from "../../src/core/document";
import { renderDocx } from "../../src/adapters/docx";
import { exampleAnalysis, italianPercent, libreOfficeConvert, tmpDir } from "./helpers";
import { seed, SEED_PERFORMANCES } from "../reader/helpers";

jest.setTimeout(180_000);

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

let text = "";
let pdf = "";

beforeAll(async () => {
  const a = exampleAnalysis();
  const model = buildPiraDocument({ result: a.result, policy: a.policy, problems: a.problems, year: a.year, ente: "Camera di Commercio di Pistoia-Prato" });
  const dir = tmpDir("pira-lo-");
  const file = path.join(dir, "PIRA.docx");
  fs.writeFileSync(file, await renderDocx(model));
  const txt = libreOfficeConvert(file, "txt:Text (encoded):UTF8", dir);
  text = norm(fs.readFileSync(txt, "utf8").replace(/^\uFEFF/, ""));
  pdf = libreOfficeConvert(file, "pdf", dir);
});

/** Finds `needle` at or after `from`; fails with what was looked for. */
function after(from: number, needle: string, what: string): number {
  const at = text.indexOf(norm(needle), from);
  if (at < 0) throw new Error(`${what} not found after position ${from}: «${needle}»`);
  return at + norm(needle).length;
}

describe("the example's document read by LibreOffice", () => {
  it("has the title page, the placeholder sections marked, the classification, the roll-ups and the annex", () => {
    let at = after(0, "Camera di Commercio di Pistoia-Prato", "ente");
    at = after(at, "Piano degli indicatori e dei risultati attesi di bilancio", "title");
    at = after(at, "Consuntivo 2022", "phase and year");
    at = after(at, "Premessa", "premessa");
    at = after(at, "[Da compilare a cura dell'ufficio]", "placeholder mark");
    at = after(at, "Classificazione degli obiettivi per Missione e Programma", "classification");
    at = after(at, "Totale", "classification total");
    at = after(at, "Gli obiettivi operativi", "cards");
    at = after(at, "Risultati aggregati", "roll-ups");
    at = after(at, "Performance complessiva del piano: 97,08%", "plan performance");
    for (const h of ["Per Missione e Programma", "Per Missione", "Per ambito strategico", "Per obiettivo strategico", "Per area di responsabilità"]) at = after(at, h, h);
    at = after(at, "Allegato – Rettifiche e forzature", "annex");
    after(at, "Nessuna forzatura.", "overrides");
  });

  it("holds every objective's name and computed performance (Italian format), every indicator's name and Stato, in card order", () => {
    const a = exampleAnalysis();
    expect(a.result.objectives).toHaveLength(18);
    let at = after(0, "Gli obiettivi operativi", "cards section");
    let indicators = 0;
    a.result.objectives.forEach((o, k) => {
      const s = seed.obiettivi[k];
      expect(o.name).toBe(s.obiettivoOperativo);
      at = after(at, s.obiettivoOperativo, `objective ${k + 1} name`);
      s.indicatori.forEach((ind, j) => {
        at = after(at, ind.nome, `objective ${k + 1}, indicator ${j + 1} name`);
        // The Stato as printed in the seed (the published document), e.g. "0,6", "85%", "30/06/2022", "si", "n.d.".
        at = after(at, (ind.stato ?? "").trim(), `objective ${k + 1}, indicator ${j + 1} Stato`);
        indicators++;
      });
      expect(o.performance).not.toBeNull();
      expect(Math.abs(o.performance! * 100 - SEED_PERFORMANCES[k])).toBeLessThanOrEqual(0.01);
      at = after(at, `Performance dell'obiettivo: ${italianPercent(o.performance!)}`, `objective ${k + 1} performance`);
    });
    expect(indicators).toBe(136);
  });

  it("lists the seven corrections of the seed in the annex (Sito camerale 0% → 100%, Tasso di assenza 15% → 55,56%)", () => {
    const annex = text.slice(text.indexOf("Allegato – Rettifiche e forzature"));
    let at = 0;
    const find = (s: string) => {
      const k = annex.indexOf(norm(s), at);
      if (k < 0) throw new Error(`annex: «${s}» not found`);
      at = k + s.length;
    };
    find("Sito camerale");
    find("Architettura dell'informazione");
    find("0%");
    find("100%");
    find("Tasso di assenza");
    find("15%");
    find("55,56%");
    expect(annex.match(/OO\d\d [^–]+ – H\d+/g)).toHaveLength(7);
  });

  it("converts to a PDF of landscape pages with the title in its properties", () => {
    const bytes = fs.readFileSync(pdf).toString("latin1");
    expect(bytes.startsWith("%PDF")).toBe(true);
    expect(bytes).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]/);
  });
});
