// dist/functions.json as the build writes it (custom-functions-metadata-plugin from the
// JSDoc of src/functions/functions.ts, plus allowErrorForDataTypeAny): the functions, their
// parameters, types, optional flags, the AutoComplete enum on `operatore`, the results.
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const root = path.resolve(__dirname, "../..");
const dist = process.env.PIANO_DIST || path.join(root, "dist");

interface Param {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
  customEnumId?: string;
  repeating?: boolean;
}
interface Fn {
  id: string;
  helpUrl?: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: Fn[];
  enums?: { id: string; type: string; values: { name: string; stringValue?: string; tooltip?: string }[] }[];
}

const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as Metadata;
const fn = (id: string) => metadata.functions.find((f) => f.id === id) as Fn;
/** name:type[:matrix][?] [enum], the shape of a parameter list at a glance. */
const signature = (f: Fn) =>
  f.parameters.map((p) => `${p.name}:${p.type}${p.dimensionality === "matrix" ? "[][]" : ""}${p.optional ? "?" : ""}${p.customEnumId ? `<${p.customEnumId}>` : ""}`);

describe("dist/functions.json", () => {
  test("le funzioni PIANO.*, con id e nome uguali", () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(["PERF", "SPIEGAZIONE", "PESATA", "SEMAFORO", "VALORE", "SCOSTAMENTO"]);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  test("parametri: nomi, tipi, intervalli, facoltativi, elenco per operatore", () => {
    expect(signature(fn("PERF"))).toEqual([
      "stato:any",
      "operatore:string<Operatore>",
      "target:any",
      "udm:string?<UdM>",
      "regola:string?<Regola>",
      "baseline:any?",
      "sogliaMinima:any?",
      "sogliaMassima:any?",
    ]);
    // PIANO.SPIEGAZIONE takes PIANO.PERF's rule arguments too, after its two format hints
    // (formulas written before them keep their meaning).
    expect(signature(fn("SPIEGAZIONE"))).toEqual([
      "stato:any",
      "operatore:string<Operatore>",
      "target:any",
      "udm:string?<UdM>",
      "formato_stato:string?",
      "formato_target:string?",
      "regola:string?<Regola>",
      "baseline:any?",
      "sogliaMinima:any?",
      "sogliaMassima:any?",
    ]);
    expect(signature(fn("PESATA"))).toEqual(["performance:any[][]", "pesi:any[][]"]);
    expect(signature(fn("SEMAFORO"))).toEqual(["performance:any"]);
    expect(signature(fn("VALORE"))).toEqual(["testo:any"]);
    expect(signature(fn("SCOSTAMENTO"))).toEqual(["stato:any", "target:any", "udm:string?<UdM>"]);
    for (const f of metadata.functions) for (const p of f.parameters) expect(p.repeating).toBeUndefined();
  });

  test("risultati: numeri (performance, pesata, valore, scostamento) e testo (semaforo), scalari", () => {
    const results = Object.fromEntries(metadata.functions.map((f) => [f.id, f.result]));
    expect(results).toEqual({
      PERF: { type: "number" },
      SPIEGAZIONE: { type: "string" },
      PESATA: { type: "number" },
      SEMAFORO: { type: "string" },
      VALORE: { type: "number" },
      SCOSTAMENTO: { type: "number" },
    });
  });

  test("PIANO.SCOSTAMENTO si descrive come differenza, non come la regola «scostamento» (2 − stato ÷ target)", () => {
    const d = fn("SCOSTAMENTO").description;
    expect(d).toMatch(/^Differenza stato − target/);
    expect(d).toContain("Non è la regola «scostamento»");
    // The rule of that name is described as the rule everywhere it is offered.
    const rule = (metadata.enums ?? []).find((x) => x.id === "Regola")?.values.find((v) => v.stringValue === "scostamento");
    expect(rule?.tooltip).toContain("2 − Stato ÷ Target");
  });

  test("nessuna funzione volatile, in streaming o annullabile", () => {
    for (const f of metadata.functions) expect(f.options ?? {}).toEqual({});
  });

  test("l'elenco Operatore offre >=, <= e = con un suggerimento in italiano", () => {
    const e = (metadata.enums ?? []).find((x) => x.id === "Operatore");
    expect(e?.type).toBe("string");
    expect(e?.values.map((v) => v.stringValue)).toEqual([">=", "<=", "="]);
    for (const v of e?.values ?? []) expect(v.tooltip).toMatch(/uguale/);
  });

  test("l'elenco Regola offre le regole con i loro nomi italiani (AutoComplete)", () => {
    const e = (metadata.enums ?? []).find((x) => x.id === "Regola");
    expect(e?.values.map((v) => v.stringValue)).toEqual(["rapporto", "inverso", "scostamento", "tutto o niente", "baseline", "soglie", "fasce", "giorni di ritardo"]);
  });

  test("descrizioni in italiano per ogni funzione e parametro", () => {
    for (const f of metadata.functions) {
      expect(f.description).toMatch(/\b(il|la|le|di|del|della|come|un|una)\b/);
      for (const p of f.parameters) expect((p.description ?? "").length).toBeGreaterThan(10);
    }
  });

  test("l'elenco UdM nomina «data» (e %, n., si/no) per il completamento automatico", () => {
    const e = (metadata.enums ?? []).find((x) => x.id === "UdM");
    expect(e?.values.map((v) => v.stringValue)).toEqual(["data", "%", "n.", "si/no"]);
    for (const v of e?.values ?? []) expect(v.tooltip).toMatch(/\b(stato|target|raggiunto)\b/);
  });

  test("ogni funzione ha il collegamento (helpUrl) alla sua voce della guida pubblicata con il componente", () => {
    // functions.json helpUrl: "URL that provides information about the function" (docs/excel/custom-functions-json.md,
    // "functions" table). The JSDoc's @helpurl is relative; the build resolves it against the add-in's URL.
    const manifest = readFileSync(path.join(dist, "manifest.xml"), "utf8");
    const taskpane = /<SourceLocation DefaultValue="([^"]+)"/.exec(manifest)![1];
    for (const f of metadata.functions) expect(f.helpUrl).toBe(new URL(`guida.html#funzioni-${f.id.toLowerCase()}`, taskpane).href);
  });

  test("descrizioni e suggerimenti degli argomenti tutti in italiano, senza parole inglesi", () => {
    const texts = [
      ...metadata.functions.flatMap((f) => [f.description ?? "", ...f.parameters.map((p) => p.description ?? "")]),
      ...(metadata.enums ?? []).flatMap((e) => e.values.map((v) => v.tooltip ?? "")),
    ];
    for (const t of texts) {
      expect(t.length).toBeGreaterThan(10);
      expect(t).not.toMatch(/\b(the|and|value|number|returns?|optional|with|which|must)\b/i);
      expect(t).toMatch(/[àèéìòù]|\b(il|la|lo|le|gli|l|di|da|del|dell|della|dei|dall|dal|al|all|in|nel|nell|come|un|una|per|con|o|oppure|sono|se|e)\b/i);
    }
  });

  test("accetta le celle in errore negli argomenti any (serve a PIANO.PESATA)", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });

  test("è aggiornato: coincide con i metadati generati ora dal sorgente", async () => {
    const fresh = await generateCustomFunctionsMetadata([path.join(root, "src/functions/functions.ts")], false);
    expect(fresh.errors).toEqual([]);
    const generated = JSON.parse(fresh.metadataJson) as Metadata;
    const base = metadata.functions[0].helpUrl!.replace(/guida\.html#.*$/, "");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { resolveHelpUrls } = require("../../scripts/functions-metadata-extras.js") as { resolveHelpUrls: (f: Fn[], b: string) => Fn[] };
    expect(metadata).toEqual({ allowErrorForDataTypeAny: true, ...generated, functions: resolveHelpUrls(generated.functions, base) });
  });
});
