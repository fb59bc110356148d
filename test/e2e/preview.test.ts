// End to end, in a real browser: the built preview (dist/, after `npm run build`) served
// from 127.0.0.1, driven in headless Debian Chromium. It must show the engine's numbers
// for the 18 seed objectives, lead from a problem to its cell, build the summary, be
// usable by keyboard alone, and pass an axe-core scan with no serious/critical violation.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { buildSummaryModel } from "../../src/core/reader/summary";
import { formatPercent } from "../../src/core/format";
import { cellText } from "../../src/preview/cellText";
import { REQUIRED_API } from "../../src/excel/errors";
import { EXCEL_ERRORS } from "../../src/messages/excel";
import { ui } from "../../src/messages/ui";
import { artifacts, calculate, confirmation, declaredIcons, dist, exampleAnalysis, openPage, openPreview as openOn, previewHarness, root, written, type PageOptions } from "./harness";

// Every screenshot and report goes here (artifacts, test-results/, git-ignored). The README's
// picture is refreshed on purpose with `npm run screenshot`, never by a test run.
const docsShot = path.join(root, "docs", "screenshot-taskpane.png");
const SEED_PERCENT = [90.74, 100, 98.12, 99.58, 92.86, 96.72, 100, 80, 99.29, 100, 100, 100, 100, 100, 99.76, 99.53, 93.03, 97.76];

const h = previewHarness();
let expected: WorkbookAnalysis;
let docsShotBefore: string | null;

/** The preview (1280 × 900) with the example open: its 18 sheet tabs shown. */
const openPreview = (options: Pick<PageOptions, "colorScheme" | "forcedColors"> = {}) => openOn(h, options);

function fileDigest(file: string): string | null {
  return fs.existsSync(file) ? crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex") : null;
}

async function shot(page: Page, name: string, selector?: string): Promise<string> {
  const file = path.join(artifacts, name);
  if (selector) await page.locator(selector).screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: false });
  return file;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Fluent's focus manager (tabster) puts focus sentinels `<i data-tabster-dummy
 * aria-hidden="true" tabindex="0">` at the edges of every TabList: they are focusable on
 * purpose and hand focus on at once; without aria-hidden screen readers would announce
 * them. axe's aria-hidden-focus flags them — a known false positive that Microsoft's own
 * Accessibility Insights suppresses (microsoft/tabster#288,
 * microsoft/accessibility-insights-web#7605). Only those nodes are dropped here; any other
 * node of that rule, and every other rule, still fails the test.
 */
function withoutTabsterSentinels(violations: AxeViolation[]): AxeViolation[] {
  return violations
    .map((v) => (v.id === "aria-hidden-focus" ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) } : v))
    .filter((v) => v.nodes.length > 0);
}

/** axe-core on the whole page; only serious and critical violations are returned. */
async function axeSerious(page: Page, label: string): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays on.
  await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html })) }));
  });
  fs.writeFileSync(path.join(artifacts, `axe-${label}.json`), JSON.stringify(violations, null, 2));
  return withoutTabsterSentinels(violations)
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

beforeAll(async () => {
  expected = await exampleAnalysis();
  // The tests below rely on it: the example's stated performances differ from the engine's,
  // so "Calcola performance" always asks before replacing them (the harness' `calculate` and
  // `confirmation` wait for that dialog).
  if (expected.changes.length === 0) throw new Error("La cartella di esempio non ha performance dichiarate da sostituire.");
  docsShotBefore = fileDigest(docsShot);
});

describe("browser preview (headless Chromium)", () => {
  test("the engine computes the seed plan: 18 objectives as printed", () => {
    expect(expected.cardCount).toBe(18);
    expected.result.objectives.forEach((o, i) => expect(Math.abs(o.performance! * 100 - SEED_PERCENT[i])).toBeLessThanOrEqual(0.0051));
  });

  test("Calcola performance shows the 18 objectives with the engine's numbers, writes them, passes axe", async () => {
    const { page, external, blocked, errors, failed } = await openPreview();
    const serious: string[] = [];
    serious.push(...(await axeSerious(page, "iniziale")));

    await calculate(page, async () => {
      await shot(page, "preview-conferma.png");
      serious.push(...(await axeSerious(page, "conferma")));
    });

    const objectives = page.locator("[data-objective]");
    await expect(objectives).toHaveCount(18);
    const shown = await objectives.evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute("data-objective"),
        perf: el.querySelector('[data-testid="objective-performance"]')?.textContent ?? "",
        light: el.querySelector("[data-light]")?.getAttribute("data-light") ?? null,
        text: el.textContent ?? "",
      })),
    );
    expected.result.objectives.forEach((o, i) => {
      expect(shown[i].id).toBe(o.id);
      expect(shown[i].text).toContain(o.name);
      expect(shown[i].perf).toBe(formatPercent(o.performance!));
      expect(shown[i].light).toBe(o.light);
    });
    expect(await page.getByTestId("plan-performance").textContent()).toBe(formatPercent(expected.result.performance!));

    // Opening an objective lists its indicators with the engine's explanations.
    const first = expected.result.objectives[0];
    await objectives.first().getByRole("button").first().click();
    const list = page.getByRole("list", { name: `Indicatori di «${first.name}»` });
    await list.waitFor();
    for (const ind of first.indicators) await expect(list.getByText(ind.explanation, { exact: true }).first()).toBeVisibleSoon();

    // The written Performance cells show in the sheet view (first sheet is active).
    const sheet = first.sheet!;
    const writes = expected.writes.filter((w) => w.sheet === sheet);
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) {
      const td = page.locator(`table[data-sheet="${sheet}"] td[data-cell="${w.cell}"]`);
      expect((await td.textContent())?.trim()).toBe(cellText(w.value === null ? "n.d." : w.value, w.numberFormat));
    }

    serious.push(...(await axeSerious(page, "risultati")));
    // preview-calcola.png is the README's picture: `npm run screenshot` copies it to docs/.
    const pageShot = await shot(page, "preview-calcola.png");
    const paneShot = await shot(page, "taskpane-risultati.png", '[data-testid="taskpane"]');
    expect(fs.statSync(pageShot).size).toBeGreaterThan(10_000);
    expect(fs.statSync(paneShot).size).toBeGreaterThan(10_000);
    expect(fileDigest(docsShot)).toBe(docsShotBefore);

    expect(serious).toEqual([]);
    // Nothing left the machine. office.js (Microsoft's, loaded locally outside Office)
    // tries to frame its telemetry page; the preview's CSP stops it: that is the only
    // attempt allowed.
    expect(external).toEqual([]);
    for (const b of blocked) expect(b).toMatch(/telemetryservice\.firstpartyapps\.oaspapps\.com/);
    expect(errors).toEqual([]);
    // Every local request was answered: no 404 (the browser's /favicon.ico, too, is not asked
    // for: the page names its icon, which is served).
    expect(failed).toEqual([]);
    const icons = await declaredIcons(page);
    expect(icons.map((u) => new URL(u).pathname)).toEqual(["/assets/icon-32.png"]);
    for (const u of icons) {
      const r = await page.request.get(u);
      expect([r.status(), r.headers()["content-type"]]).toEqual([200, "image/png"]);
    }
    expect(h.server.requests).not.toContain("/favicon.ico");
  });

  test("clicking a problem selects and highlights its cell", async () => {
    const { page, errors } = await openPreview();
    await page.getByRole("tab", { name: "Verifica" }).click();
    await page.getByRole("button", { name: "Verifica struttura" }).click();
    await page.getByRole("group", { name: "Problemi per gravità" }).waitFor();
    const located = expected.problems.filter((p) => p.sheet && p.cell);
    expect(located.length).toBeGreaterThan(0);
    const links = page.getByRole("button", { name: /^Vai alla cella / });
    await expect(links).toHaveCount(located.length);

    // A problem on a sheet other than the one shown, to see the view switch sheets.
    const target = located.find((p) => p.sheet !== expected.sheetNames[0]) ?? located[0];
    await page.getByRole("button", { name: `Vai alla cella ${target.cell} del foglio ${target.sheet}` }).first().click();
    const cell = page.locator(`table[data-sheet="${target.sheet}"] td[data-cell="${target.cell}"]`);
    await cell.waitFor();
    expect(await cell.getAttribute("data-selected")).toBe("true");
    expect(await page.locator("td[data-selected]").count()).toBe(1);
    const activeTab = page.locator('[role="tablist"][aria-label="Fogli della cartella"] [role="tab"][aria-selected="true"]');
    expect((await activeTab.textContent())?.trim()).toBe(target.sheet);
    expect(await cell.isVisible()).toBe(true);
    const outline = await cell.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe("solid");

    await shot(page, "preview-problema.png");
    expect(await axeSerious(page, "verifica")).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("Genera riepilogo builds the summary sheet and shows its tables", async () => {
    const { page, errors } = await openPreview();
    await page.getByRole("tab", { name: "Riepilogo" }).click();
    await page.getByRole("button", { name: "Genera riepilogo" }).click();
    const model = buildSummaryModel(expected);
    await page.getByText(`Riepilogo pronto nel foglio «${model.sheetName}».`).waitFor();
    const table = page.locator(`table[data-sheet="${model.sheetName}"]`);
    await table.waitFor();
    const cells = await table.locator("td").allTextContents();
    const text = new Set(cells.map((c) => c.trim()));
    expect(text.has(model.title)).toBe(true);
    for (const block of model.blocks) {
      expect(text.has(block.title)).toBe(true);
      for (const col of block.columns) expect(text.has(col.header)).toBe(true);
    }
    for (const o of expected.result.objectives) expect(cells.some((c) => c.includes(o.name))).toBe(true);
    await shot(page, "preview-riepilogo.png");
    expect(await axeSerious(page, "riepilogo")).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("keyboard only: Tab reaches the primary button, Enter runs the whole calculation", async () => {
    const { page, errors } = await openPreview();
    const stops: string[] = [];
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press("Tab");
      const label = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? `${el.tagName.toLowerCase()}:${(el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 40)}` : "";
      });
      stops.push(label);
      reached = label === "button:Calcola performance";
    }
    expect(stops).toContain("button:Calcola performance");
    // Every stop on the way has a name.
    for (const p of stops) expect(p.split(":")[1]).not.toBe("");

    await page.keyboard.press("Enter");
    // The example always has stated values to replace: the confirmation must appear.
    const dialog = await confirmation(page);
    expect(await dialog.isVisible()).toBe(true);
    // Focus moves into the dialog, on the list of changes (scrollable by keyboard);
    // Tab leads to "Sostituisci", Enter confirms.
    // The list is named by its heading («N modifiche con il motivo»): aria-labelledby.
    const inList = await page.evaluate(() => {
      const el = document.activeElement;
      const by = el?.getAttribute("aria-labelledby");
      return el && by ? `${el.tagName.toLowerCase()}:${document.getElementById(by)?.textContent ?? ""}` : null;
    });
    expect(inList).toMatch(/^ul:\S/);
    expect(await page.evaluate(() => document.activeElement?.closest('[role="alertdialog"]') !== null)).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Sostituisci");
    await page.keyboard.press("Enter");
    await written(page).waitFor();
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
    await expect(page.locator("[data-objective]")).toHaveCount(18);

    // The settings, reached and read by keyboard, pass axe too.
    await page.getByRole("tab", { name: "Calcola" }).focus();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Salva impostazioni" }).waitFor();
    await shot(page, "preview-impostazioni.png", '[data-testid="taskpane"]');
    expect(await axeSerious(page, "impostazioni")).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("the pane fits 320 px: nothing overflows sideways", async () => {
    const { page } = await openPreview();
    await calculate(page);
    await page.locator("[data-objective]").first().getByRole("button").first().click();
    const pane = await page.locator('[data-testid="taskpane"]').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, outer: el.getBoundingClientRect().width }));
    // 320 px of pane (a vertical scrollbar, if any, comes out of it) plus its border.
    expect(pane.outer).toBeGreaterThanOrEqual(320);
    expect(pane.outer).toBeLessThanOrEqual(324);
    expect(pane.scroll).toBeLessThanOrEqual(pane.client);
  });
});

describe("production task pane (taskpane.html) outside Excel", () => {
  const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

  async function openTaskpane(cdn: "blocked" | "local") {
    const opened = await openPage(h, "taskpane.html", {
      width: 320,
      height: 800,
      // "local": Microsoft's CDN answered with the package's copy in dist/office; "blocked": refused.
      outside: async (url, route) => {
        if (cdn !== "local" || !url.href.startsWith(CDN)) return false;
        const file = path.join(dist, "office", path.basename(url.pathname));
        if (!fs.existsSync(file)) return false;
        await route.fulfill({ path: file, contentType: "text/javascript" });
        return true;
      },
    });
    await opened.page.getByRole("button", { name: "Calcola performance" }).waitFor();
    return opened;
  }

  test("office.js blocked: the pane still renders, says so, and a run fails in Italian", async () => {
    const { page } = await openTaskpane("blocked");
    await page.getByText(/Excel non ha risposto in tempo/).waitFor();
    await page.getByRole("button", { name: "Calcola performance" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("Calcolo non riuscito");
    expect(text).not.toMatch(/\bat \S+ \(|webpack|\.js:\d+/);
    // The Excel host's own Italian explanation (no Excel API here), not the generic fallback.
    expect(text).toContain(`Dettaglio: ${EXCEL_ERRORS.apiNotSupported(REQUIRED_API)}`);
    expect(text).not.toContain(ui.errors.unexpected);
    await shot(page, "taskpane-senza-office.png");
  });

  test("office.js ready (outside Office): no notice; the pane is interactive", async () => {
    const { page, errors, failed } = await openTaskpane("local");
    expect(await page.getByText(/Excel non ha risposto in tempo/).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Calcola performance" }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    // The pane's own files, its icon included, all answered.
    expect(failed).toEqual([]);
    expect((await declaredIcons(page)).map((u) => new URL(u).pathname)).toEqual(["/assets/icon-32.png"]);
  });
});

describe("themes follow the system's (in Office: Office's)", () => {
  // The theme's own token (forced colours override the computed colours themselves).
  const background = (page: Page) => page.locator("main").evaluate((el) => getComputedStyle(el).getPropertyValue("--colorNeutralBackground1").trim().toLowerCase());

  test("dark: Fluent's web dark theme, no serious axe violation", async () => {
    const { page, errors } = await openPreview({ colorScheme: "dark" });
    expect(await background(page)).toBe("#292929");
    await calculate(page);
    await shot(page, "preview-scuro.png", '[data-testid="taskpane"]');
    expect(await axeSerious(page, "scuro")).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("forced colours (high contrast): Fluent's high-contrast theme", async () => {
    const { page, errors } = await openPreview({ forcedColors: "active" });
    expect(await background(page)).toBe("#000000");
    await calculate(page);
    await shot(page, "preview-contrasto.png", '[data-testid="taskpane"]');
    expect(await axeSerious(page, "contrasto")).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("artifacts", () => {
  test("a run leaves the tracked docs/screenshot-taskpane.png untouched", () => {
    expect(fileDigest(docsShot)).toBe(docsShotBefore);
  });
});

// A small polling matcher for locators (playwright-core has no `expect` of its own).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toBeVisibleSoon(): Promise<R>;
      toHaveCount(n: number): Promise<R>;
    }
  }
}

expect.extend({
  async toBeVisibleSoon(locator: { waitFor: (o: { state: "visible"; timeout: number }) => Promise<void> }) {
    try {
      await locator.waitFor({ state: "visible", timeout: 10_000 });
      return { pass: true, message: () => "visible" };
    } catch (e) {
      return { pass: false, message: () => `not visible: ${String(e)}` };
    }
  },
  async toHaveCount(locator: { count: () => Promise<number> }, n: number) {
    let last = -1;
    for (let i = 0; i < 100; i++) {
      last = await locator.count();
      if (last === n) return { pass: true, message: () => `count ${n}` };
      await new Promise((r) => setTimeout(r, 100));
    }
    return { pass: false, message: () => `expected ${n} elements, found ${last}` };
  },
});
