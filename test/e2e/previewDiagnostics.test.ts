// «Diagnostica» in the built preview (dist/, after `npm run build`), in headless Debian
// Chromium: Impostazioni → Diagnostica runs the add-in's own checks (src/excel/diagnostics.ts)
// on the model of Excel (src/officeModel), loaded on demand, and the report lists each check
// passed and says it ran on the model, not on a real Excel. The preview's workbook is untouched.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { DIAGNOSTICS } from "../../src/messages/diagnostics";
import { CHROMIUM, serveDir, type StaticServer } from "./staticServer";

const root = path.join(__dirname, "..", "..");
const artifacts = path.join(root, "test-results");
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDir(path.join(root, "dist"));
  browser = await chromium.launch(CHROMIUM);
  fs.mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("Impostazioni → Diagnostica: every check passes on the model of Excel, and the report says so", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "it-IT" });
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.pathname.endsWith(".js")) scripts.push(path.basename(u.pathname));
    return u.hostname === "127.0.0.1" ? route.continue() : route.abort();
  });
  await page.goto(server.url + "preview.html");
  await page.waitForFunction(() => document.querySelectorAll('[role="tablist"][aria-label="Fogli della cartella"] [role="tab"]').length === 18);
  // The model is loaded on demand: not before Diagnostica is asked for.
  expect(scripts).not.toContain("office-model.js");
  await page.getByRole("tab", { name: "Impostazioni" }).click();
  // Said before it runs, too: in the preview the checks run on the model.
  await page.getByText(DIAGNOSTICS.previewNote).waitFor();
  await page.getByRole("button", { name: DIAGNOSTICS.run }).click();
  const report = page.getByLabel(DIAGNOSTICS.reportLabel);
  await report.waitFor();
  const text = await report.inputValue();
  expect(scripts).toContain("office-model.js");
  const lines = text.split("\n");
  expect(lines[0]).toContain("modello di Excel");
  expect(lines[0]).toContain("non su un Excel reale");
  const checks = Object.values(DIAGNOSTICS.checks);
  expect(lines.slice(1)).toHaveLength(checks.length);
  checks.forEach((name, i) => expect(lines[1 + i]).toMatch(new RegExp(`^OK · ${name.replace(/[()«»]/g, ".")}`)));
  // The preview's own workbook kept its 18 sheets (the scratch sheet lived in the model).
  expect(await page.locator('[role="tablist"][aria-label="Fogli della cartella"] [role="tab"]').count()).toBe(18);
  await report.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, "anteprima-diagnostica.png") });
  expect(errors).toEqual([]);
  await context.close();
});
