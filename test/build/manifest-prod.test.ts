// The production manifest (dist/manifest.xml, written by `npm run build`): every URL on the
// production host, no localhost left anywhere, and otherwise the same manifest as the source.
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { parseXml, descendants, path as at } from "../manifest/xmlTree";

const root = path.resolve(__dirname, "../..");
// PIANO_DIST: check a build written elsewhere (default: the repo's dist/).
const dist = process.env.PIANO_DIST || path.join(root, "dist");
const DEV_URL = "https://localhost:3000/";
// The host `npm run test:build` builds for (scripts/test-build.mjs): PIANO_PROD_URL if set,
// else the reserved test host of scripts/test-prod-url.cjs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { TEST_PROD_URL } = require("../../scripts/test-prod-url.cjs") as { TEST_PROD_URL: string };
const PROD_URL = process.env.PIANO_PROD_URL || TEST_PROD_URL;

describe("dist/manifest.xml (build di produzione)", () => {
  const file = path.join(dist, "manifest.xml");

  test("esiste: eseguire prima `npm run build`", () => {
    expect(existsSync(file)).toBe(true);
  });

  test("non contiene «localhost» da nessuna parte", () => {
    const text = readFileSync(file, "utf8");
    expect(text.toLowerCase()).not.toContain("localhost");
    expect(text).not.toMatch(/127\.0\.0\.1|\[::1\]/);
  });

  test("è XML ben formato e ogni URL punta all'host di produzione in https", () => {
    const doc = parseXml(readFileSync(file, "utf8"), "dist/manifest.xml");
    const urls = [
      ...descendants(doc).flatMap((e) => (/^https?:/.test(e.attributes.DefaultValue ?? "") ? [e.attributes.DefaultValue] : [])),
      ...at(doc, "AppDomains", "AppDomain").map((e) => e.text.trim()),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) {
      expect(u.startsWith("https://")).toBe(true);
      expect(u.startsWith(PROD_URL) || u === PROD_URL.replace(/\/$/, "")).toBe(true);
    }
  });

  test("a parte gli URL è identico al manifest sorgente", () => {
    const source = readFileSync(path.join(root, "manifest.xml"), "utf8");
    const built = readFileSync(file, "utf8");
    const normalise = (s: string, base: string) => s.split(base).join("<BASE>/").split(base.replace(/\/$/, "")).join("<BASE>");
    expect(normalise(built, PROD_URL)).toBe(normalise(source, DEV_URL));
  });

  test("i file a cui punta esistono in dist/", () => {
    const doc = parseXml(readFileSync(file, "utf8"), "dist/manifest.xml");
    const files = descendants(doc)
      .map((e) => e.attributes.DefaultValue ?? "")
      .filter((u) => u.startsWith(PROD_URL) && u.length > PROD_URL.length)
      .map((u) => u.slice(PROD_URL.length).replace(/[?#].*$/, ""));
    expect(files).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "assets/icon-16.png"]));
    const missing = [...new Set(files)].filter((f) => !existsSync(path.join(dist, f)));
    expect(missing).toEqual([]);
  });
});
