// The summary sheet drawn with Office.js after «Accetta» (issue 12 follow-up), against the
// fake Excel: the accepted correction stays listed in the «Rettifiche» block, after the open
// ones, marked «accettata il GG/MM/AAAA», with the original and the computed value.
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { createExcelHost } from "../../src/excel/excelHost";
import { acceptanceDate } from "../../src/core/rectifications";
import { cellAddress } from "./fakeExcel";
import { exampleGrid, fakeWith } from "./workbooks";

const SITO = "OO13 Sito camerale";
const NAME = "Riepilogo performance 2022";

test("Office.js summary after one acceptance: six open corrections, then the accepted one with its date", async () => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.20", platform: "OfficeOnline" });
  try {
    const host = createExcelHost();
    await host.writeResults(await host.analyze());
    const day = new Date();
    expect(await host.acceptRectifications!([{ sheet: SITO, cell: "H19" }])).toBe(1);
    const after = (await host.analyze()) as WorkbookAnalysis;
    expect(await host.buildSummary(after)).toBe(NAME);
    const s = fake.sheet(NAME);
    const byAddress = new Map([...s.cells.entries()].map(([k, c]) => {
      const [r, col] = k.split(",").map(Number);
      return [cellAddress(r, col), c.value] as const;
    }));
    const title = [...byAddress].find(([a, v]) => a.startsWith("A") && String(v).startsWith("Rettifiche ("))!;
    expect(title).toBeDefined();
    const first = Number(title[0].slice(1)) + 2;
    const rows = Array.from({ length: 7 }, (_, i) => ["A", "B", "F", "G", "L"].map((c) => byAddress.get(`${c}${first + i}`)));
    expect(rows.slice(0, 6).every((r) => r[4] === "rettificata nella scheda")).toBe(true);
    const iso = acceptanceDate(day).split("-");
    expect(rows[6]).toEqual([SITO, "H19", 0, 1, `accettata il ${iso[2]}/${iso[1]}/${iso[0]}`]);
    expect(String(byAddress.get(`A${first + 7}`))).toContain("Rettifiche accettate");
  } finally {
    uninstall();
  }
});
