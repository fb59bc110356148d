// The user guide the build ships (issue 9): dist/guida.html, Italian, accessible, generated
// from the reader's label lists and from functions.json, and the target of SupportUrl, of
// every function's help link and of the pane's link.
import { readFileSync } from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { LABEL_SYNONYMS } from "../../src/core/reader/labels";

const dist = process.env.PIANO_DIST || path.join(path.resolve(__dirname, "../.."), "dist");
const html = readFileSync(path.join(dist, "guida.html"), "utf8");
const dom = new JSDOM(html);
const doc = dom.window.document;
const functions = (JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: { name: string; helpUrl?: string }[] }).functions;

describe("dist/guida.html", () => {
  test("is an Italian page (lang it-IT) with one h1, sections with h2, no script", () => {
    expect(doc.documentElement.getAttribute("lang")).toBe("it-IT");
    expect(doc.querySelectorAll("h1")).toHaveLength(1);
    expect(doc.querySelectorAll("h2").length).toBeGreaterThanOrEqual(5);
    expect(doc.querySelectorAll("script")).toHaveLength(0);
    expect(doc.title).toContain("Piano Performance");
  });

  test("lists every label and synonym the reader recognises (src/core/reader/labels.ts)", () => {
    const cells = [...doc.querySelectorAll("td .label")].map((e) => e.textContent);
    for (const list of [...Object.values(LABEL_SYNONYMS.card), ...Object.values(LABEL_SYNONYMS.table)]) {
      for (const s of list) expect(cells).toContain(s);
    }
    // Tables with captions and header cells.
    for (const t of doc.querySelectorAll("table")) {
      expect(t.querySelector("caption")?.textContent).toBeTruthy();
      expect(t.querySelectorAll('th[scope="col"]').length).toBe(2);
    }
  });

  test("every function of functions.json has its section, and its helpUrl opens it", () => {
    expect(functions.length).toBeGreaterThanOrEqual(5);
    for (const f of functions) {
      expect(f.helpUrl).toBeDefined();
      const url = new URL(f.helpUrl!);
      expect(path.basename(url.pathname)).toBe("guida.html");
      const section = doc.getElementById(url.hash.slice(1));
      expect(section).not.toBeNull();
      expect(section!.textContent).toContain(`PIANO.${f.name}(`);
    }
  });

  test("describes the panels and what the add-in never does", () => {
    const text = doc.body.textContent ?? "";
    for (const panel of ["Calcola", "Verifica", "Riepilogo", "Impostazioni"]) expect(text).toContain(panel);
    expect(text).toContain("Non invia nulla in rete");
  });

  test("no accessibility violations (axe-core)", async () => {
    const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    const w = new JSDOM(html, { runScripts: "outside-only" }).window;
    w.eval(axeSource);
    const axe = (w as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string }[] }> } }).axe;
    // color-contrast needs layout, which jsdom has not.
    const r = await axe.run(w.document, { rules: { "color-contrast": { enabled: false } } });
    expect(r.violations.map((v) => v.id)).toEqual([]);
  });
});
