// «Nuovo anno» in Excel (src/excel/newWorkbook.ts): the open workbook's file read through
// getFileAsync in slices, next year's plan built in memory, opened with Excel.createWorkbook
// (ExcelApi 1.8); no Excel.run, so nothing in the open workbook is written. The fake models
// Microsoft's documented limits (src/officeModel/document.ts).
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { createExcelHost } from "../../src/excel/excelHost";
import { documentBytes, toBase64 } from "../../src/excel/newWorkbook";
import { installDocumentFile } from "../../src/officeModel/document";
import { exampleGrid, fakeWith } from "./workbooks";

jest.setTimeout(60_000);

const example = new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "esempio-piano-2022.xlsx")));

describe("Nuovo anno in Excel", () => {
  test("reads the file, opens next year's plan with Excel.createWorkbook, closes the file, makes no Excel.run", async () => {
    const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.12" });
    const doc = installDocumentFile(example);
    try {
      const host = createExcelHost();
      const runsBefore = fake.runs.length;
      const progress: string[] = [];
      const report = await host.createNextYear!((p) => progress.push(p.phase));
      expect(report).toMatchObject({ year: 2023, objectives: 18, indicators: 136, toDefine: 136, marked: 54 });
      expect(doc.openFiles()).toBe(0);
      expect(fake.runs.length).toBe(runsBefore);
      expect(progress).toContain("Lettura del file");
      expect(doc.created).toHaveLength(1);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(doc.created[0], "base64") as unknown as ArrayBuffer);
      const a = analyzeWorkbook(gridFromExcelJs(wb));
      expect([a.phase, a.year, a.plan.objectives.length]).toEqual(["preventivo", 2023, 18]);
    } finally {
      doc.uninstall();
      uninstall();
    }
  });

  test("the file comes in 4 MB slices at most and is reassembled byte for byte", async () => {
    const big = new Uint8Array(9 * 1024 * 1024).map((_, i) => (i * 31) & 255);
    const { uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.12" });
    const doc = installDocumentFile(big);
    try {
      const got = await documentBytes();
      expect(got.length).toBe(big.length);
      expect(Buffer.from(got).equals(Buffer.from(big))).toBe(true);
      expect(doc.openFiles()).toBe(0);
    } finally {
      doc.uninstall();
      uninstall();
    }
  });

  test("without Excel.createWorkbook (below ExcelApi 1.8): an Italian message, nothing read", async () => {
    const { uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.7" });
    const doc = installDocumentFile(example, { createWorkbook: false });
    try {
      await expect(createExcelHost().createNextYear!()).rejects.toMatchObject({ userFacing: true, message: expect.stringContaining("ExcelApi 1.8") });
      expect(doc.openFiles()).toBe(0);
    } finally {
      doc.uninstall();
      uninstall();
    }
  });

  test("base64 of the bytes", () => {
    const b = new Uint8Array(100_000).map((_, i) => i & 255);
    expect(toBase64(b)).toBe(Buffer.from(b).toString("base64"));
  });
});
