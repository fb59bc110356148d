// What the browser tests of the preview share: dist/ served on 127.0.0.1 and one Chromium for
// the test file (registered as beforeAll/afterAll), and a page of dist/ (the preview with the
// example's 18 sheets shown, or the production task pane) opened with every request outside
// 127.0.0.1 refused and recorded, and every failed local request (a 404 too) recorded.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { analyzeWorkbook, type WorkbookAnalysis } from "../../src/core/reader/analyze";
import { CHROMIUM, serveDir, type StaticServer } from "./staticServer";

export const root = path.join(__dirname, "..", "..");
export const dist = path.join(root, "dist");
export const artifacts = path.join(root, "test-results");
/** The example workbook the preview opens, as the build copies it. */
export const exampleFile = path.join(dist, "assets", "esempio-piano-2022.xlsx");

/** The sheet tabs of the preview's grid. */
export const SHEET_TABS = '[role="tablist"][aria-label="Fogli della cartella"] [role="tab"]';

export interface Harness {
  server: StaticServer;
  browser: Browser;
  /** Contexts opened by openPage/openPreview, closed after the file's tests. */
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

/** The example workbook as the engine reads it (what the preview must show). */
export async function exampleAnalysis(): Promise<WorkbookAnalysis> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exampleFile);
  return analyzeWorkbook(gridFromExcelJs(wb));
}

export interface OpenedPreview {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors of the page, and a crash of its tab. */
  errors: string[];
  /** Requests outside 127.0.0.1 (refused, unless `outside` answered them). */
  external: string[];
  /** Local requests that failed or were answered with an HTTP error («404 /favicon.ico»). */
  failed: string[];
  /** What the page's Content-Security-Policy stopped before it reached the network. */
  blocked: string[];
}

export interface PageOptions {
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  forcedColors?: "active" | "none";
  /** Sees every request's URL. */
  onRequest?: (url: URL) => void;
  /** Answers a request outside 127.0.0.1 itself (true when it did); otherwise it is refused. */
  outside?: (url: URL, route: Route) => Promise<boolean>;
}

/** Opens `file` of dist/ (Italian locale, 1280 × 900 unless told) with the requests watched; waits for nothing else. */
export async function openPage(h: Harness, file: string, options: PageOptions = {}): Promise<OpenedPreview> {
  const context = await h.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: "it-IT",
    acceptDownloads: true,
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
    ...(options.forcedColors ? { forcedColors: options.forcedColors } : {}),
  });
  h.contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  const failed: string[] = [];
  const blocked: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("crash", () => errors.push("page crashed"));
  page.on("response", (r) => {
    if (r.status() >= 400 && new URL(r.url()).hostname === "127.0.0.1") failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on("requestfailed", (r) => {
    if (new URL(r.url()).hostname === "127.0.0.1") failed.push(`${r.failure()?.errorText ?? "failed"} ${new URL(r.url()).pathname}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/.test(m.text())) blocked.push(m.text());
  });
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    options.onRequest?.(url);
    if (url.hostname === "127.0.0.1") return route.continue();
    external.push(url.href);
    if (options.outside && (await options.outside(url, route))) return;
    return route.abort();
  });
  await page.goto(h.server.url + file);
  return { page, context, errors, external, failed, blocked };
}

/** The preview with the example open (18 sheets shown). */
export async function openPreview(h: Harness, options: PageOptions = {}): Promise<OpenedPreview> {
  const opened = await openPage(h, "preview.html", options);
  await opened.page.getByRole("button", { name: "Calcola performance" }).first().waitFor();
  await waitForSheetTabs(opened.page, 18);
  return opened;
}

/** Opens `file` in the preview (its «Apri file .xlsx» input) and waits for its `sheets` tabs. */
export async function openFileInPreview(page: Page, file: string, sheets: number): Promise<void> {
  await page.locator('input[type="file"]').first().setInputFiles(file);
  await waitForSheetTabs(page, sheets);
}

export async function waitForSheetTabs(page: Page, count: number): Promise<void> {
  await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector as string).length === n, [SHEET_TABS, count] as const);
}

/** The confirmation of «Calcola performance», once its entrance animation is over. */
export async function confirmation(page: Page) {
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  await page.waitForFunction(() => {
    const d = document.querySelector('[role="alertdialog"]');
    return d !== null && getComputedStyle(d).opacity === "1";
  });
  return dialog;
}

/** «N celle aggiornate», said after a run wrote. */
export const written = (page: Page) => page.getByText(/\d+ cell[ae] aggiornat/).first();

/**
 * Runs «Calcola performance» on the freshly opened example (its stated performances differ
 * from the engine's, so it always asks) and confirms «Sostituisci»; `onDialog` runs while the
 * confirmation is shown. Returns once the dialog is gone and the writes are reported.
 */
export async function calculate(page: Page, onDialog?: () => Promise<void>): Promise<void> {
  await page.getByRole("button", { name: "Calcola performance" }).click();
  const dialog = await confirmation(page);
  if (onDialog) await onDialog();
  await dialog.getByRole("button", { name: "Sostituisci" }).click();
  await page.waitForFunction(() => document.querySelectorAll('[role="alertdialog"]').length === 0);
  await written(page).waitFor();
}

/** The icons the page declares (`<link rel="icon">`), as absolute URLs. */
export function declaredIcons(page: Page): Promise<string[]> {
  return page.locator('link[rel~="icon"]').evaluateAll((els) => els.map((e) => (e as HTMLLinkElement).href));
}
