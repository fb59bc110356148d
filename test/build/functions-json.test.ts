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
    expect(metadata.functions.map((f) => f.id)).toEqual(["PERF", "PESATA", "SEMAFORO", "VALORE", "SCOSTAMENTO"]);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  test("parametri: nomi, tipi, intervalli, facoltativi, elenco per operatore", () => {
    expect(signature(fn("PERF"))).toEqual(["stato:any", "operatore:string<Operatore>", "target:any", "udm:string?"]);
    expect(signature(fn("PESATA"))).toEqual(["performance:any[][]", "pesi:any[][]"]);
    expect(signature(fn("SEMAFORO"))).toEqual(["performance:any"]);
    expect(signature(fn("VALORE"))).toEqual(["testo:any"]);
    expect(signature(fn("SCOSTAMENTO"))).toEqual(["stato:any", "target:any", "udm:string?"]);
    for (const f of metadata.functions) for (const p of f.parameters) expect(p.repeating).toBeUndefined();
  });

  test("risultati: numeri (performance, pesata, valore, scostamento) e testo (semaforo), scalari", () => {
    const results = Object.fromEntries(metadata.functions.map((f) => [f.id, f.result]));
    expect(results).toEqual({
      PERF: { type: "number" },
      PESATA: { type: "number" },
      SEMAFORO: { type: "string" },
      VALORE: { type: "number" },
      SCOSTAMENTO: { type: "number" },
    });
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

  test("descrizioni in italiano per ogni funzione e parametro", () => {
    for (const f of metadata.functions) {
      expect(f.description).toMatch(/\b(il|la|le|di|del|della|come|un|una)\b/);
      for (const p of f.parameters) expect((p.description ?? "").length).toBeGreaterThan(10);
    }
  });

  test("accetta le celle in errore negli argomenti any (serve a PIANO.PESATA)", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
  });

  test("è aggiornato: coincide con i metadati generati ora dal sorgente", async () => {
    const fresh = await generateCustomFunctionsMetadata([path.join(root, "src/functions/functions.ts")], false);
    expect(fresh.errors).toEqual([]);
    expect(metadata).toEqual({ allowErrorForDataTypeAny: true, ...JSON.parse(fresh.metadataJson) });
  });
});
