// «Nuovo anno» marks the header fields to re-confirm (issue 11: «same header fields and
// resources (to be updated, marked)»): the resources «da aggiornare», Area and Ufficio and any
// field whose text bears this year «da verificare» — with a note, the value unchanged, so the
// new plan reads exactly as this year's; a note the user had on the cell is kept.
import path from "node:path";
import { applyNextYear } from "../../src/adapters/exceljs/nextYear";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { analyzeWorkbook } from "../../src/core/reader";
import { bearsYear, planNextYear } from "../../src/core/nextYear";
import { loadXlsx, saveXlsx, tmpDir } from "../reader/helpers";
import { cardWorkbook } from "./workbooks";

describe("bearsYear", () => {
  test.each([
    ["Piano 2022", true],
    ["Triennio 2022-2024", true],
    ["Triennio 2021/23", true],
    ["Triennio 2023–2025", false],
    ["Efficienza della struttura", false],
    ["Codice 120225", false],
  ])("%s → %s", (text, expected) => expect(bearsYear(text, 2022)).toBe(expected));
});

describe("nuovo-anno header fields", () => {
  test("resources to update; Area, Ufficio and year-bearing fields to verify; values untouched; user note kept", async () => {
    const wb = cardWorkbook([{ sheet: "S", name: "Digitalizzazione", headers: ["Indicatore", "Stato 2022", "Operatore", "Target 2022", "Performance", "Peso"], rows: [["A", 95, ">=", 90, 1, 1]] }]);
    const ws = wb.getWorksheet("S")!;
    ws.getCell("B3").value = "Efficienza della struttura 2022-2024";
    ws.getCell("B3").note = "Nota dell'ufficio";
    ws.spliceRows(6, 0, ["Area di responsabilità", "Area Servizi"], ["Ufficio", "Ufficio Digitale"]);
    const dir = tmpDir("ny-fields-");
    const file = await saveXlsx(wb, path.join(dir, "a.xlsx"));
    const src = await loadXlsx(file);
    const before = analyzeWorkbook(gridFromExcelJs(src));
    const plan = planNextYear(gridFromExcelJs(src));
    expect(plan.problems).toEqual([]);
    const marks = plan.notes.map((n) => [n.address, n.field, n.kind]);
    expect(marks).toEqual(
      expect.arrayContaining([
        ["B5", "risorseEconomiche", "update"],
        ["B3", "obiettivoStrategico", "verify"],
        ["B6", "areaResponsabilita", "verify"],
        ["B7", "ufficio", "verify"],
      ]),
    );
    // Missione, Programma and the objective's name bear no year: not marked.
    expect(marks.map((m) => m[0])).not.toEqual(expect.arrayContaining(["B1"]));
    expect(marks).toHaveLength(4);
    applyNextYear(src, plan);
    const out = await loadXlsx(await saveXlsx(src, path.join(dir, "b.xlsx")));
    const o = out.getWorksheet("S")!;
    expect(o.getCell("B5").note).toContain("Da aggiornare per il 2023");
    expect(o.getCell("B6").note).toContain("Da verificare per il 2023");
    const b3 = String(typeof o.getCell("B3").note === "string" ? o.getCell("B3").note : JSON.stringify(o.getCell("B3").note));
    expect(b3).toContain("Nota dell'ufficio");
    expect(b3).toContain("Da verificare per il 2023");
    // The values are this year's: the new plan reads the same header fields.
    const after = analyzeWorkbook(gridFromExcelJs(out));
    expect([after.phase, after.year]).toEqual(["preventivo", 2023]);
    const pick = (a: typeof before) => a.plan.objectives.map((x) => [x.obiettivoOperativo, x.obiettivoStrategico, x.areaResponsabilita, x.ufficio, x.risorseEconomiche?.value]);
    expect(pick(after)).toEqual(pick(before));
    expect(after.plan.objectives[0].indicators.map((i) => i.name)).toEqual(["A"]);
  });
});
