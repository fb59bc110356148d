// What the browser tests of the preview share: dist/ served on 127.0.0.1 and one Chromium for
// the test file (registered as beforeAll/afterAll), and a page of the preview opened with the
// example's 18 sheets shown, every request outside 127.0.0.1 refused and recorded.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM, serveDir, type StaticServer } from "./staticServer";

export const root = path.join(__dirname, "..", "..");
export const dist = path.join(root, "dist");
export const artifacts = path.join(root, "test-results");

/** The sheet tabs of the preview's grid. */
export const SHEET_TABS = '[role="tablist"][aria-label="Fogli della cartella"] [role="tab"]';

export interface Harness {
  server: StaticServer;
  browser: Browser;
  /** Contexts opened by openPreview, closed after the file's tests. */
  contexts: BrowserContext[];
}

/** Serves dist/ and launches Chromium before the file's tests; closes both (and every context opened) after. */
export function previewHarness(): Harness {
  const h = { contexts: [] as BrowserContext[] } as Harness;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(dist, "preview.html"))) throw new Error("dist/preview.html manca: eseguire prima `npm run build`.");
    fs.mkdirSync(artifacts, { recursive: true });
    h.server = await serveDir(dist);
    h.browser = await chromium.launch({ ...CHROMIUM, headless: true });
  });
  afterAll(async () => {
    for (const c of h.contexts) await c.close().catch(() => undefined);
    await h.browser?.close();
    await h.server?.close();
  });
  return h;
}

export interface OpenedPreview {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors of the page. */
  errors: string[];
  /** Requests outside 127.0.0.1 (refused). */
  external: string[];
}

/** The preview with the example open (18 sheets shown); `onRequest` sees every request's URL. */
export async function openPreview(h: Harness, options: { width?: number; height?: number; onRequest?: (url: URL) => void } = {}): Promise<OpenedPreview> {
  const context = await h.browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, locale: "it-IT", acceptDownloads: true });
  h.contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    options.onRequest?.(url);
    if (url.hostname === "127.0.0.1") return route.continue();
    external.push(url.href);
    return route.abort();
  });
  await page.goto(h.server.url + "preview.html");
  await page.getByRole("button", { name: "Calcola performance" }).first().waitFor();
  await waitForSheetTabs(page, 18);
  return { page, context, errors, external };
}

/** Opens `file` in the preview (its «Apri file .xlsx» input) and waits for its `sheets` tabs. */
export async function openFileInPreview(page: Page, file: string, sheets: number): Promise<void> {
  await page.locator('input[type="file"]').first().setInputFiles(file);
  await waitForSheetTabs(page, sheets);
}

export async function waitForSheetTabs(page: Page, count: number): Promise<void> {
  await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector as string).length === n, [SHEET_TABS, count] as const);
}
