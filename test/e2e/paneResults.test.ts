// Issue 13 in a real browser: the built preview (dist/) in headless Debian Chromium, the pane
// at its real size (320 px wide, 700 px high). The objectives' filter; a roll-up's drill-down
// down to an indicator's cell, selected in the sheet view; «Ripristina» after two runs gives
// back the original workbook cell for cell; after Esc on the confirmation the focus is on
// «Calcola performance». Screenshots go to test-results/ (git-ignored).
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { objectivesWithProblems, pullingDown } from "../../src/taskpane/components/drilldown";
import { artifacts, calculate, confirmation, exampleAnalysis, exampleFile, openPreview, previewHarness, SHEET_TABS } from "./harness";

const h = previewHarness();
let expected: WorkbookAnalysis;

// 700 px high, as the task pane in Excel; the preview draws the pane 320 px wide beside the sheet.
const open = () => openPreview(h, { height: 700 });

const pane = (page: Page) => page.locator('[data-testid="taskpane"]');

async function shot(page: Page, name: string): Promise<void> {
  await pane(page).screenshot({ path: path.join(artifacts, name) });
}

const shownObjectives = (page: Page) => page.locator("[data-objective]").evaluateAll((els) => els.map((e) => e.getAttribute("data-objective")));

/** Values and formats of every cell of the original sheets, as ExcelJS reads the file. */
function cellsOf(wb: ExcelJS.Workbook, sheets: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of sheets) {
    const ws = wb.getWorksheet(name)!;
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value === null || cell.value === undefined || cell.value === "" ? null : cell.value;
        out.set(`${name}!R${r}C${c}`, JSON.stringify([v, v === null ? "" : cell.numFmt ?? ""]));
      }),
    );
  }
  return out;
}

beforeAll(async () => {
  expected = await exampleAnalysis();
});

describe("il riquadro dei risultati (Chromium, 320 × 700)", () => {
  test("filtro: tutti, gialli, rossi, con problemi", async () => {
    const { page, errors } = await open();
    await calculate(page);
    const objectives = expected.result.objectives;
    const ids = (f: (o: (typeof objectives)[number]) => boolean) => objectives.filter(f).map((o) => o.id);
    const withProblems = objectivesWithProblems(objectives, expected.problems);
    const cases: [string, string[]][] = [
      ["Gialli", ids((o) => o.light === "giallo")],
      ["Rossi", ids((o) => o.light === "rosso")],
      ["Con problemi", ids((o) => withProblems.has(o.id))],
      ["Tutti", ids(() => true)],
    ];
    expect(cases[0][1].length).toBeGreaterThan(0);
    expect(cases[2][1].length).toBeGreaterThan(0);
    expect(cases[2][1].length).toBeLessThan(18);
    const group = page.getByRole("radiogroup", { name: "Mostra gli obiettivi" });
    for (const [label, want] of cases) {
      await group.getByRole("radio", { name: `${label} (${want.length})` }).check();
      await page.waitForFunction((n) => document.querySelectorAll("[data-objective]").length === n, want.length);
      expect(await shownObjectives(page)).toEqual(want);
      if (label === "Con problemi") await shot(page, "pane-filtro-problemi.png");
    }
    // Nothing overflows the 320 px pane sideways.
    const size = await pane(page).evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(size.scroll).toBeLessThanOrEqual(size.client);
    expect(errors).toEqual([]);
  });

  test("cosa abbassa un aggregato: dall'obiettivo strategico fino alla cella dell'indicatore", async () => {
    const { page, errors } = await open();
    await calculate(page);
    // The strategic objective with the lowest performance, and what pulls it down.
    const rows = expected.result.rollups.obiettivoStrategico.filter((r) => r.performance !== null && r.performance < 1);
    const row = rows.sort((a, b) => a.performance! - b.performance!)[0];
    const drill = pullingDown("obiettivoStrategico", row.key, expected.result.objectives);
    const first = drill[0];
    const indicator = first.indicators[0];
    expect(indicator.cell).toBeTruthy();

    await page.getByRole("button", { name: "Per obiettivo strategico" }).click();
    await page.getByRole("button", { name: `Cosa la abbassa: ${row.label}` }).click();
    const list = page.getByRole("list", { name: `Cosa abbassa «${row.label}»` });
    await list.waitFor();
    expect(await list.locator("[data-drill-objective]").evaluateAll((els) => els.map((e) => e.getAttribute("data-drill-objective")))).toEqual(drill.map((d) => d.objective.id));
    const item = list.getByRole("list", { name: `Indicatori di «${first.objective.name}»` }).getByRole("listitem").first();
    expect(await item.textContent()).toContain(indicator.explanation);
    await item.scrollIntoViewIfNeeded();
    await shot(page, "pane-aggregato.png");

    const sheet = first.objective.sheet!;
    await item.getByRole("button", { name: `Vai alla cella ${indicator.cell} del foglio ${sheet}` }).click();
    const cell = page.locator(`table[data-sheet="${sheet}"] td[data-cell="${indicator.cell}"]`);
    await cell.waitFor();
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute("data-selected") === "true", `table[data-sheet="${sheet}"] td[data-cell="${indicator.cell}"]`);
    const active = page.locator(`${SHEET_TABS}[aria-selected="true"]`);
    expect((await active.textContent())?.trim()).toBe(sheet);
    await page.screenshot({ path: path.join(artifacts, "preview-aggregato-cella.png") });
    expect(errors).toEqual([]);
  });

  test("Ripristina dopo due calcoli rimette la cartella originale, cella per cella", async () => {
    const { page, errors } = await open();
    await calculate(page);
    // Different rules (a 120% cap) so that the second run rewrites cells the first one wrote.
    await page.getByRole("tab", { name: "Impostazioni" }).click();
    const cap = page.getByLabel(/Limite massimo della performance/);
    await cap.fill("120");
    await page.getByRole("button", { name: "Salva impostazioni" }).click();
    await page.getByText(/Impostazioni salvate nella cartella/).waitFor();
    await page.getByRole("tab", { name: "Calcola" }).click();
    await calculate(page);
    await page.getByRole("button", { name: "Ripristina" }).click();
    await page.getByText(/cell[ae] ripristinat/).waitFor();

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Scarica risultato" }).click();
    const file = path.join(artifacts, "ripristino-dopo-due-calcoli.xlsx");
    await (await download).saveAs(file);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(exampleFile);
    const restored = new ExcelJS.Workbook();
    await restored.xlsx.readFile(file);
    const sheets = original.worksheets.map((w) => w.name);
    const a = cellsOf(original, sheets);
    const b = cellsOf(restored, sheets);
    const differ = [...new Set([...a.keys(), ...b.keys()])].filter((k) => (a.get(k) ?? JSON.stringify([null, ""])) !== (b.get(k) ?? JSON.stringify([null, ""])));
    expect(differ.map((k) => `${k}: ${b.get(k)} ≠ ${a.get(k)}`)).toEqual([]);
    expect(a.size).toBeGreaterThan(2000);
    expect(errors).toEqual([]);
  });

  test("dopo Esc sulla conferma il fuoco torna su «Calcola performance»", async () => {
    const { page, errors } = await open();
    await page.getByRole("button", { name: "Calcola performance" }).click();
    await confirmation(page);
    await page.keyboard.press("Escape");
    await page.getByText("Calcolo annullato: la cartella non è stata modificata.").waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === "Calcola performance");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BUTTON");
    await shot(page, "pane-dopo-esc.png");
    expect(errors).toEqual([]);
  });
});
