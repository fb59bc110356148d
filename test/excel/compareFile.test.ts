// «Confronta» through the Office.js host (issue 11), against the fake Excel: the open workbook
// is read in one read-only run (no write, no undo group), the picked file by the ExcelJS adapter
// in memory; a bad file is refused in Italian before anything is compared.
import ExcelJS from "exceljs";
import seedJson from "../../assets/seed/pira-2022.json";
import { buildExampleWorkbook, type SeedPlan } from "../../src/adapters/exceljs";
import { createExcelHost } from "../../src/excel/excelHost";
import { exampleGrid, fakeWith } from "./workbooks";

async function exampleBytes(change?: (wb: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const wb = buildExampleWorkbook(new ExcelJS.Workbook(), seedJson as SeedPlan);
  change?.(wb);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

test("the open example against a copy of itself: no differences, the sides named, the workbook untouched; a bad file refused", async () => {
  const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.20", platform: "PC" });
  try {
    const host = createExcelHost();
    const before = JSON.stringify(fake.snapshot());
    const runs = fake.runs.length;
    const same = await host.compareWithFile!({ name: "copia.xlsx", bytes: await exampleBytes() });
    expect(same.differences).toEqual([]);
    expect([same.before, same.after]).toEqual([
      { source: "file", fileName: "copia.xlsx", phase: "consuntivo", year: 2022 },
      { source: "open", phase: "consuntivo", year: 2022 },
    ]);
    // Read-only: no grouped run, nothing changed in the workbook.
    expect(fake.runs.slice(runs).every((r) => r.options.mergeUndoGroup !== true)).toBe(true);
    expect(JSON.stringify(fake.snapshot())).toBe(before);
    await expect(host.compareWithFile!({ name: "rotto.xlsx", bytes: new TextEncoder().encode("PK rotto").buffer as ArrayBuffer })).rejects.toMatchObject({ userFacing: true, message: expect.stringContaining("Impossibile aprire «rotto.xlsx»") });
  } finally {
    uninstall();
  }
});
