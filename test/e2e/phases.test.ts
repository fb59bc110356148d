// The phases in the browser preview (issue 11), in headless Debian Chromium on the built
// dist/: opening a preventivo shows «Fase: preventivo 2023» and «Calcola performance»
// computes and writes nothing; opening a monitoring workbook shows the date and the
// indicators in linea / in ritardo; «Nuovo anno» downloads next year's plan and leaves the
// open workbook as it was.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { ui } from "../../src/messages/ui";
import { NEXT_YEAR_UI } from "../../src/messages/phasesUi";
import { artifacts, openFileInPreview, openPreview, previewHarness } from "./harness";
import { cardWorkbook } from "../phases/workbooks";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phases-e2e-"));

const h = previewHarness();

const preventivo = () =>
  cardWorkbook([
    { sheet: "Scheda 1", name: "Digitalizzazione", headers: ["Indicatore", "Operatore", "Target 2023", "Target 2024", "Target 2025", "Performance", "Peso"], rows: [["Pratiche telematiche", ">=", 100, 110, 120, "", 0.5], ["Tempo medio", "<=", 10, 12, 9, "", 0.5]] },
  ]);
const monitoring = () =>
  cardWorkbook([
    {
      sheet: "Scheda 1",
      name: "Digitalizzazione",
      headers: ["Indicatore", "UdM", "Stato 2022", "Stato al 30/06/2023", "Operatore", "Target 2023", "Performance", "Peso"],
      rows: [["Pratiche telematiche", "n.", 950, 600, ">=", 1000, "", 0.5], ["Soddisfazione", "%", 0.8, 0.7, ">=", 0.85, "", 0.5]],
    },
  ]);

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function openWith(file: string): Promise<Page> {
  const { page } = await openPreview(h);
  await openFileInPreview(page, file, 1);
  return page;
}


test("a preventivo: the phase is shown, «Calcola performance» computes and writes nothing, «Nuovo anno» downloads the 2024 plan", async () => {
  const file = await save(preventivo(), "preventivo.xlsx");
  const page = await openWith(file);
  const pane = page.getByTestId("taskpane");
  await pane.getByRole("button", { name: "Calcola performance" }).click();
  const info = pane.getByTestId("phase-info");
  await info.waitFor();
  expect(await info.getAttribute("data-phase")).toBe("preventivo");
  await expect(info.innerText()).resolves.toContain("Fase: preventivo 2023");
  await expect(info.innerText()).resolves.toContain("nessuna performance calcolata né scritta");
  // No confirmation, no written cells: the Performance column stays empty in the sheet view.
  expect(await page.getByRole("alertdialog").count()).toBe(0);
  expect(await pane.getByText(/\d+ cell[ae] aggiornat/).count()).toBe(0);
  await page.screenshot({ path: path.join(artifacts, "phases-preventivo.png") });

  // «Nuovo anno» in the Riepilogo panel: a download, the open workbook unchanged.
  await pane.getByRole("tab", { name: ui.tabs.summary }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), pane.getByRole("button", { name: NEXT_YEAR_UI.run, exact: true }).click()]);
  expect(download.suggestedFilename()).toBe("preventivo-2024.xlsx");
  const saved = path.join(tmp, "nuovo.xlsx");
  await download.saveAs(saved);
  await pane.getByText(/Piano 2024 creato/).waitFor();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(saved);
  const next = analyzeWorkbook(gridFromExcelJs(wb));
  expect([next.phase, next.year]).toEqual(["preventivo", 2024]);
  expect(next.plan.objectives[0].indicators[0].targets?.map((t) => [t.year, t.cell.value])).toEqual([
    [2024, 110],
    [2025, 120],
    [2026, ""],
  ]);
  // The open workbook still reads as the 2023 preventivo.
  await pane.getByRole("tab", { name: ui.tabs.validate }).click();
  await pane.getByRole("button", { name: ui.validate.run }).click();
  await expect(pane.getByTestId("phase-info").last().innerText()).resolves.toContain("Fase: preventivo 2023");
  await page.context().close();
});

test("a monitoring workbook: date, share of the year, in linea / in ritardo; performance against the 2023 target", async () => {
  const file = await save(monitoring(), "monitoraggio.xlsx");
  const page = await openWith(file);
  const pane = page.getByTestId("taskpane");
  await pane.getByRole("tab", { name: ui.tabs.validate }).click();
  await pane.getByRole("button", { name: ui.validate.run }).click();
  const info = pane.getByTestId("phase-info");
  await info.waitFor();
  expect(await info.getAttribute("data-phase")).toBe("monitoraggio");
  const text = await info.innerText();
  expect(text).toContain("Fase: monitoraggio 2023 · rilevazione al 30/06/2023");
  // 600 ≥ 1000 × 181/365 (on track); 70% < 85% (late).
  expect(text).toContain("1 indicatore in linea, 1 in ritardo");
  await page.screenshot({ path: path.join(artifacts, "phases-monitoraggio.png") });
  // «Calcola performance» computes as in the consuntivo: 60% for the first indicator.
  await pane.getByRole("tab", { name: ui.tabs.calculate }).click();
  await pane.getByRole("button", { name: "Calcola performance" }).click();
  await pane.getByText(/\d+ cell[ae] aggiornat/).first().waitFor();
  await page.context().close();
});
