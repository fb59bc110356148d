// Impostazioni at the real task-pane size (320 × 700) in headless Debian Chromium, on the
// built preview (dist/, after `npm run build`): every control of the SMVP form — the band
// editor, a named band set, a date band, the two traffic-light fields — lies inside the
// pane's 320 px; nothing is cut or scrolls sideways. Screenshots go to test-results/.
import path from "node:path";
import type { Page } from "playwright-core";
import { artifacts, openPage, previewHarness } from "./harness";

const h = previewHarness();

/** The production task pane (taskpane.html, office.js refused) at 320 × 700, on Impostazioni. */
async function openSettings(): Promise<Page> {
  const { page } = await openPage(h, "taskpane.html", { width: 320, height: 700 });
  await page.getByRole("tab", { name: "Impostazioni" }).click();
  await page.getByRole("button", { name: "Salva impostazioni" }).waitFor();
  return page;
}

/** Controls (inputs, buttons, labels, radios) whose box leaves the viewport's width, or is clipped by an ancestor. */
async function outside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const bad: string[] = [];
    for (const el of document.querySelectorAll("input, button, label, [role=radio], [role=switch], legend")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -0.5 || r.right > width + 0.5) bad.push(`${el.tagName} «${(el.textContent || (el as HTMLInputElement).value || "").trim().slice(0, 40)}» ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    if (document.documentElement.scrollWidth > width + 0.5) bad.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    return bad;
  });
}

test("Impostazioni fits 320 × 700 with bands, a named set and a date band", async () => {
  const page = await openSettings();
  await page.getByRole("button", { name: "Aggiungi fascia", exact: true }).click();
  await page.getByRole("button", { name: "Aggiungi insieme di fasce" }).click();
  await page.getByLabel("Nome dell'insieme 1").fill("2023");
  await page.getByRole("button", { name: "Aggiungi fascia a «2023»" }).click();
  await page.getByRole("button", { name: "Aggiungi fascia di ritardo" }).click();
  expect(await outside(page)).toEqual([]);
  await page.screenshot({ path: path.join(artifacts, "impostazioni-320x700.png") });
  await page.getByLabel("«2023», fascia 1: da (%)").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, "impostazioni-320x700-fasce.png") });
  await page.getByLabel("Semaforo giallo da (%)").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, "impostazioni-320x700-semaforo.png") });
  // «Ripristina predefiniti» asks before discarding the body's rules; the dialog fits too.
  await page.getByRole("button", { name: "Ripristina predefiniti" }).click();
  await page.getByRole("alertdialog").waitFor();
  expect(await outside(page)).toEqual([]);
  await page.screenshot({ path: path.join(artifacts, "impostazioni-320x700-ripristina.png") });
  await page.getByRole("button", { name: "Annulla" }).click();
  expect(await page.getByLabel("Nome dell'insieme 1").inputValue()).toBe("2023");
});
