// «Accetta» a correction in the browser preview (issue 12), in headless Debian Chromium on the
// built dist/: on the example, «Calcola performance» → «Sostituisci», then Verifica lists the
// seven corrections; accepting «Sito camerale» H19 after the confirmation leaves six, and the
// downloaded workbook, read by the CLI's reader, says the same (the original kept in the backup).
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { readPackageInfo, withPackageInfo } from "../../src/adapters/xlsx";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { readBackupFromGrid } from "../../src/core/reader/backup";
import { ui } from "../../src/messages/ui";
import { ACCEPT_UI } from "../../src/messages/rectifications";
import { artifacts, confirmation, openPreview, previewHarness } from "./harness";

const SITO = "OO13 Sito camerale";

const h = previewHarness();

test("Sostituisci, then Accetta one of the seven corrections: six left, in the pane and in the downloaded file", async () => {
  const { page, context, errors } = await openPreview(h);
  const pane = page.getByTestId("taskpane");
  await pane.getByRole("button", { name: "Calcola performance" }).click();
  await (await confirmation(page)).getByRole("button", { name: ui.confirm.replace }).click();
  await pane.getByText(/\d+ cell[ae] aggiornat/).first().waitFor();

  await pane.getByRole("tab", { name: ui.tabs.validate }).click();
  await pane.getByRole("button", { name: ui.validate.run }).click();
  const section = pane.getByTestId("accept-rectifications");
  await section.getByRole("heading", { name: ACCEPT_UI.heading(7) }).waitFor();
  await section.getByRole("button", { name: ACCEPT_UI.acceptLabel("Architettura dell'informazione", `${SITO}!H19`) }).click();
  const dialog = await confirmation(page);
  await expect(dialog.innerText()).resolves.toContain(ACCEPT_UI.confirmTitle(1));
  await page.screenshot({ path: path.join(artifacts, "accept-confirm.png") });
  await dialog.getByRole("button", { name: ACCEPT_UI.confirm }).click();
  await pane.getByText(ACCEPT_UI.done(1)).waitFor();
  await section.getByRole("heading", { name: ACCEPT_UI.heading(6) }).waitFor();
  await pane.getByText(ACCEPT_UI.acceptedCount(1)).waitFor();
  await pane.screenshot({ path: path.join(artifacts, "accept-done.png") });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: ui.preview.download }).click()]);
  const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const grid = withPackageInfo(gridFromExcelJs(wb), readPackageInfo(bytes));
  const a = analyzeWorkbook(grid);
  expect(a.rectifications).toHaveLength(6);
  expect(a.acceptedRectifications.map((r) => `${r.sheet}!${r.cell}`)).toEqual([`${SITO}!H19`]);
  const kept = readBackupFromGrid(grid).find((e) => e.sheet === SITO && e.cell === "H19")!;
  expect([kept.before.value, kept.after.value]).toEqual([0, 1]);
  expect(errors).toEqual([]);
  await context.close();
});
