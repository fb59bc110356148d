// The summary model and its ExcelJS rendering.
import ExcelJS from "exceljs";
import { renderSummary } from "../../src/adapters/exceljs";
import { analysisAfterWrites, analyzeWorkbook, buildSummaryModel, summarySheetName } from "../../src/core/reader";
import { summaryFingerprint } from "../../src/core/summary";
import { exampleWorkbook, gridViaFile, loadXlsx, saveXlsx, sheetNames, tmpDir } from "./helpers";
import path from "node:path";

describe("summarySheetName", () => {
  it("picks the year's name, a new one beside a user's sheet, and reuses its own", () => {
    expect(summarySheetName(2022, ["Scheda 1"], [])).toBe("Riepilogo performance 2022");
    expect(summarySheetName(2022, ["riepilogo PERFORMANCE 2022"], [])).toBe("Riepilogo performance 2022 (2)");
    expect(summarySheetName(2022, ["Riepilogo performance 2022", "Riepilogo performance 2022 (2)"], [])).toBe("Riepilogo performance 2022 (3)");
    expect(summarySheetName(2022, ["Riepilogo performance 2022", "Riepilogo performance 2022 (2)"], ["Riepilogo performance 2022 (2)"])).toBe("Riepilogo performance 2022 (2)");
    expect(summarySheetName(2022, ["Riepilogo performance 2022"], ["Riepilogo performance 2022"])).toBe("Riepilogo performance 2022");
    expect(summarySheetName(undefined, [], [])).toBe("Riepilogo performance");
  });
});

describe("summary model", () => {
  let analysis: ReturnType<typeof analyzeWorkbook>;
  beforeAll(async () => {
    const wb = exampleWorkbook();
    // A user's objective whose name begins with "=": it must stay text.
    const ws = wb.getWorksheet(sheetNames[1])!;
    ws.getCell("C8").value = "=Preparazione alle PMI";
    analysis = analyzeWorkbook((await gridViaFile(wb, tmpDir())).grid);
  });

  it("describes the objectives, the roll-ups, the corrections and the problems, each table on its own columns", () => {
    const m = buildSummaryModel(analysis, { producedAt: new Date(2026, 11, 1, 9, 5), source: "esempio.xlsx" });
    expect(m.sheetName).toBe("Riepilogo performance 2022");
    expect(m.title).toBe("Riepilogo performance 2022");
    expect(m.subtitle).toMatch(/^Performance complessiva: \d+,\d+% · 18 obiettivi, 136 indicatori · 3 errori, 9 avvisi · 7 rettifiche$/);
    expect(m.lines.map((l) => l.text)[2]).toBe(`Prodotto da Piano Performance il 01/12/2026 alle 09:05 dalla cartella «esempio.xlsx» · impronta ${m.stamp.fingerprint}`);
    expect(m.stamp.rules).toContain("Limite massimo: 100%");
    expect(m.blocks.map((b) => b.id)).toEqual(["objectives", "obiettivoStrategico", "ambitoStrategico", "areaResponsabilita", "missione", "missioneProgramma", "tipologia", "rectifications", "overrides", "problems"]);
    // Every block covers the grid exactly, its columns side by side.
    for (const b of m.blocks) {
      let col = 0;
      for (const c of b.columns) {
        expect(c.col).toBe(col);
        col += c.span;
      }
      expect(col).toBe(m.columnWidths.length);
    }
    const obj = m.blocks[0];
    expect(obj.rows).toHaveLength(18);
    const perfCol = obj.columns.findIndex((c) => c.kind === "percent");
    expect(obj.columns[perfCol]).toMatchObject({ header: "Performance", lights: true, dataBar: true });
    expect(obj.rows[0][perfCol]).toEqual({ value: analysis.result.objectives[0].performance, light: "verde" });
    expect(obj.rows[7][perfCol].light).toBe("giallo");
    expect(obj.rows[1][4]).toMatchObject({ value: "=Preparazione alle PMI", fromUser: true });
    expect(obj.rows[0][1]).toMatchObject({ value: "C8", link: { sheet: sheetNames[0], cell: "C8" } });
    expect(obj.rows[12][7]).toMatchObject({ value: "risorse interne" });
    expect(obj.totals?.[perfCol].value).toBe(analysis.result.performance);
    // OO14 states no Missione: the one of its Programma 003, marked and explained.
    expect(obj.rows[13][2].value).toBe("032* / 003");
    expect(obj.notes).toEqual([expect.stringContaining("ricavata dal Programma")]);
    // Blocks do not overlap and each leaves a blank row.
    for (let i = 1; i < m.blocks.length; i++) expect(m.blocks[i].titleRow).toBe(m.blocks[i - 1].endRow + 1);
    // A roll-up's numbers never sit under a wide text column of another table.
    const mp = m.blocks[5];
    expect(mp.columns.map((c) => [c.kind, c.col, c.span])).toEqual([["text", 0, 6], ["integer", 6, 1], ["euro", 7, 1], ["integer", 8, 3], ["percent", 11, 1], ["light", 12, 1]]);
    const numberColumns = new Set(mp.columns.filter((c) => c.kind !== "text").map((c) => c.col));
    for (const c of numberColumns) expect(m.columnWidths[c]).toBeLessThanOrEqual(16);
    const euros = mp.rows.reduce((s, r) => s + (typeof r[2].value === "number" ? r[2].value : 0), 0);
    expect(euros).toBeCloseTo(analysis.result.objectives.reduce((s, o) => s + (o.resources ?? 0), 0), 2);
    expect(m.blocks[1].rows.some((r) => r[2].value === "risorse interne")).toBe(true);
    // The seven corrections, with the stated and the computed value.
    const block = (id: string) => m.blocks.find((b) => b.id === id)!;
    const rect = block("rectifications");
    expect(rect.rows).toHaveLength(7);
    const sito = rect.rows.find((r) => r[0].value === "OO13 Sito camerale")!;
    expect(sito.map((c) => c.value).slice(1, 5)).toEqual(["H19", "Sito camerale — Architettura dell'informazione", 0, 1]);
    expect(block("overrides").emptyText).toBe("Nessuna forzatura.");
    // Problems: Italian only, never the internal code; the corrections are in their own table.
    const probs = block("problems");
    expect(probs.columns.map((c) => c.header)).toEqual(["Foglio", "Cella", "Gravità", "Descrizione"]);
    expect(probs.rows).toHaveLength(analysis.problems.filter((p) => p.code !== "STATED_MISMATCH" && p.code !== "RECTIFIED").length);
    for (const r of probs.rows) for (const c of r) expect(String(c.value)).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    const unreadable = probs.rows.find((r) => String(r[3].value).includes("11:22"))!;
    expect(unreadable[1].link).toEqual({ sheet: unreadable[0].value, cell: unreadable[1].value });
    expect(m.chart).toMatchObject({ kind: "bar", categories: "E8:E25", values: "L8:L25", anchor: `A${m.lastRow + 3}` });
    expect(m.print).toMatchObject({ orientation: "landscape", paper: "A4", area: `A1:M${m.lastRow + 1}`, areaWithChart: `A1:${m.chart!.bottomRight}`, titleRows: "1:2" });
    expect(m.frozenRows).toBe(2);
  });

  it("the fingerprint follows the plan and the rules, not the written Performance cells", () => {
    const m = buildSummaryModel(analysis);
    const after = analysisAfterWrites(analysis);
    expect(buildSummaryModel(after).stamp.fingerprint).toBe(m.stamp.fingerprint);
    const otherRules = { ...analysis.policy, cap: 1.2 };
    expect(summaryFingerprint(analysis.plan, otherRules, analysis.rectifications)).not.toBe(m.stamp.fingerprint);
    const edited = { ...analysis.plan, objectives: analysis.plan.objectives.map((o, i) => (i === 0 ? { ...o, obiettivoOperativo: o.obiettivoOperativo + " (rivisto)" } : o)) };
    expect(summaryFingerprint(edited, analysis.policy, analysis.rectifications)).not.toBe(m.stamp.fingerprint);
  });

  it("renders with ExcelJS: formats, links, lights, data bars, merges, totals, print setup, text stays text", async () => {
    const wb = new ExcelJS.Workbook();
    const m = buildSummaryModel(analysis, { source: "esempio.xlsx" });
    renderSummary(wb, m);
    const file = await saveXlsx(wb, path.join(tmpDir(), "riepilogo.xlsx"));
    const ws = (await loadXlsx(file)).getWorksheet("Riepilogo performance 2022")!;
    expect(ws.getCell("A1").value).toBe(m.title);
    expect(ws.getCell("A6").value).toBe("Obiettivi operativi");
    expect(ws.getCell("A7").value).toBe("Scheda");
    expect(ws.getCell("L8").numFmt).toBe("0.00%");
    expect(ws.getCell("L8").value).toBeCloseTo(analysis.result.objectives[0].performance!, 12);
    expect(ws.getCell("H8").numFmt).toBe('#,##0.00 "€"');
    expect(ws.getCell("E9").value).toBe("=Preparazione alle PMI");
    expect(ws.getCell("E9").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B8").value).toEqual({ formula: `HYPERLINK("#'${sheetNames[0]}'!C8","C8")`, result: "C8" });
    expect(ws.getCell("M8").value).toBe("Verde");
    expect(ws.getCell("M8").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFC6EFCE" } });
    expect(ws.getCell("A26").value).toBe("Totale");
    // Roll-up labels merged over A:F; the rules line over the whole grid.
    expect(ws.getCell("A31").isMerged).toBe(true);
    expect(ws.getCell("F31").master.address).toBe("A31");
    expect(ws.getCell("M4").master.address).toBe("A4");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.getColumn(5).width).toBe(m.columnWidths[4]);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf.find((c) => c.ref === "L8:L25")?.rules.map((r) => r.type)).toEqual(["dataBar"]);
    expect(cf.some((c) => c.ref === "L31:L38" && c.rules[0].type === "cellIs")).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: m.print.area, printTitlesRow: "1:2" });
    expect(ws.headerFooter.oddHeader).toBe("&C&BRiepilogo performance 2022");
    expect(ws.headerFooter.oddFooter).toMatch(/^&L\d\d\/\d\d\/\d{4} \d\d:\d\d · esempio\.xlsx&RPagina &P di &N$/);
    // No note about a missing chart; no cell holds a formula other than the links.
    ws.eachRow((row) =>
      row.eachCell((c) => {
        expect(String(c.value)).not.toMatch(/grafico .*non disponibile/);
        if (c.type === ExcelJS.ValueType.Formula) expect(c.formula).toMatch(/^HYPERLINK\("#'[^']+'!\$?[A-Z]+\$?\d+","[A-Z]+\d+"\)$/);
      }),
    );
  });
});
