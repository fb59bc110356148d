// `npm run validate`: the offline check of manifest.xml (office-addin-manifest validate needs
// an online service). It parses the manifest with a strict XML parser and checks what Office
// would trip on: the Id, every resid, the shared-runtime wiring, the PIANO namespace, the
// requirement sets, the ribbon button, the icons on disk and that every URL is one the
// webpack build actually produces.
import { readFileSync, existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseXml, descendants, path as at, one, where, XmlElement } from "./xmlTree";
import { readPng } from "./png";

const root = path.resolve(__dirname, "../..");
const manifestText = readFileSync(path.join(root, "manifest.xml"), "utf8");
const DEV_URL = "https://localhost:3000/";
const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_VO = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

const doc = parseXml(manifestText);
const vo = one(doc, "VersionOverrides");
const host = one(vo, "Hosts", "Host");
const resources = one(vo, "Resources");

type Kind = "Images" | "Urls" | "ShortStrings" | "LongStrings";
const resourceKinds: Kind[] = ["Images", "Urls", "ShortStrings", "LongStrings"];

function resourcesOf(kind: Kind): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of at(resources, kind).flatMap((k) => k.children)) m.set(r.attributes.id, r.attributes.DefaultValue);
  return m;
}
const byKind = Object.fromEntries(resourceKinds.map((k) => [k, resourcesOf(k)])) as Record<Kind, Map<string, string>>;
const withResid = descendants(vo).filter((e) => e.attributes.resid !== undefined);
const xsiType = (e: XmlElement) => e.attributes["xsi:type"];
const urlOf = (resid: string) => byKind.Urls.get(resid);

/** Which kind of resource an element's resid must name. */
function expectedKind(e: XmlElement): Kind {
  if (e.local === "Image") return "Images";
  if (["Runtime", "FunctionFile", "SourceLocation", "LearnMoreUrl"].includes(e.local)) return "Urls";
  if (e.local === "Description") return "LongStrings";
  return "ShortStrings"; // Label, Title, Namespace
}

describe("manifest.xml: XML ben formato", () => {
  test("si legge con un parser XML rigoroso e ha la radice OfficeApp di tipo TaskPaneApp", () => {
    expect(doc.local).toBe("OfficeApp");
    expect(doc.uri).toBe(NS_APP);
    expect(xsiType(doc)).toBe("TaskPaneApp");
    expect(vo.uri).toBe(NS_VO);
    // Task pane add-ins support VersionOverrides 1.0 only (V1_1 is for mail add-ins).
    expect(xsiType(vo)).toBe("VersionOverridesV1_0");
    for (const img of at(resources, "Images").flatMap((k) => k.children)) expect(img.uri).toBe(NS_BT);
  });

  test("il parser rifiuta davvero l'XML malformato", () => {
    const broken = [
      "<a><b></a>", // mismatched
      "<a>", // unclosed
      '<a x="1" x="2"/>', // duplicate attribute
      "<a>&nbsp;</a>", // undefined entity
      "<bt:a/>", // unbound prefix
      "<a/><b/>", // two roots
      '<a x="<"/>', // < in attribute
    ];
    for (const xml of broken) expect(() => parseXml(xml, "prova.xml")).toThrow();
    // A one-character slip in the real manifest is caught too.
    expect(() => parseXml(manifestText.replace("</Hosts>", "</Host>"))).toThrow();
  });
});

describe("manifest.xml: identità e requisiti", () => {
  test("Id è un GUID", () => {
    expect(one(doc, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  test("versione a quattro numeri, nome e descrizione in italiano", () => {
    expect(one(doc, "Version").text.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one(doc, "DefaultLocale").text.trim()).toBe("it-IT");
    expect(one(doc, "DisplayName").attributes.DefaultValue).toBe("Piano Performance");
    expect(one(doc, "Description").attributes.DefaultValue).toMatch(/Piano degli indicatori/);
  });

  test("cartella di lavoro Excel, lettura e scrittura del documento", () => {
    expect(at(doc, "Hosts", "Host").map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    expect(xsiType(host)).toBe("Workbook");
    expect(one(doc, "Permissions").text.trim()).toBe("ReadWriteDocument");
  });

  test("dichiara SharedRuntime 1.1, CustomFunctionsRuntime 1.3 ed ExcelApi 1.12", () => {
    const sets = new Map(at(doc, "Requirements", "Sets", "Set").map((s) => [s.attributes.Name, s.attributes.MinVersion]));
    expect(sets.get("SharedRuntime")).toBe("1.1");
    expect(sets.get("CustomFunctionsRuntime")).toBe("1.3");
    // The Office.js layer uses ExcelApi features up to 1.12: never declare less.
    const [major, minor] = (sets.get("ExcelApi") ?? "0.0").split(".").map(Number);
    expect(major === 1 && minor >= 12).toBe(true);
  });
});

describe("manifest.xml: risorse", () => {
  test("gli id delle risorse sono unici e lunghi al più 32 caratteri", () => {
    const ids = resourceKinds.flatMap((k) => [...byKind[k].keys()]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("ogni resid rimanda a una risorsa definita, del tipo giusto", () => {
    expect(withResid.length).toBeGreaterThan(10);
    const unresolved = withResid
      .filter((e) => !byKind[expectedKind(e)].has(e.attributes.resid))
      .map((e) => `${where(e)} resid="${e.attributes.resid}" (atteso in ${expectedKind(e)})`);
    expect(unresolved).toEqual([]);
  });

  test("ogni risorsa è usata", () => {
    const used = new Set(withResid.map((e) => e.attributes.resid));
    const unused = resourceKinds.flatMap((k) => [...byKind[k].keys()]).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });
});

describe("manifest.xml: runtime condiviso e funzioni personalizzate", () => {
  const cf = descendants(host).filter((e) => e.local === "ExtensionPoint" && xsiType(e) === "CustomFunctions");

  test("un solo runtime, di lunga durata", () => {
    const runtimes = at(host, "Runtimes", "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attributes.lifetime).toBe("long");
  });

  test("Runtime, FunctionFile e pagina delle funzioni usano lo stesso URL (Taskpane.Url)", () => {
    expect(cf).toHaveLength(1);
    expect(cf[0].parent?.local).toBe("AllFormFactors");
    const runtime = one(host, "Runtimes", "Runtime").attributes.resid;
    const functionFile = one(host, "DesktopFormFactor", "FunctionFile").attributes.resid;
    const page = one(cf[0], "Page", "SourceLocation").attributes.resid;
    expect(runtime).toBe("Taskpane.Url");
    expect(functionFile).toBe(runtime);
    expect(page).toBe(runtime);
    // The task pane itself opens on the same page, or it would start a second runtime.
    const showTaskpane = descendants(host).filter((e) => e.local === "Action" && xsiType(e) === "ShowTaskpane");
    expect(showTaskpane.map((a) => one(a, "SourceLocation").attributes.resid)).toEqual([runtime]);
    expect(one(doc, "DefaultSettings", "SourceLocation").attributes.DefaultValue).toBe(urlOf(runtime));
  });

  test("lo spazio dei nomi delle funzioni è PIANO", () => {
    const resid = one(cf[0], "Namespace").attributes.resid;
    expect(byKind.ShortStrings.get(resid)).toBe("PIANO");
  });

  test("script e metadati delle funzioni sono URL definiti", () => {
    expect(urlOf(one(cf[0], "Script", "SourceLocation").attributes.resid)).toBe(`${DEV_URL}functions.js`);
    expect(urlOf(one(cf[0], "Metadata", "SourceLocation").attributes.resid)).toBe(`${DEV_URL}functions.json`);
  });
});

describe("manifest.xml: barra multifunzione", () => {
  test("un pulsante «Piano Performance» nella scheda Home apre il riquadro", () => {
    const surface = descendants(host).filter((e) => e.local === "ExtensionPoint" && xsiType(e) === "PrimaryCommandSurface");
    expect(surface).toHaveLength(1);
    const tab = one(surface[0], "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    const buttons = at(tab, "Group", "Control").filter((c) => xsiType(c) === "Button");
    expect(buttons).toHaveLength(1);
    const label = byKind.ShortStrings.get(one(buttons[0], "Label").attributes.resid);
    expect(label).toBe("Piano Performance");
    expect(xsiType(one(buttons[0], "Action"))).toBe("ShowTaskpane");
    // Office needs 16, 32 and 80 px for ribbon icons.
    for (const icon of [...at(tab, "Group", "Icon"), one(buttons[0], "Icon")]) {
      expect(icon.children.map((i) => i.attributes.size).sort()).toEqual(["16", "32", "80"]);
    }
  });
});

describe("manifest.xml: URL e icone", () => {
  const allUrls = [
    ...descendants(doc).flatMap((e) => (e.attributes.DefaultValue?.startsWith("http") ? [e.attributes.DefaultValue] : [])),
    ...at(doc, "AppDomains", "AppDomain").map((e) => e.text.trim()),
  ];

  test("ogni URL è https://localhost:3000/ (la build di produzione li riscrive)", () => {
    expect(allUrls.length).toBeGreaterThan(8);
    for (const u of allUrls) expect(u.startsWith(DEV_URL) || u === DEV_URL.replace(/\/$/, "")).toBe(true);
  });

  test("ogni icona esiste in assets/ con la dimensione in pixel dichiarata", () => {
    const icons: { url: string; size: number }[] = [
      { url: one(doc, "IconUrl").attributes.DefaultValue, size: 32 },
      { url: one(doc, "HighResolutionIconUrl").attributes.DefaultValue, size: 64 },
    ];
    // Ribbon images: the size is the one the <bt:Image size="…"> references ask for.
    for (const [id, url] of byKind.Images) {
      const sizes = new Set(descendants(host).filter((e) => e.local === "Image" && e.attributes.resid === id).map((e) => Number(e.attributes.size)));
      expect(sizes.size).toBe(1);
      icons.push({ url, size: [...sizes][0] });
    }
    for (const { url, size } of icons) {
      const rel = url.slice(DEV_URL.length);
      expect(rel).toMatch(/^assets\/[\w.-]+\.png$/);
      const file = path.join(root, rel);
      expect(existsSync(file)).toBe(true);
      const png = readPng(readFileSync(file));
      expect({ file: rel, width: png.width, height: png.height }).toEqual({ file: rel, width: size, height: size });
    }
  });

  test("ogni URL è un file che la build di webpack produce", async () => {
    // Ask the real webpack config what it emits, so a renamed entry or page breaks this test.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(root, "webpack.config.js"));
    // A production build needs its host (webpack.config.js stops without one): the tests' own.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TEST_PROD_URL } = require(path.join(root, "scripts", "test-prod-url.cjs"));
    const saved = process.env.PIANO_PROD_URL;
    process.env.PIANO_PROD_URL = TEST_PROD_URL;
    const config = await makeConfig({}, { mode: "production" }).finally(() => {
      if (saved === undefined) delete process.env.PIANO_PROD_URL;
      else process.env.PIANO_PROD_URL = saved;
    });
    const emitted = new Set<string>(Object.keys(config.entry).map((name: string) => `${name}.js`));
    for (const p of config.plugins) {
      if (p.constructor?.name === "HtmlWebpackPlugin") emitted.add(p.userOptions.filename);
      if (p.constructor?.name === "CustomFunctionsMetadataPlugin") emitted.add(p.options.output);
      if (p.constructor?.name === "GuidePlugin") emitted.add(p.filename);
    }
    const files = allUrls.filter((u) => u.length > DEV_URL.length).map((u) => u.slice(DEV_URL.length));
    for (const f of files) {
      if (f.startsWith("assets/")) expect(existsSync(path.join(root, f))).toBe(true); // copied by CopyWebpackPlugin
      else expect([...emitted]).toContain(f);
    }
  });
});

describe("manifest.xml: CustomFunctionsRuntime è quello che il codice usa", () => {
  // Microsoft's API reference (@types/custom-functions-runtime, generated from it; also
  // https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets)
  // marks each API with its set: the manifest declares the highest set of what src/functions uses.
  test("ogni ErrorCode usato in src/functions è del set dichiarato (1.3), non oltre", () => {
    const dts = readFileSync(require.resolve("@types/custom-functions-runtime/index.d.ts"), "utf8");
    const enumBody = /enum ErrorCode \{([\s\S]*?)\n {4}\}/.exec(dts)![1];
    const setOf = new Map<string, string>();
    for (const m of enumBody.matchAll(/\[Api set: CustomFunctionsRuntime ([\d.]+)\][\s\S]*?(\w+) = "/g)) setOf.set(m[2], m[1]);
    const dir = path.join(root, "src", "functions");
    const used = new Set<string>();
    for (const f of readdirSync(dir)) for (const m of readFileSync(path.join(dir, f), "utf8").matchAll(/ErrorCode\.(\w+)/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(0);
    const needed = [...used].map((u) => setOf.get(u) ?? "?");
    expect(needed).not.toContain("?");
    const highest = needed.sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])).at(-1);
    const declared = at(doc, "Requirements", "Sets", "Set").find((s) => s.attributes.Name === "CustomFunctionsRuntime")?.attributes.MinVersion;
    expect(declared).toBe(highest);
  });
});

describe("manifest.xml: testi di benvenuto e guida", () => {
  const functionNames = [...readFileSync(path.join(root, "src", "functions", "functions.ts"), "utf8").matchAll(/@customfunction\s+([A-Z.]+)/g)].map((m) => m[1]);

  test("la descrizione e il testo di benvenuto nominano tutte le funzioni (PIANO.NOME)", () => {
    expect(functionNames).toEqual(expect.arrayContaining(["PERF", "PESATA", "SEMAFORO", "VALORE", "SCOSTAMENTO"]));
    const description = one(doc, "Description").attributes.DefaultValue;
    const welcome = descendants(doc).find((e) => e.attributes.id === "GetStarted.Description")!.attributes.DefaultValue;
    for (const text of [description, welcome]) {
      for (const name of functionNames) expect(text).toContain(`PIANO.${name}`);
      // Microsoft: Description and a bt:String of LongStrings are at most 250 characters.
      expect(text.length).toBeLessThanOrEqual(250);
    }
  });

  test("SupportUrl e «Ulteriori informazioni» aprono la guida d'uso (guida.html)", () => {
    expect(one(doc, "SupportUrl").attributes.DefaultValue).toBe(`${DEV_URL}guida.html`);
    expect(descendants(doc).find((e) => e.attributes.id === "GetStarted.LearnMoreUrl")!.attributes.DefaultValue).toBe(`${DEV_URL}guida.html`);
  });
});
