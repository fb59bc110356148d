// The rest of the Excel host: empty card, policy in the workbook, navigation, progress.
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { defaultPolicy } from "../../src/core/policy";
import { SETTINGS_SHEET_NAME, settingsSheetCells } from "../../src/core/reader/settings";
import { adoptWorkbookPolicyOnStart, createExcelHost, watchSettingsSheet } from "../../src/excel/excelHost";
import { EMPTY_CARD_LAYOUT } from "../../src/excel/emptyCard";
import { getFunctionsPolicy, resetFunctionsPolicy } from "../../src/functions/policyState";
import type { Progress } from "../../src/host/workbookHost";
import { cellAddress } from "./fakeExcel";
import { exampleGrid, fakeWith } from "./workbooks";

function setup() {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.13" });
  return { fake, uninstall, host: createExcelHost() };
}

describe("Excel host", () => {
  let ctx: ReturnType<typeof setup>;
  beforeEach(() => (ctx = setup()));
  afterEach(() => {
    ctx.uninstall();
    resetFunctionsPolicy();
  });

  test("insertEmptyCard adds a card the reader recognises once filled in", async () => {
    const { fake, host } = ctx;
    const before = (await host.analyze()) as WorkbookAnalysis;
    const name = await host.insertEmptyCard();
    expect(name).toBe("Nuova scheda");
    const s = fake.sheet(name);
    expect(fake.activeSheet).toBe(s);
    const L = EMPTY_CARD_LAYOUT;
    // Fill it in as a user would: the objective's name, one indicator.
    s.set(cellAddress(L.firstLabelRow + 4, L.valueCol), "Nuovo obiettivo di prova");
    const row = L.headerRow + 1;
    const put = (col: number, v: string | number, numberFormat?: string) => s.set(cellAddress(row, col), v, numberFormat ? { numberFormat } : {});
    put(0, "Pratiche evase");
    put(4, 30);
    put(5, ">=");
    put(6, 40);
    put(8, 1, "0%");
    const after = (await host.analyze()) as WorkbookAnalysis;
    expect(after.cardCount).toBe(before.cardCount + 1);
    const card = after.result.objectives.find((o) => o.sheet === name);
    expect(card?.name).toBe("Nuovo obiettivo di prova");
    expect(card?.performance).toBeCloseTo(0.75, 12);
    // "Calcola" writes into the card's Performance cell and its "Performance obiettivo" cell.
    await host.writeResults(after);
    expect(s.get(cellAddress(row, 7)).value).toBeCloseTo(0.75, 12);
    expect(s.get(cellAddress(L.headerRow + L.indicatorRows + 2, 7)).value).toBeCloseTo(0.75, 12);
    expect(await host.insertEmptyCard()).toBe("Nuova scheda (2)");
  });

  test("savePolicy stores the policy for both paths, sets the functions' policy and recalculates only the PIANO.* cells", async () => {
    const { fake, host } = ctx;
    const sheet = fake.sheets[1];
    sheet.set("Z1", 0.5, { formula: '=PIANO.PERF(10,">=",20)' });
    sheet.set("Z2", 2, { formula: "=1+1" });
    sheet.set("Z3", "PIANO.PERF", {});
    expect(await host.loadPolicy()).toEqual(defaultPolicy());
    const policy = { ...defaultPolicy(), cap: 1.2, thresholds: { green: 0.8, yellow: 0.5 } };
    await host.savePolicy(policy);
    expect(fake.findSheet(SETTINGS_SHEET_NAME)).toBeDefined();
    expect(getFunctionsPolicy()).toEqual(policy);
    // Not a full recalculation (it marks the file changed): the one PIANO.* formula
    // (Range.getSpecialCells + Range.calculate: docs/excel/excel-add-ins-ranges-special-cells.md).
    expect(fake.calculations).toHaveLength(1);
    expect(fake.calculations[0]).toMatch(/!Z1$/);
    resetFunctionsPolicy();
    expect(await host.loadPolicy()).toEqual(policy);
    expect(getFunctionsPolicy()).toEqual(policy);
    // The analysis now scores with it (the reader reads the same sheet).
    const analysis = (await host.analyze()) as WorkbookAnalysis;
    expect(analysis.policy).toEqual(policy);
    expect(analysis.skippedSheets).toContain(SETTINGS_SHEET_NAME);
  });

  test("savePolicy refuses an invalid policy and a protected settings sheet, writing nothing", async () => {
    const { fake, host } = ctx;
    const before = fake.snapshot();
    await expect(host.savePolicy({ ...defaultPolicy(), thresholds: { green: 0.5, yellow: 0.9 } })).rejects.toMatchObject({ code: "invalidPolicy" });
    expect(fake.snapshot()).toEqual(before);
    await host.savePolicy(defaultPolicy());
    fake.sheet(SETTINGS_SHEET_NAME).protected = true;
    const saved = fake.snapshot();
    await expect(host.savePolicy({ ...defaultPolicy(), cap: null })).rejects.toMatchObject({ code: "protected" });
    expect(fake.snapshot()).toEqual(saved);
    expect(getFunctionsPolicy()).toEqual(defaultPolicy());
  });

  test("selectCell activates the sheet and selects the cell; a missing sheet is a clear message", async () => {
    const { fake, host } = ctx;
    const sheet = fake.sheets[3].name;
    await host.selectCell(sheet, "E18");
    expect(fake.selection).toEqual({ sheet, address: "E18" });
    expect(fake.activeSheet?.name).toBe(sheet);
    await expect(host.selectCell("Non esiste", "A1")).rejects.toMatchObject({ code: "sheetMissing", message: expect.stringContaining("«Non esiste»") });
  });

  test("progress is reported in Italian phases", async () => {
    const { host } = ctx;
    const seen: Progress[] = [];
    const analysis = await host.analyze((p) => seen.push(p));
    await host.writeResults(analysis, (p) => seen.push(p));
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(["Lettura dei fogli", "Calcolo delle performance", "Salvataggio dei valori precedenti", "Scrittura dei risultati"]);
  });

  test("the restore backup never shows up as a skipped sheet", async () => {
    const { host } = ctx;
    await host.writeResults(await host.analyze());
    const again = await host.analyze();
    expect(again.skippedSheets).toEqual([]);
  });
});

test("at start-up the PIANO.* functions adopt the workbook's policy, recalculating only when it changes", async () => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.12" });
  try {
    // A workbook with no settings: the functions keep the default, nothing is recalculated.
    expect(await adoptWorkbookPolicyOnStart()).toBe(false);
    expect(fake.calculations).toEqual([]);
    fake.sheets[2].set("B2", 0.7, { formula: "=PIANO.PESATA(A1:A3,B1:B3)" });
    const custom = { ...defaultPolicy(), cap: 1.2, rules: { ...defaultPolicy().rules, "<=": "reflection" as const } };
    await createExcelHost().savePolicy(custom);
    resetFunctionsPolicy(); // as a new session of the shared runtime starts
    fake.calculations.length = 0;
    expect(await adoptWorkbookPolicyOnStart()).toBe(true);
    expect(getFunctionsPolicy()).toEqual(custom);
    expect(fake.calculations).toHaveLength(1);
    expect(fake.calculations[0]).toMatch(/!B2$/);
  } finally {
    uninstall();
    resetFunctionsPolicy();
  }
});

test("on an Excel with exactly ExcelApi 1.12 (the manifest's set) every action works and nothing newer is called", async () => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.12" });
  try {
    const host = createExcelHost();
    const analysis = await host.analyze();
    expect(analysis.cardCount).toBe(18);
    // Without merged areas the objective's cell is still the Performance column, not inside the label's merge.
    const objectiveCells = analysis.result.objectives.map((o) => o.input.performanceCell);
    expect(objectiveCells.every((c) => c !== undefined && /^H\d+$/.test(c))).toBe(true);
    expect((await host.writeResults(analysis)).written).toBeGreaterThan(0);
    expect(await host.buildSummary(await host.analyze())).toBe("Riepilogo performance 2022");
    expect(await host.restore()).toBeGreaterThan(0);
    await host.insertEmptyCard();
    await host.savePolicy(defaultPolicy());
    expect(fake.maxApiUsed).toBe("1.12");
    expect(fake.runs.every((r) => r.options.delayForCellEdit === true && r.options.mergeUndoGroup === undefined)).toBe(true);
  } finally {
    uninstall();
    resetFunctionsPolicy();
  }
});

test("an edit of the settings sheet by hand or by a co-author is adopted without a reload (Worksheet.onChanged)", async () => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.12" });
  try {
    const first = { ...defaultPolicy(), cap: 1.2 };
    await createExcelHost().savePolicy(first);
    expect(await watchSettingsSheet()).toBe(true);
    // A co-author saves another policy: the settings sheet's cells change under us.
    const other = { ...defaultPolicy(), cap: 1.5, thresholds: { green: 0.9, yellow: 0.6 } };
    const block = settingsSheetCells(other, []);
    const sheet = fake.sheet(SETTINGS_SHEET_NAME);
    sheet.cells.clear();
    block.values.forEach((row, r) => row.forEach((v, c) => v !== "" && sheet.set(cellAddress(r, c), v, { numberFormat: block.formats[r]?.[c] ?? "General" })));
    expect(getFunctionsPolicy()).toEqual(first);
    await fake.fireChanged(SETTINGS_SHEET_NAME, "B5", "Remote");
    expect(getFunctionsPolicy()).toEqual(other);
  } finally {
    uninstall();
    resetFunctionsPolicy();
  }
});
