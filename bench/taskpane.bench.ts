// npm run bench: the task pane's start-up in headless Chromium, from navigation to the
// pane interactive ("Calcola performance" rendered and enabled), on the built dist/.
//  - preview.html: the browser preview (local office.js), as `npm start` opens it;
//  - taskpane.html: the production page, its CDN office.js answered from the local copy
//    (no network here), outside Office (Office.onReady settles with no host).
// Also the initial JavaScript taskpane.html loads, gzipped. Targets: ≤ 1 s, ≤ 200 KB.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import type { Browser, BrowserType } from "playwright-core";
import { CHROMIUM, serveDir } from "../test/e2e/staticServer";

// scripts/bench.mjs bundles this file into the temporary directory, from where a bare
// require("playwright-core") cannot see the project's node_modules: resolve it from here.
const { chromium } = createRequire(path.join(process.cwd(), "package.json"))("playwright-core") as { chromium: BrowserType };

const RUNS = 7;
const TARGET_MS = 1000;
const TARGET_GZIP_KB = 200;
const dist = path.join(process.cwd(), "dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function initialScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src) && !src.startsWith("office/"));
}

async function timeToInteractive(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route("**/*", async (route) => {
    const u = route.request().url();
    if (u.startsWith(CDN)) {
      // The CDN office.js (and its mapping table) from the local package copy.
      const file = path.join(dist, "office", path.basename(new URL(u).pathname));
      if (fs.existsSync(file)) return route.fulfill({ path: file, contentType: "text/javascript" });
      return route.abort();
    }
    if (new URL(u).hostname === "127.0.0.1") return route.continue();
    return route.abort();
  });
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    () => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent?.trim() === "Calcola performance");
      return b && !(b as HTMLButtonElement).disabled ? performance.now() : null;
    },
    undefined,
    { polling: "raf", timeout: 30_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  await context.close();
  return ms;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(dist, "preview.html"))) {
    console.log("dist/ manca: eseguire prima `npm run build`. Benchmark del riquadro saltato.");
    return;
  }
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  let raw = 0;
  let gz = 0;
  for (const src of initialScripts(html)) {
    const buf = fs.readFileSync(path.join(dist, src));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  console.log(`JS iniziale del riquadro (taskpane.html): ${(raw / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB (obiettivo ≤ ${TARGET_GZIP_KB} KB): ${gz / 1024 <= TARGET_GZIP_KB ? "OK" : "OLTRE"}`);

  const server = await serveDir(dist);
  const browser = await chromium.launch({ ...CHROMIUM, headless: true });
  try {
    for (const page of ["preview.html", "taskpane.html"]) {
      const times: number[] = [];
      await timeToInteractive(browser, server.url + page); // warm-up (disk cache of the OS, JIT of the browser)
      for (let i = 0; i < RUNS; i++) times.push(await timeToInteractive(browser, server.url + page));
      const med = median(times);
      console.log(
        `${page}: dalla navigazione al riquadro interattivo — mediana ${med.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)} (${RUNS} prove, contesto nuovo ogni volta; obiettivo ≤ ${TARGET_MS} ms): ${med <= TARGET_MS ? "OK" : "OLTRE"}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
