// «Confronta» from an opened file in the browser preview (issue 11), in headless Debian
// Chromium on the built dist/: the consuntivo is the open workbook, the user picks the
// preventivo it was built from (one target changed, one indicator removed, one added) in the
// Riepilogo panel; the pane lists exactly those three, says which side is which from the phases,
// and the target's link selects the cell in the open workbook. A file that is no workbook: an
// Italian message, the list stays. No request leaves 127.0.0.1; ExcelJS is a lazy chunk.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { ui } from "../../src/messages/ui";
import { COMPARE_UI } from "../../src/messages/compareUi";
import { artifacts, openFileInPreview, openPreview, previewHarness } from "./harness";
import { compareConsuntivo, comparePreventivo } from "../phases/workbooks";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "compare-e2e-"));

const h = previewHarness();

const preventivo = comparePreventivo;
const consuntivo = compareConsuntivo;

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}


async function openConsuntivo(width: number, height: number): Promise<{ page: Page; foreign: string[] }> {
  const { page, external } = await openPreview(h, { width, height });
  await openFileInPreview(page, await save(consuntivo(), "consuntivo-2023.xlsx"), 2);
  return { page, foreign: external };
}

test("the preventivo picked against the open consuntivo: exactly the three differences, the sides named, a link to the cell", async () => {
  const { page, foreign } = await openConsuntivo(1280, 900);
  const pane = page.getByTestId("taskpane");
  // Listening early: Playwright turns on the file chooser's interception asynchronously.
  const chooserEvent = page.waitForEvent("filechooser");
  await pane.getByRole("tab", { name: ui.tabs.summary }).click();
  const section = pane.getByTestId("compare-plans");
  await section.getByRole("button", { name: COMPARE_UI.choose }).waitFor();
  // The control is a real, labelled button: the file chooser opens from the keyboard.
  // Enabled once nothing else runs (the panel's other sections may be busy just after opening).
  await page.waitForFunction((name) => [...document.querySelectorAll("button")].some((b) => b.textContent === name && !b.disabled), COMPARE_UI.choose);
  await section.getByRole("button", { name: COMPARE_UI.choose }).focus();
  await page.waitForFunction((name) => document.activeElement?.textContent === name && !(document.activeElement as HTMLButtonElement).disabled, COMPARE_UI.choose);
  await page.keyboard.press("Enter");
  const chooser = await chooserEvent;
  await chooser.setFiles(await save(preventivo(), "preventivo-2023.xlsx"));

  const result = pane.getByTestId("compare-result");
  await result.waitFor();
  await expect(result.innerText()).resolves.toContain("Confronto del preventivo 2023 (file «preventivo-2023.xlsx») con il consuntivo 2023 (cartella aperta).");
  const list = result.getByRole("list", { name: COMPARE_UI.listLabel(3) });
  const items = await list.getByRole("listitem").allInnerTexts();
  expect(items).toHaveLength(3);
  expect(items[0]).toContain("«Digitalizzazione», «Tempo medio»: target 2023 cambiato da <= 10 a <= 12");
  expect(items[1]).toContain("«Trasparenza»: indicatore tolto «Controlli»");
  expect(items[2]).toContain("«Trasparenza»: indicatore aggiunto «Accessi civici evasi»");
  await page.screenshot({ path: path.join(artifacts, "compare-result.png") });

  // The changed target's cell in the open workbook (the consuntivo's Target 2023 of «Tempo medio»).
  await list.getByRole("button", { name: ui.calculate.goToCell("O1", "D9") }).click();
  await page.getByText(ui.preview.selected("O1", "D9")).waitFor();
  // The added indicator is in the open workbook too: its row is linked.
  await list.getByRole("listitem").nth(2).getByRole("button").click();
  await page.getByText(ui.preview.selected("O2", "F9")).waitFor();

  // Not a workbook: an Italian message; the list shown stays.
  const bad = path.join(tmp, "appunti.xlsx");
  fs.writeFileSync(bad, "non sono una cartella di lavoro");
  await section.getByLabel(COMPARE_UI.inputLabel).setInputFiles(bad);
  await pane.getByText(/Impossibile aprire «appunti.xlsx»: il file non è una cartella di lavoro .xlsx leggibile/).waitFor();
  expect(await list.getByRole("listitem").count()).toBe(3);
  // The open workbook is unchanged: still the consuntivo with its two sheets.
  expect(await page.locator('[role="tablist"][aria-label="Fogli della cartella"] [role="tab"]').count()).toBe(2);
  expect(foreign).toEqual([]);
  await page.context().close();
});

test("at the task pane's size (320 × 700) the result is readable", async () => {
  const { page } = await openConsuntivo(320 + 900, 700);
  const pane = page.getByTestId("taskpane");
  await pane.getByRole("tab", { name: ui.tabs.summary }).click();
  await pane.getByTestId("compare-plans").getByLabel(COMPARE_UI.inputLabel).setInputFiles(await save(preventivo(), "p.xlsx"));
  await pane.getByTestId("compare-result").waitFor();
  await pane.getByTestId("compare-result").scrollIntoViewIfNeeded();
  await pane.screenshot({ path: path.join(artifacts, "compare-pane.png") });
  expect(await pane.getByTestId("compare-result").getByRole("listitem").count()).toBe(3);
  await page.context().close();
});
