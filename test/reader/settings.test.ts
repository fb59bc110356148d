// The policy stored in the workbook: written by the adapter, read back through the grid,
// used by the analysis; the add-in's own sheets are skipped by the reader.
import ExcelJS from "exceljs";
import { writeSettings } from "../../src/adapters/exceljs";
import { analyzeWorkbook, readSettings, settingsSheetCells, SETTINGS_SHEET_NAME } from "../../src/core/reader";
import { defaultPolicy } from "../../src/core/policy";
import { exampleWorkbook, gridViaFile, sheetOf, tmpDir } from "./helpers";

describe("settings sheet", () => {
  it("round-trips the policy and the registry of owned sheets through a real file", async () => {
    const wb = exampleWorkbook();
    const policy = { ...defaultPolicy(), cap: 1.2, rules: { ">=": "ratio" as const, "<=": "reflection" as const, "=": "exact" as const }, thresholds: { green: 0.95, yellow: 0.7 } };
    wb.addWorksheet("Riepilogo performance 2022").getCell("A1").value = "vecchio riepilogo";
    writeSettings(wb, policy, ["Riepilogo performance 2022", "=SOMMA(1)"]);
    const { grid, wb: back } = await gridViaFile(wb, tmpDir());
    const read = readSettings(grid);
    expect(read.found).toBe(true);
    expect(read.problems).toEqual([]);
    expect(read.policy).toEqual(policy);
    expect(read.ownedSheets).toEqual([SETTINGS_SHEET_NAME, "Riepilogo performance 2022", "=SOMMA(1)"]);
    // A registered name that looks like a formula is stored as text.
    const ws = back.getWorksheet(SETTINGS_SHEET_NAME)!;
    let found = false;
    ws.eachRow((row) => row.eachCell((c) => {
      if (c.value === "=SOMMA(1)") found = true;
      expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
    }));
    expect(found).toBe(true);

    const a = analyzeWorkbook(grid);
    expect(a.policy).toEqual(policy);
    expect(a.skippedSheets).toEqual(["Riepilogo performance 2022", SETTINGS_SHEET_NAME]);
    expect(a.cardCount).toBe(18);
    // The stored cap (120%) is what the analysis uses: 37 / 30 = 123% is capped at 120%, not 100%.
    const infra = a.result.objectives.find((o) => o.sheet === sheetOf("Infrastrutture"))!;
    expect(infra.indicators[1].performance).toBeCloseTo(1.2, 10);
    // An explicit policy wins over the stored one.
    expect(analyzeWorkbook(grid, defaultPolicy()).result.objectives.find((o) => o.sheet === sheetOf("Infrastrutture"))!.indicators[1].performance).toBe(1);
  });

  it("falls back to the default, with a warning at the cell, when the JSON is unreadable", async () => {
    const wb = new ExcelJS.Workbook();
    writeSettings(wb, defaultPolicy(), []);
    const ws = wb.getWorksheet(SETTINGS_SHEET_NAME)!;
    let jsonCell = "";
    ws.eachRow((row) => row.eachCell((c) => {
      if (typeof c.value === "string" && c.value.startsWith("{")) {
        c.value = "{rotto";
        jsonCell = c.address;
      }
    }));
    const read = readSettings((await gridViaFile(wb, tmpDir())).grid);
    expect(read.policy).toEqual(defaultPolicy());
    expect(read.problems).toEqual([expect.objectContaining({ code: "SETTINGS_INVALID_JSON", severity: "warning", sheet: SETTINGS_SHEET_NAME, cell: jsonCell })]);
  });

  it("has readable Italian rows and text formats for every string", () => {
    const block = settingsSheetCells(defaultPolicy(), ["Riepilogo performance 2022"]);
    const labels = block.values.map((r) => r[0]);
    expect(labels).toEqual(expect.arrayContaining(["Limite massimo", "Semaforo verde da", "Politica (JSON)", "Foglio gestito"]));
    block.values.forEach((row, r) => row.forEach((v, c) => typeof v === "string" && expect(block.formats[r][c]).toBe("@")));
    expect(readSettings({ sheets: [] })).toMatchObject({ found: false, ownedSheets: [], problems: [] });
  });
});
