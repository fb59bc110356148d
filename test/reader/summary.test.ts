// The summary model and its ExcelJS rendering.
import ExcelJS from "exceljs";
import { renderSummary } from "../../src/adapters/exceljs";
import { analyzeWorkbook, buildSummaryModel, summarySheetName } from "../../src/core/reader";
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

  it("describes the objectives, the roll-ups and the problems with links", () => {
    const m = buildSummaryModel(analysis);
    expect(m.sheetName).toBe("Riepilogo performance 2022");
    expect(m.title).toBe("Riepilogo performance 2022");
    expect(m.subtitle).toMatch(/^Performance complessiva: \d+,\d+% · 18 obiettivi, 136 indicatori · 3 errori/);
    expect(m.blocks.map((b) => b.id)).toEqual(["objectives", "obiettivoStrategico", "ambitoStrategico", "areaResponsabilita", "missione", "missioneProgramma", "tipologia", "rectifications", "overrides", "problems"]);
    const obj = m.blocks[0];
    expect(obj.rows).toHaveLength(18);
    const perfCol = obj.columns.findIndex((c) => c.kind === "percent");
    expect(obj.columns[perfCol].header).toBe("Performance");
    expect(obj.rows[0][perfCol]).toEqual({ value: analysis.result.objectives[0].performance, light: "verde" });
    expect(obj.rows[7][perfCol].light).toBe("giallo");
    expect(obj.rows[1][6]).toMatchObject({ value: "=Preparazione alle PMI", fromUser: true });
    expect(obj.rows[0][1]).toMatchObject({ value: "C8", link: { sheet: sheetNames[0], cell: "C8" } });
    expect(obj.rows[12][9]).toMatchObject({ value: "Risorse interne" });
    // Blocks do not overlap and each leaves a blank row.
    for (let i = 1; i < m.blocks.length; i++) {
      const prev = m.blocks[i - 1];
      expect(m.blocks[i].titleRow).toBe(prev.titleRow + 2 + Math.max(1, prev.rows.length) + 1);
    }
    const probs = m.blocks.find((b) => b.id === "problems")!;
    expect(probs.rows).toHaveLength(analysis.problems.length);
    const unreadable = probs.rows.find((r) => r[3].value === "VALUE_UNREADABLE")!;
    expect(unreadable[2].link).toEqual({ sheet: unreadable[1].value, cell: unreadable[2].value });
    expect(m.chart).toEqual({ kind: "bar", title: expect.any(String), categories: "G5:G22", values: "N5:N22", anchor: "Q4" });
    expect(m.frozenRows).toBe(4);
    const mp = m.blocks[5];
    expect(mp.columns.map((c) => c.kind)).toEqual(["text", "integer", "euro", "integer", "percent", "light"]);
    const euros = mp.rows.reduce((s, r) => s + (r[2].value as number), 0);
    expect(euros).toBeCloseTo(analysis.result.objectives.reduce((s, o) => s + (o.resources ?? 0), 0), 2);
  });

  it("renders with ExcelJS: formats, links, lights, frozen header, text stays text", async () => {
    const wb = new ExcelJS.Workbook();
    const m = buildSummaryModel(analysis);
    renderSummary(wb, m);
    const file = await saveXlsx(wb, path.join(tmpDir(), "riepilogo.xlsx"));
    const ws = (await loadXlsx(file)).getWorksheet("Riepilogo performance 2022")!;
    expect(ws.getCell("A1").value).toBe(m.title);
    expect(ws.getCell("A4").value).toBe("Scheda");
    expect(ws.getCell("N5").numFmt).toBe("0.00%");
    expect(ws.getCell("N5").value).toBeCloseTo(analysis.result.objectives[0].performance!, 12);
    expect(ws.getCell("J5").numFmt).toBe('#,##0.00 "€"');
    expect(ws.getCell("G6").value).toBe("=Preparazione alle PMI");
    expect(ws.getCell("G6").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B5").value).toEqual({ formula: `HYPERLINK("#'${sheetNames[0]}'!C8","C8")`, result: "C8" });
    expect(ws.getCell("O5").value).toBe("Verde");
    expect(ws.getCell("O5").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFC6EFCE" } });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(ws.getColumn(7).width).toBe(40);
    const cf = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cf.map((c) => c.ref)).toContain("N5:N22");
    // No cell holds a formula other than the links.
    ws.eachRow((row) => row.eachCell((c) => {
      if (c.type === ExcelJS.ValueType.Formula) expect(c.formula).toMatch(/^HYPERLINK\("#'[^']+'!\$?[A-Z]+\$?\d+","[A-Z]+\d+"\)$/);
    }));
  });
});
