// The summary follows the phase (issue 11): a preventivo's summary shows the targets per
// year by objective and the resources by Missione/Programma; a monitoring's shows the
// indicators on track / late by objective.
import { analyzeWorkbook, buildSummaryModel } from "../../src/core/reader";
import { gridViaFile, tmpDir } from "../reader/helpers";
import { cardWorkbook } from "./workbooks";

const dir = tmpDir("phase-summary-");

it("preventivo: targets per year and resources by Missione/Programma, no on-track block", async () => {
  const wb = cardWorkbook([
    { sheet: "S1", name: "Digitalizzazione", headers: ["Indicatore", "Operatore", "Target 2023", "Target 2024", "Peso"], rows: [["A", ">=", 100, 110, 0.5], ["B", "<=", 10, "", 0.5]], resources: 20000 },
    { sheet: "S2", name: "Trasparenza", headers: ["Indicatore", "Operatore", "Target 2023", "Target 2024", "Peso"], rows: [["C", ">=", 0.9, 0.95, 1]], resources: 5000 },
  ]);
  const a = analyzeWorkbook((await gridViaFile(wb, dir, "p.xlsx")).grid);
  const m = buildSummaryModel(a);
  const ids = m.blocks.map((b) => b.id);
  expect(ids).toContain("phaseTargets");
  expect(ids).toContain("phaseResources");
  expect(ids).not.toContain("phaseProgress");
  const t = m.blocks.find((b) => b.id === "phaseTargets")!;
  expect(t.columns.map((c) => c.header)).toEqual(["Foglio", "Obiettivo operativo", "Indicatore", "Target 2023", "Target 2024"]);
  expect(t.rows.map((r) => r.map((c) => c.value))).toEqual([
    ["S1", "Digitalizzazione", "A", ">= 100", ">= 110"],
    ["S1", "", "B", "<= 10", "da definire"],
    ["S2", "Trasparenza", "C", ">= 0,9", ">= 0,95"],
  ]);
  const r = m.blocks.find((b) => b.id === "phaseResources")!;
  expect(r.rows).toHaveLength(1);
  expect(r.rows[0][1].value).toBe(2);
  expect(r.rows[0][2].value).toBe(25000);
  // Blocks do not overlap: each starts after the previous one's rows.
  for (let i = 1; i < m.blocks.length; i++) expect(m.blocks[i].titleRow).toBeGreaterThan(m.blocks[i - 1].titleRow + 1 + m.blocks[i - 1].rows.length);
});

it("monitoraggio: on track / late by objective", async () => {
  const wb = cardWorkbook([
    { sheet: "S1", name: "Digitalizzazione", headers: ["Indicatore", "UdM", "Stato 2022", "Stato al 30/06/2023", "Operatore", "Target 2023", "Peso"], rows: [["A", "n.", 90, 80, ">=", 100, 0.5], ["B", "n.", 90, 20, ">=", 100, 0.5]] },
  ]);
  const a = analyzeWorkbook((await gridViaFile(wb, dir, "m.xlsx")).grid);
  const m = buildSummaryModel(a);
  const p = m.blocks.find((b) => b.id === "phaseProgress")!;
  expect(p.title).toContain("30/06/2023");
  expect(p.rows.map((r) => r.map((c) => c.value))).toEqual([["S1", "Digitalizzazione", 1, 1, 0]]);
  expect(m.blocks.map((b) => b.id)).not.toContain("phaseTargets");
});
