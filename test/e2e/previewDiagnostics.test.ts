// «Diagnostica» in the built preview (dist/, after `npm run build`), in headless Debian
// Chromium: Impostazioni → Diagnostica runs the add-in's own checks (src/excel/diagnostics.ts)
// on the model of Excel (src/officeModel), loaded on demand, and the report lists each check
// passed and says it ran on the model, not on a real Excel. The preview's workbook is untouched.
import path from "node:path";
import { DIAGNOSTICS } from "../../src/messages/diagnostics";
import { artifacts, openPreview, previewHarness, SHEET_TABS } from "./harness";

const h = previewHarness();

test("Impostazioni → Diagnostica: every check passes on the model of Excel, and the report says so", async () => {
  const scripts: string[] = [];
  const { page, context, errors } = await openPreview(h, {
    onRequest: (u) => {
      if (u.pathname.endsWith(".js")) scripts.push(path.basename(u.pathname));
    },
  });
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
  expect(await page.locator(SHEET_TABS).count()).toBe(18);
  await report.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, "anteprima-diagnostica.png") });
  expect(errors).toEqual([]);
  await context.close();
});
