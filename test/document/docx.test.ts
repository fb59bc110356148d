// The .docx as a publication in «Amministrazione trasparente» needs it (accessibility):
// real Heading styles, header rows marked w:tblHeader (repeated on each page) and not
// split, language it-IT in the default run properties and on every run, a caption
// (w:tblCaption, Word's table alternative text) on every table, core properties set.
// ECMA-376 Part 1: §17.4.49 tblHeader, §17.4.6 cantSplit, §17.3.2.20 lang, §17.4.58 tblCaption.
import { buildPiraDocument, type DocumentModel } from "../../src/core/document";
import { renderDocx, xmlSafe } from "../../src/adapters/docx";
import { docxParts, exampleAnalysis, smallPlan } from "./helpers";
import { defaultPolicy } from "../../src/core/policy";

jest.setTimeout(60_000);

let model: DocumentModel;
let parts: Record<string, string>;

beforeAll(async () => {
  const a = exampleAnalysis();
  model = buildPiraDocument({ result: a.result, policy: a.policy, problems: a.problems, year: a.year });
  parts = docxParts(await renderDocx(model));
});

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe("the example's .docx", () => {
  it("uses Heading 1 for sections and Heading 2 for each card, defined in styles.xml", () => {
    const doc = parts["word/document.xml"];
    const h1 = model.blocks.filter((b) => b.kind === "heading" && b.level === 1).length;
    const h2 = model.blocks.filter((b) => b.kind === "heading" && b.level === 2).length;
    expect(h1).toBeGreaterThanOrEqual(6);
    expect(h2).toBe(18 + 5 + 2); // cards, roll-ups, the annex's two parts
    expect(count(doc, /<w:pStyle w:val="Heading1"\/>/g)).toBe(h1);
    expect(count(doc, /<w:pStyle w:val="Heading2"\/>/g)).toBe(h2);
    const styles = parts["word/styles.xml"];
    // Built-in names (Word compares them case-insensitively) with their outline levels, so Word's
    // navigation pane, the PDF's bookmarks and screen readers see the structure.
    const style = (id: string) => [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>(?:(?!<\/w:style>).)*<\/w:style>/gs)].find((m) => m[1] === id)?.[0] ?? "";
    expect(style("Heading1")).toMatch(/<w:name w:val="[Hh]eading 1"\/>/);
    expect(style("Heading1")).toContain('<w:outlineLvl w:val="0"/>');
    expect(style("Heading2")).toMatch(/<w:name w:val="[Hh]eading 2"\/>/);
    expect(style("Heading2")).toContain('<w:outlineLvl w:val="1"/>');
  });

  it("marks the first row of every table as a header row (w:tblHeader) and keeps rows whole (w:cantSplit)", () => {
    const doc = parts["word/document.xml"];
    const tables = doc.split("<w:tbl>").slice(1);
    const modelTables = model.blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(modelTables.length);
    expect(tables.length).toBeGreaterThanOrEqual(18 + 1 + 5 + 1);
    tables.forEach((t, k) => {
      const rows = t.split("<w:tr>").slice(1);
      expect(rows.length).toBe((modelTables[k] as { rows: unknown[] }).rows.length + 1);
      expect(rows[0]).toMatch(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader\/>/s);
      for (const r of rows.slice(1)) expect(r).not.toMatch(/<w:tblHeader/);
      for (const r of rows) expect(r).toMatch(/<w:cantSplit\/>/);
    });
  });

  it("gives every table a caption (alternative text) as the last element of w:tblPr", () => {
    const doc = parts["word/document.xml"];
    const captions = [...doc.matchAll(/<w:tblPr>(?:(?!<\/w:tblPr>).)*<w:tblCaption w:val="([^"]*)"\/><\/w:tblPr>/gs)].map((m) => m[1]);
    const expected = model.blocks.filter((b) => b.kind === "table").map((t) => (t as { caption: string }).caption.replace(/&/g, "&amp;").replace(/"/g, "&quot;"));
    expect(captions).toEqual(expected);
    expect(captions[1]).toBe("Indicatori dell'obiettivo «PID - Punto Impresa Digitale (progetto finanziato con la maggiorazione del 20% del diritto annuale)»");
  });

  it("is in Italian: it-IT in the document defaults and on every run", () => {
    const styles = parts["word/styles.xml"];
    expect(styles).toMatch(/<w:rPrDefault>\s*<w:rPr>(?:(?!<\/w:rPr>).)*<w:lang w:val="it-IT"\/>/s);
    const doc = parts["word/document.xml"];
    const runs = doc.match(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs) ?? [];
    expect(runs.length).toBeGreaterThan(1000);
    const withoutLang = runs.filter((r) => !r.includes('<w:lang w:val="it-IT"/>'));
    expect(withoutLang).toEqual([]);
    expect(parts["word/footer1.xml"] ?? Object.entries(parts).find(([n]) => n.startsWith("word/footer"))?.[1]).toContain('w:val="it-IT"');
  });

  it("sets title, subject and creator in the core properties, and has no picture without alternative text", () => {
    const core = parts["docProps/core.xml"];
    expect(core).toContain("<dc:title>Piano degli indicatori e dei risultati attesi di bilancio – Consuntivo 2022</dc:title>");
    expect(core).toContain("Piano Performance");
    const doc = parts["word/document.xml"];
    for (const pr of doc.match(/<wp:docPr [^>]*>/g) ?? []) expect(pr).toMatch(/ descr="[^"]+"/);
  });

  it("marks the placeholder sections: an italic, highlighted «[Da compilare a cura dell'ufficio]» text", () => {
    const placeholders = model.blocks.filter((b) => b.kind === "paragraph" && b.placeholder);
    expect(placeholders.length).toBeGreaterThanOrEqual(3); // ente, premessa, programmazione
    const doc = parts["word/document.xml"];
    const marked = /<w:r><w:rPr><w:b\/><w:bCs\/><w:shd w:fill="FFF2CC"[^>]*\/><w:lang w:val="it-IT"\/><\/w:rPr><w:t xml:space="preserve">\[Da compilare a cura dell&apos;ufficio\] <\/w:t><\/w:r><w:r><w:rPr><w:i\/>/g;
    expect(count(doc, marked)).toBe(2); // premessa, programmazione
    expect(doc).toContain("[Denominazione dell&apos;ente: da compilare a cura dell&apos;ufficio]"); // no ente given
  });
});

describe("strings from the workbook", () => {
  it("stay text: a name like a formula is written as a plain run, control characters are dropped, the file stays well-formed", async () => {
    const result = smallPlan({ obiettivoOperativo: '=HYPERLINK("http://x";"clic") & <b>', missione: "011 – A\u0001B" }, [
      { name: "+SOMMA(A1)\u0007", actual: 5, target: 10 },
      { name: "@cmd | riga 1\nriga 2", actual: 1, target: 1 },
    ]);
    const m = buildPiraDocument({ result, policy: defaultPolicy(), problems: [], year: 2022, ente: "Ente & C." });
    const p = docxParts(await renderDocx(m));
    const doc = p["word/document.xml"];
    expect(doc).toContain("<w:t xml:space=\"preserve\">=HYPERLINK(&quot;http://x&quot;;&quot;clic&quot;) &amp; &lt;b&gt;</w:t>");
    expect(doc).not.toMatch(/<w:fldSimple|<w:instrText>(?!PAGE|NUMPAGES)/);
    expect(doc).toContain("+SOMMA(A1)<");
    expect(doc).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(doc).toContain("011 – AB");
    // A line break inside a cell's text is a new paragraph of the cell, not a lost character.
    expect(doc).toMatch(/@cmd \| riga 1<\/w:t><\/w:r><\/w:p><w:p>(?:(?!<\/w:p>).)*riga 2/s);
    expect(p["docProps/core.xml"]).toContain("Ente &amp; C.");
    expect(xmlSafe("a\u0000b\uFFFEc\uD800d")).toBe("abcd");
  });
});
