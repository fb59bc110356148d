// The PIRA document titled by the workbook's phase (issue 12): a monitoring workbook is not a
// «Consuntivo» — «Monitoraggio al 30/06/2023»; a triennial preventivo «Preventivo 2023–2025»;
// a consuntivo «Consuntivo 2022». Title page, file properties and footer alike, through the
// same step the CLI (`piano-perf documento`), the pane and the preview use (piraDocx).
import { analyzeWorkbook } from "../../src/core/reader";
import { buildPiraDocument, documentText } from "../../src/core/document";
import { piraDocx } from "../../src/adapters/docx";
import { docxParts } from "../document/helpers";
import { gridViaFile, tmpDir } from "../reader/helpers";
import { cardWorkbook, type Row } from "./workbooks";

const dir = tmpDir("phase-document-");

async function analysisOf(headers: string[], rows: Row[], name: string) {
  const wb = cardWorkbook([{ sheet: "S1", name: "Digitalizzazione", headers, rows }]);
  return analyzeWorkbook((await gridViaFile(wb, dir, name)).grid);
}

/** The title page's phase line, the file's title and the footer, as the .docx carries them. */
async function titles(a: Awaited<ReturnType<typeof analysisOf>>) {
  const { bytes } = await piraDocx(a, { ente: "CCIAA di Prova" });
  const parts = docxParts(bytes);
  const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  const footer = Object.entries(parts).filter(([k]) => /^word\/footer\d*\.xml$/.test(k)).map(([, v]) => text(v)).join(" ");
  return { body: text(parts["word/document.xml"]), core: parts["docProps/core.xml"], footer };
}

describe("the document's title follows the phase", () => {
  it("monitoraggio: «Monitoraggio al 30/06/2023», never «Consuntivo»", async () => {
    const a = await analysisOf(["Indicatore", "UdM", "Stato 2022", "Stato al 30/06/2023", "Operatore", "Target 2023", "Peso"], [["A", "n.", 90, 80, ">=", 100, 1]], "m.xlsx");
    expect(a.phase).toBe("monitoraggio");
    expect(a.asOf).toBe("2023-06-30");
    const t = await titles(a);
    expect(t.body).toContain("Monitoraggio al 30/06/2023");
    expect(t.core).toContain("Piano degli indicatori e dei risultati attesi di bilancio – Monitoraggio al 30/06/2023 – CCIAA di Prova");
    expect(t.footer).toContain("Monitoraggio al 30/06/2023");
    for (const s of [t.body, t.core, t.footer]) expect(s).not.toContain("Consuntivo");
    expect(t.body).toContain("i progetti in corso di realizzazione nel 2023");
  });

  it("preventivo with targets for three years: «Preventivo 2023–2025»", async () => {
    const a = await analysisOf(["Indicatore", "Operatore", "Target 2023", "Target 2024", "Target 2025", "Peso"], [["A", ">=", 100, 110, 120, 1]], "p.xlsx");
    expect(a.phase).toBe("preventivo");
    const t = await titles(a);
    expect(t.body).toContain("Preventivo 2023–2025");
    expect(t.core).toContain("– Preventivo 2023–2025 – CCIAA di Prova");
    expect(t.footer).toContain("Preventivo 2023–2025");
    expect(t.body).toContain("i progetti programmati nel 2023");
  });

  it("preventivo of one year: «Preventivo 2023»", async () => {
    const a = await analysisOf(["Indicatore", "Operatore", "Target 2023", "Peso"], [["A", ">=", 100, 1]], "p1.xlsx");
    const m = buildPiraDocument({ result: a.result, policy: a.policy, problems: a.problems, year: a.year, phase: "preventivo" });
    expect(documentText(m)).toContain("\nPreventivo 2023\n");
  });

  it("consuntivo: «Consuntivo 2022»", async () => {
    const a = await analysisOf(["Indicatore", "UdM", "Stato 2022", "Operatore", "Target 2022", "Peso"], [["A", "n.", 90, ">=", 100, 1]], "c.xlsx");
    expect(a.phase).toBe("consuntivo");
    const t = await titles(a);
    expect(t.body).toContain("Consuntivo 2022");
    expect(t.core).toContain("– Consuntivo 2022 – CCIAA di Prova");
    expect(t.body).not.toContain("Monitoraggio");
  });

  it("an explicit phase wins (piano-perf documento --fase consuntivo on a monitoring workbook)", async () => {
    const a = await analysisOf(["Indicatore", "UdM", "Stato 2022", "Stato al 30/06/2023", "Operatore", "Target 2023", "Peso"], [["A", "n.", 90, 80, ">=", 100, 1]], "m2.xlsx");
    const { bytes } = await piraDocx(a, { phase: "consuntivo" });
    expect(docxParts(bytes)["docProps/core.xml"]).toContain("Consuntivo 2023");
  });
});
