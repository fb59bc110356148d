// Issue 12 in a real browser: the built preview (dist/) in headless Debian Chromium, the pane
// at its real size (320 px wide, 700 px high). After «Calcola performance» → «Sostituisci» the
// corrections (rettifiche) are still listed — in Verifica and in the summary — with the seed's
// ORIGINAL values (the add-in's own writes are not the reference); after changing the rules in
// Impostazioni the pane says «riepilogo da aggiornare»; «Prepara per la stampa» sets the cards
// and «Scarica risultato» carries it. Screenshots go to test-results/ (git-ignored).
import fs from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { artifacts, calculate, openPreview, previewHarness } from "./harness";

const SUMMARY = "Riepilogo performance 2022";

const h = previewHarness();

const open = () => openPreview(h, { height: 700 });

const pane = (page: Page) => page.locator('[data-testid="taskpane"]');
const shot = (page: Page, name: string) => pane(page).screenshot({ path: path.join(artifacts, name) });

/** The seed's corrections as the CLI lists them: card, declared (the seed's original), computed. */
const SEED_CORRECTIONS = [
  ["OO13 Sito camerale", "0%", "100%"],
  ["OO17 Salute organizzativa", "15%", "55,56%"],
  ["OO07 Infrastrutture", "123%", "100%"],
  ["OO05 Sostegno del turismo", "47%", "50%"],
] as const;

test("after «Sostituisci» Verifica and the summary still list the corrections with the seed's original values", async () => {
  const { page, errors, external } = await open();
  await calculate(page);
  await shot(page, "rettifiche-calcolato-320x700.png");

  // Verifica: each correction said with the value the user had stated, not the one the add-in wrote.
  await pane(page).getByRole("tab", { name: "Verifica", exact: true }).click();
  await page.getByRole("button", { name: /Verifica (struttura|di nuovo)/ }).click();
  const text = async () => (await pane(page).textContent()) ?? "";
  await page.getByText(/rettifica — dichiarata/).first().waitFor();
  for (const [card, original, computed] of SEED_CORRECTIONS) {
    const t = await text();
    // Grouped by card (its sheet's name as the group's title), each problem with its cell.
    expect({ card, listed: new RegExp(`${card}Avviso[\\s\\S]*?rettifica — dichiarata ${original}, calcolata ${computed} \\[`).test(t) }).toEqual({ card, listed: true });
  }
  expect((await text()).match(/rettifica — dichiarata/g)).toHaveLength(7);
  await shot(page, "rettifiche-verifica-320x700.png");

  // The summary's «Rettifiche» block: the seven rows, with the seed's values.
  await pane(page).getByRole("tab", { name: "Riepilogo", exact: true }).click();
  await page.getByRole("button", { name: "Genera riepilogo" }).click();
  await page.getByText(`Riepilogo pronto nel foglio «${SUMMARY}».`).waitFor();
  const sheet = page.locator(`table[data-sheet="${SUMMARY}"]`);
  await sheet.waitFor();
  const rows = await sheet.locator("tr").evaluateAll((trs) => trs.map((tr) => (tr.textContent ?? "").replace(/\s+/g, " ")));
  // Each row starts with its row number (the sheet view's row header).
  const start = rows.findIndex((r) => /^\s*\d+\s*Rettifiche\b/.test(r));
  expect(start).toBeGreaterThan(0);
  const block = rows.slice(start, start + 12).join("\n");
  // Columns: Scheda, Cella, Indicatore, Dichiarata (the seed's value), Calcolata, Spiegazione.
  expect(block).toMatch(/OO13 Sito cameraleH19Sito camerale — Architettura dell'informazione0%100%realizzato/);
  expect(block).toMatch(/OO17 Salute organizzativaH29Salute organizzativa — Tasso di assenza15%55,56%/);
  expect(block).toMatch(/OO07 InfrastruttureH18[^\n]*123%100%37 ≥ 30/);
  expect(block.match(/rettificata nella scheda/g)).toHaveLength(7);
  await page.screenshot({ path: path.join(artifacts, "rettifiche-riepilogo.png") });
  await shot(page, "rettifiche-riepilogo-320x700.png");
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});

test("after the rules change in Impostazioni the pane says «riepilogo da aggiornare» and refreshes it", async () => {
  const { page, errors } = await open();
  await pane(page).getByRole("tab", { name: "Riepilogo", exact: true }).click();
  await page.getByRole("button", { name: "Genera riepilogo" }).click();
  await page.getByText(`Riepilogo pronto nel foglio «${SUMMARY}».`).waitFor();
  // No notice while the summary matches the plan and the rules (a calculation writes only the
  // Performance cells: the summary is built from the computed values, so it still matches).
  await pane(page).getByRole("tab", { name: "Calcola", exact: true }).click();
  await calculate(page);
  expect(await page.getByText("riepilogo da aggiornare", { exact: true }).count()).toBe(0);

  // Other rules: a 120% cap.
  await pane(page).getByRole("tab", { name: "Impostazioni", exact: true }).click();
  await page.getByLabel(/Limite massimo della performance/).fill("120");
  await page.getByRole("button", { name: "Salva impostazioni" }).click();
  await page.getByText(/Impostazioni salvate nella cartella/).waitFor();
  await pane(page).getByRole("tab", { name: "Calcola", exact: true }).click();
  await calculate(page);
  const notice = page.getByText("riepilogo da aggiornare", { exact: true });
  await notice.waitFor();
  await expect(page.getByText(`Il foglio «${SUMMARY}» è stato creato con dati o regole diversi da quelli attuali: riepilogo da aggiornare.`, { exact: false }).count()).resolves.toBe(1);
  await shot(page, "riepilogo-da-aggiornare-320x700.png");
  await page.getByRole("button", { name: "Aggiorna anche il riepilogo" }).click();
  await page.waitForFunction(() => !document.body.textContent?.includes("riepilogo da aggiornare"));
  // The refreshed summary states the new rules.
  const sheet = page.locator(`table[data-sheet="${SUMMARY}"]`);
  await page.getByRole("tab", { name: SUMMARY }).click().catch(() => undefined);
  await sheet.waitFor();
  expect((await sheet.textContent()) ?? "").toContain("120%");
  expect(errors).toEqual([]);
});

test("«Prepara per la stampa» in the preview: «Scarica risultato» carries each card's page setup", async () => {
  const { page, errors } = await open();
  await pane(page).getByRole("tab", { name: "Riepilogo", exact: true }).click();
  await page.getByRole("button", { name: "Prepara per la stampa" }).click();
  await page.getByText(/18 schede pronte per la stampa/).waitFor();
  await shot(page, "prepara-stampa-320x700.png");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Scarica risultato" }).click();
  const file = path.join(artifacts, "prepara-stampa.xlsx");
  await (await download).saveAs(file);
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const wb = strFromU8(parts["xl/workbook.xml"]);
  expect(wb.match(/_xlnm\.Print_Titles/g)).toHaveLength(18);
  expect(strFromU8(parts["xl/worksheets/sheet1.xml"])).toMatch(/<pageSetup [^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
  expect(errors).toEqual([]);
});
