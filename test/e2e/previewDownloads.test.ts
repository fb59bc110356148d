// End to end in headless Chromium: the built preview (dist/) downloads the PIRA document and
// the open-data CSV of the example from the pane's «Riepilogo» tab. The document is then
// read by LibreOffice (the independent reader): every objective's name and computed
// performance, in card order. Nothing leaves 127.0.0.1.
import fs from "node:fs";
import path from "node:path";
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { artifacts, exampleAnalysis, openPreview, previewHarness } from "./harness";
import { italianPercent, libreOfficeConvert, parseCsv, tmpDir } from "../document/helpers";

const h = previewHarness();
let expected: WorkbookAnalysis;

beforeAll(async () => {
  expected = await exampleAnalysis();
});

test("«Scarica documento» and «Scarica dati aperti» in the preview give the example's .docx and CSV", async () => {
  const { page, context, external, errors } = await openPreview(h);
  await page.getByRole("tab", { name: "Riepilogo" }).click();

  const dir = tmpDir("pira-e2e-");
  const [docx] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "Scarica documento (.docx)" }).click()]);
  expect(docx.suggestedFilename()).toBe("PIRA-2022.docx");
  const docFile = path.join(dir, "PIRA-2022.docx");
  await docx.saveAs(docFile);
  await page.getByText("Scaricato: PIRA-2022.docx").waitFor();
  await page.locator("section[aria-labelledby=piano-downloads-title]").screenshot({ path: path.join(artifacts, "preview-downloads.png") }).catch(() => undefined);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Scarica dati aperti (.csv)" }).click()]);
  expect(csv.suggestedFilename()).toBe("dati-aperti-indicatori-2022.csv");
  const csvFile = path.join(dir, "dati.csv");
  await csv.saveAs(csvFile);
  expect(parseCsv(fs.readFileSync(csvFile, "utf8"))).toHaveLength(137);

  const text = fs.readFileSync(libreOfficeConvert(docFile, "txt:Text (encoded):UTF8", dir), "utf8").replace(/\s+/g, " ");
  let at = text.indexOf("Gli obiettivi operativi");
  expect(at).toBeGreaterThan(0);
  for (const o of expected.result.objectives) {
    at = text.indexOf(o.name.replace(/\s+/g, " "), at);
    expect(at).toBeGreaterThan(0);
    at = text.indexOf(`Performance dell'obiettivo: ${italianPercent(o.performance!)}`, at);
    expect(at).toBeGreaterThan(0);
  }
  expect(external).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
