// The built bundle registers every PIANO.* function exactly once. The metadata plugin
// appends one CustomFunctions.associate per @customfunction to functions.ts; a second
// association (a hand-written one, or functions.ts bundled into another script of the
// page) would make Excel report [DuplicatedName]. Checked three ways on dist/:
// functions.js alone in a VM with a recording CustomFunctions, every script of
// taskpane.html (the shared-runtime page) loaded together in a DOM, and the text of
// every emitted .js file.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { JSDOM } from "jsdom";

const root = path.resolve(__dirname, "../..");
const dist = process.env.PIANO_DIST || path.join(root, "dist");
const metadata = JSON.parse(readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: { id: string }[] };
const ids = metadata.functions.map((f) => f.id).sort();

class RecordedError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

function recordingCustomFunctions() {
  const calls: { id: string; fn: unknown }[] = [];
  return {
    calls,
    stub: {
      associate(idOrMap: string | Record<string, unknown>, fn?: unknown) {
        if (typeof idOrMap === "string") calls.push({ id: idOrMap, fn });
        else for (const [id, f] of Object.entries(idOrMap)) calls.push({ id, fn: f });
      },
      Error: RecordedError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" },
    },
  };
}

const countById = (calls: { id: string }[]) => {
  const m: Record<string, number> = {};
  for (const c of calls) m[c.id] = (m[c.id] ?? 0) + 1;
  return m;
};
const once = Object.fromEntries(ids.map((id) => [id, 1]));

describe("registrazione delle funzioni nel bundle", () => {
  test("functions.js, eseguito da solo, associa ogni funzione una volta e funzionano", () => {
    const { calls, stub } = recordingCustomFunctions();
    // A realm like the shared runtime's page: `self` is its global (functions.js holds the
    // page's webpack runtime, which keeps its chunk list on self).
    const context = vm.createContext({ CustomFunctions: stub, console });
    context.self = context;
    vm.runInContext(readFileSync(path.join(dist, "functions.js"), "utf8"), context, { filename: "functions.js" });
    expect(countById(calls)).toEqual(once);
    // The bound functions are the real ones: they compute and throw the runtime's errors.
    const get = (id: string) => calls.find((c) => c.id === id)?.fn as (...a: unknown[]) => unknown;
    expect(get("PERF")(3, ">=", 10, null)).toBeCloseTo(0.3, 12);
    expect(get("PERF")(101, "", ">= 60", null)).toBe(1);
    expect(get("PESATA")([[1], [0.5]], [[0.25], [0.75]])).toBeCloseTo(0.625, 12);
    expect(get("SEMAFORO")(0.95)).toBe("verde");
    expect(get("VALORE")("5.441")).toBe(5441);
    expect(get("SCOSTAMENTO")(101, 60, null)).toBe(41);
    let thrown: unknown;
    try {
      get("PERF")("n.d.", ">=", 10, null);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(RecordedError);
    expect(thrown).toMatchObject({ code: "#N/A", message: "dato non disponibile" });
  });

  test("gli script di taskpane.html (runtime condiviso), caricati insieme, associano ogni funzione una volta", () => {
    const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const dom = new JSDOM(html, { runScripts: "outside-only", url: "https://localhost/taskpane.html" });
    const srcs = [...dom.window.document.querySelectorAll("script[src]")].map((s) => s.getAttribute("src") ?? "");
    const local = srcs.filter((s) => !/^https?:/.test(s)).map((s) => s.replace(/^\.?\//, "").replace(/[?#].*$/, ""));
    expect(local.filter((s) => s === "functions.js")).toHaveLength(1);
    const { calls, stub } = recordingCustomFunctions();
    const w = dom.window as unknown as Record<string, unknown> & { eval(code: string): unknown };
    w.CustomFunctions = stub;
    // Office never becomes ready here: scripts wait for it, nothing else may register functions.
    w.Office = { onReady: () => new Promise(() => undefined), actions: { associate: () => undefined }, context: {} };
    const failures: string[] = [];
    for (const src of local) {
      try {
        w.eval(readFileSync(path.join(dist, src), "utf8"));
      } catch (e) {
        failures.push(`${src}: ${(e as Error).message}`);
      }
    }
    expect(failures.filter((f) => f.startsWith("functions.js"))).toEqual([]);
    expect(countById(calls)).toEqual(once);
    dom.window.close();
  });

  test("nel testo di tutti i .js emessi c'è una sola associazione per funzione", () => {
    const files = readdirSync(dist).filter((f) => f.endsWith(".js"));
    expect(files).toContain("functions.js");
    const found: { id: string }[] = [];
    for (const f of files) {
      for (const m of readFileSync(path.join(dist, f), "utf8").matchAll(/CustomFunctions\.associate\(\s*["']([A-Z0-9._]+)["']/g)) found.push({ id: m[1] });
    }
    expect(countById(found)).toEqual(once);
    expect(existsSync(path.join(dist, "functions.json"))).toBe(true);
  });
});
