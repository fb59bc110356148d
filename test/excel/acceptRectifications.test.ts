// «Accetta» corrections through the Office.js layer (issue 12), against the fake Excel: the
// backup sheet gets rows appended (the original kept, the written value flagged with the date)
// in ONE grouped run (mergeUndoGroup, ExcelApi 1.20) that calls nothing undo-unsafe — no sheet
// added, shown or hidden (docs/excel/excel-add-ins-undo-capabilities.md: Worksheet.visibility
// has no undo on Windows and Mac; the fake throws UndoNotSupported there as Excel does).
// A cell the user changed since the add-in wrote it is not accepted; «Ripristina» still puts
// back the original of an accepted one.
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { createExcelHost } from "../../src/excel/excelHost";
import { BACKUP_SHEET_NAME, parseBackup } from "../../src/core/reader/backup";
import type { CellValue } from "../../src/core/types";
import { exampleGrid, fakeWith } from "./workbooks";

const SITO = "OO13 Sito camerale";

describe.each(["PC", "OfficeOnline"] as const)("Accetta on ExcelApi 1.20 (%s)", (platform) => {
  test("one accepted: one grouped run of cell writes, 6 corrections left, the original kept for Ripristina", async () => {
    const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.20", platform });
    try {
      const host = createExcelHost();
      await host.writeResults(await host.analyze());
      const before = (await host.analyze()) as WorkbookAnalysis;
      expect(before.rectifications.filter((r) => r.state === "written")).toHaveLength(7);
      const backupRowsBefore = fake.sheet(BACKUP_SHEET_NAME).usedBox(true)!.bottom;
      const runs = fake.runs.length;
      const cleared = fake.undoStackCleared.length;

      expect(await host.acceptRectifications!([{ sheet: SITO, cell: "H19" }])).toBe(1);
      const mine = fake.runs.slice(runs);
      expect(mine).toHaveLength(1);
      expect(mine[0].options.mergeUndoGroup).toBe(true);
      expect(fake.undoStackCleared.length).toBe(cleared);
      expect(fake.sheet(BACKUP_SHEET_NAME).visibility).toBe("VeryHidden");
      // One row appended; the cell itself is not touched.
      expect(fake.sheet(BACKUP_SHEET_NAME).usedBox(true)!.bottom).toBe(backupRowsBefore + 1);
      expect(fake.sheet(SITO).get("H19").value).toBe(1);

      const after = (await host.analyze()) as WorkbookAnalysis;
      expect(after.rectifications).toHaveLength(6);
      expect(after.acceptedRectifications).toEqual([expect.objectContaining({ sheet: SITO, cell: "H19", original: 0, computed: 1, acceptedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
      // Accepting again changes nothing.
      expect(await host.acceptRectifications!([{ sheet: SITO, cell: "H19" }])).toBe(0);

      // Ripristina: the user's original statement comes back, the accepted one too.
      await host.restore();
      expect(fake.sheet(SITO).get("H19").value).toBe(0);
    } finally {
      uninstall();
    }
  });

  test("a cell the user changed since is not accepted; the backup rows say what happened", async () => {
    const { fake, uninstall } = fakeWith(exampleGrid(), { apiVersion: "1.20", platform });
    try {
      const host = createExcelHost();
      await host.writeResults(await host.analyze());
      const written = ((await host.analyze()) as WorkbookAnalysis).rectifications.filter((r) => r.state === "written");
      const [first, second] = written;
      fake.sheet(first.sheet).set(first.cell, 0.42, { numberFormat: "0%" });
      expect(await host.acceptRectifications!([first, second].map((r) => ({ sheet: r.sheet, cell: r.cell })))).toBe(1);
      const ws = fake.sheet(BACKUP_SHEET_NAME);
      const box = ws.usedBox(true)!;
      const rows: CellValue[][] = [];
      for (let r = box.top; r <= box.bottom; r++) rows.push([0, 1, 2, 3].map((c) => ws.cell(r, c).value as CellValue));
      const entries = parseBackup(rows);
      expect(entries.find((e) => e.cell === second.cell && e.sheet === second.sheet)!.after.accepted).toBeTruthy();
      expect(entries.find((e) => e.cell === first.cell && e.sheet === first.sheet)!.after.accepted).toBeUndefined();
    } finally {
      uninstall();
    }
  });
});
