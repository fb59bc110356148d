// A sheet is the add-in's only by its mark (the worksheet custom property the add-in sets,
// Worksheet.customProperties, ExcelApi 1.12 — docs/excel/excel-add-ins-workbooks.md, "Custom
// properties"), never by its name: a user's own sheets that merely have the settings sheet's
// or the backup sheet's name (Excel compares sheet names case-insensitively) come through
// «Salva regole», «Calcola performance», «Riepilogo» and «Ripristina» untouched — never read
// as settings, cleared, hidden or marked — and the add-in's own sheets take new names.
import { analyzeWorkbook, type WorkbookAnalysis } from "../../src/core/reader/analyze";
import type { WorkbookGrid, SheetGrid } from "../../src/core/reader/grid";
import { defaultPolicy } from "../../src/core/policy";
import { readSettings, SETTINGS_SHEET_NAME } from "../../src/core/reader/settings";
import { BACKUP_SHEET_NAME } from "../../src/excel/backup";
import { adoptWorkbookPolicyOnStart, createExcelHost } from "../../src/excel/excelHost";
import { OWNER_PROPERTY } from "../../src/excel/readGrid";
import { getFunctionsPolicy, resetFunctionsPolicy } from "../../src/functions/policyState";
import type { FakeExcel } from "./fakeExcel";
import { exampleGrid, fakeWith, scaledSeed } from "./workbooks";

const USER_SETTINGS = SETTINGS_SHEET_NAME.toUpperCase();
const USER_BACKUP = BACKUP_SHEET_NAME.toLowerCase();

/** The user's two sheets: one that a name-based reader would take for settings (a policy
 *  JSON with a cap of 150%, a registry row claiming a card sheet), one named like the backup. */
function withUserSheets(grid: WorkbookGrid): WorkbookGrid {
  const claimed = grid.sheets[1].name;
  const sheet = (name: string, values: string[][]): SheetGrid => ({ name, startRow: 0, startCol: 0, values, formats: values.map((r) => r.map(() => "General")), merges: [] });
  return {
    sheets: [
      ...grid.sheets,
      sheet(USER_SETTINGS, [
        ["Le impostazioni del mio ufficio", ""],
        ["Politica (JSON)", JSON.stringify({ ...defaultPolicy(), cap: 1.5 })],
        ["Foglio gestito", claimed],
      ]),
      sheet(USER_BACKUP, [["Promemoria: ripristino delle stampanti"], ["Chiamare l'ufficio IT il lunedì"]]),
    ],
  };
}

const userPart = (fake: FakeExcel) => (fake.snapshot() as { name: string }[]).filter((s) => s.name === USER_SETTINGS || s.name === USER_BACKUP);
/** A1:B80 of a sheet, as values. */
const block = (fake: FakeExcel, name: string) => Array.from({ length: 80 }, (_, r) => [0, 1].map((c) => fake.sheet(name).cell(r, c).value));
const mark = (fake: FakeExcel, name: string) => fake.sheet(name).customProperties.get(OWNER_PROPERTY.toLowerCase())?.value;

/** Every action once; the syncs each took; the user's sheets compared after each. */
async function everyAction(fake: FakeExcel) {
  const host = createExcelHost();
  const before = userPart(fake);
  const syncs: Record<string, number> = {};
  const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const n = fake.syncCount;
    const out = await f();
    syncs[name] = fake.syncCount - n;
    expect(userPart(fake)).toEqual(before);
    return out;
  };
  // Start-up: the user's «policy» is not adopted (the functions keep the default).
  expect(await step("adopt", () => adoptWorkbookPolicyOnStart())).toBe(false);
  expect(getFunctionsPolicy()).toEqual(defaultPolicy());
  expect(await step("load", () => host.loadPolicy())).toEqual(defaultPolicy());
  const policy = { ...defaultPolicy(), cap: 1.2 };
  await step("save", () => host.savePolicy(policy));
  const analysis = (await step("analyze", () => host.analyze())) as WorkbookAnalysis;
  const report = await step("write", () => host.writeResults(analysis));
  const summary = await step("summary", async () => host.buildSummary(await host.analyze()));
  const restored = await step("restore", () => host.restore());
  return { syncs, policy, analysis, report, summary, restored };
}

describe("the add-in's sheets by their mark, never by their name", () => {
  afterEach(() => resetFunctionsPolicy());

  test("a user's sheets named like the settings and the backup sheet survive every action untouched", async () => {
    const plain = exampleGrid();
    const { fake, uninstall } = fakeWith(withUserSheets(plain), { apiVersion: "1.13" });
    try {
      const { policy, analysis, report, summary, restored } = await everyAction(fake);
      // The add-in's own sheets, under new names, marked.
      const settingsName = `${SETTINGS_SHEET_NAME.slice(0, 27)} (2)`; // cut to Excel's 31 characters
      const backupName = `${BACKUP_SHEET_NAME.slice(0, 27)} (2)`;
      expect(mark(fake, settingsName)).toBe("settings");
      expect(mark(fake, backupName)).toBe("backup");
      expect(fake.sheet(backupName).visibility).toBe("VeryHidden");
      expect(mark(fake, USER_SETTINGS)).toBeUndefined();
      expect(mark(fake, USER_BACKUP)).toBeUndefined();
      expect(fake.sheet(USER_BACKUP).visibility).toBe("Visible");
      // The analysis scored with the saved rules, read every card (the user's «registry» row
      // claims none), and reported nothing about the user's sheet as settings.
      expect(analysis.policy).toEqual(policy);
      expect(analysis.cardCount).toBe(analyzeWorkbook(plain).cardCount);
      expect(analysis.problems.filter((p) => p.code.startsWith("SETTINGS_"))).toEqual([]);
      expect(analysis.problems.filter((p) => p.sheet === USER_SETTINGS)).toEqual([]);
      expect(report.written).toBeGreaterThan(0);
      expect(restored).toBe(report.written);
      expect(summary).toBe("Riepilogo performance 2022");
      // The registry lists the add-in's sheets, not the user's.
      const registry = readSettings({
        sheets: [{ name: settingsName, startRow: 0, startCol: 0, values: block(fake, settingsName), formats: [], merges: [], ownedBy: "settings" }],
      }).ownedSheets.map((n) => n.toLowerCase());
      expect(registry).toEqual(expect.arrayContaining([backupName.toLowerCase(), summary.toLowerCase()]));
      expect(registry).not.toContain(USER_SETTINGS.toLowerCase());
      expect(registry).not.toContain(USER_BACKUP.toLowerCase());
    } finally {
      uninstall();
    }
  });

  test("the syncs of each action stay the same for 18 and for 72 cards", async () => {
    const counts: Record<string, number>[] = [];
    for (const grid of [exampleGrid(), exampleGrid(scaledSeed(72))]) {
      const { fake, uninstall } = fakeWith(withUserSheets(grid), { apiVersion: "1.13" });
      try {
        counts.push((await everyAction(fake)).syncs);
      } finally {
        uninstall();
        resetFunctionsPolicy();
      }
    }
    expect(counts[1]).toEqual(counts[0]);
  });
});
