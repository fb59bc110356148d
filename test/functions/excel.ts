// Calls the PIANO.* functions the way Excel does: by the id in the metadata that
// custom-functions-metadata generates from functions.ts (the same generator the webpack
// plugin uses), bound to the JavaScript function its associate list names; omitted
// optional arguments are passed as null, scalars given to matrix parameters as [[x]],
// and a thrown CustomFunctions.Error becomes the error the cell would show.
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functionsModule from "../../src/functions/functions";

export interface CellError {
  error: string;
  message: string;
}
export type CellResult = number | string | boolean | CellError;

interface ParameterMetadata {
  name: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
  customEnumId?: string;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
export interface Metadata {
  functions: FunctionMetadata[];
  enums?: { id: string; type: string; values: { name: string; stringValue?: string; tooltip?: string }[] }[];
}

export const FUNCTIONS_SOURCE = path.resolve(__dirname, "../../src/functions/functions.ts");

export interface ExcelLike {
  metadata: Metadata;
  /** Function id → JavaScript function name, as the associate calls bind them. */
  bindings: Map<string, string>;
  call(name: string, ...args: unknown[]): CellResult;
}

export async function loadExcel(): Promise<ExcelLike> {
  const generated = await generateCustomFunctionsMetadata([FUNCTIONS_SOURCE], false);
  if (generated.errors.length) throw new Error(generated.errors.join("\n"));
  const metadata = JSON.parse(generated.metadataJson) as Metadata;
  const bindings = new Map(generated.associate.map((a) => [a.id, a.functionName] as [string, string]));
  const exported = functionsModule as unknown as Record<string, (...args: unknown[]) => unknown>;

  function call(name: string, ...args: unknown[]): CellResult {
    const [ns, id] = name.split(".");
    if (ns !== "PIANO") throw new Error(`spazio dei nomi sconosciuto: ${name}`);
    const meta = metadata.functions.find((f) => f.id === id);
    const fn = exported[bindings.get(id) ?? ""];
    if (!meta || typeof fn !== "function") throw new Error(`funzione non registrata: ${name}`);
    const params = meta.parameters;
    if (args.length > params.length) throw new Error(`${name}: troppi argomenti`);
    const required = params.filter((p) => !p.optional).length;
    if (args.length < required) throw new Error(`${name}: mancano argomenti obbligatori`);
    const passed = params.map((p, i) => {
      const a = i < args.length ? args[i] : null; // Excel passes omitted optional arguments as null
      return p.dimensionality === "matrix" && !Array.isArray(a) ? [[a]] : a;
    });
    try {
      const r = fn(...passed);
      if (r instanceof Date || (typeof r === "object" && r !== null)) throw new Error(`${name}: risultato non scalare ${String(r)}`);
      if (typeof r === "number" && !Number.isFinite(r)) throw new Error(`${name}: risultato non finito ${r}`);
      return r as CellResult;
    } catch (e) {
      if (e instanceof CustomFunctions.Error) return { error: e.code, message: e.message ?? "" };
      throw e;
    }
  }
  return { metadata, bindings, call };
}

export const isCellError = (r: CellResult): r is CellError => typeof r === "object" && r !== null && "error" in r;

/** What Excel shows in a range passed to another function when a cell holds this error. */
export function errorCell(code: string, message = ""): CustomFunctions.Error {
  const ec = CustomFunctions.ErrorCode as unknown as Record<string, string>;
  const key = Object.keys(ec).find((k) => ec[k] === code) ?? "invalidValue";
  return new CustomFunctions.Error(ec[key] as CustomFunctions.ErrorCode, message);
}
