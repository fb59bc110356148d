// The preview keeps its restore backup by the add-in's mark, as the CLI and the Office.js
// layer do (issue 14): a user's sheet named like the backup sheet (any case) is never
// cleared, hidden or replaced by «Calcola performance», «Ripristina» or «Scarica
// risultato»; the backup takes a free name, and runs after the first reuse it.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { PreviewHost } from "../../src/preview/previewHost";
import { BACKUP_SHEET_NAME } from "../../src/core/reader/backup";
import { sheetMark } from "../../src/adapters/exceljs/sheets";
import { partsOf, sheetPart, smallPlan } from "../cli/packages";
import { tmpDir } from "../reader/helpers";

jest.setTimeout(60_000);

const dir = tmpDir("piano-perf-preview-backup-");
const USER_SHEET = BACKUP_SHEET_NAME.toLowerCase();

it("a user's sheet named like the backup survives Calcola, Ripristina, Calcola and the download", async () => {
  const wb = smallPlan();
  const mine = wb.addWorksheet(USER_SHEET);
  mine.getCell("A1").value = "Ripristino delle stampanti";
  mine.getCell("A2").value = "Chiamare l'ufficio IT";
  const file = path.join(dir, "user-backup.xlsx");
  await wb.xlsx.writeFile(file);

  const data = fs.readFileSync(file);
  const host = new PreviewHost({ loadExcelJs: async () => ExcelJS });
  await host.open(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength), "user-backup.xlsx");
  const written = (await host.writeResults(await host.analyze())).written;
  expect(written).toBeGreaterThan(0);
  expect(await host.restore()).toBe(written);
  expect((await host.writeResults(await host.analyze())).written).toBe(written);

  const open = (host as unknown as { workbook: ExcelJS.Workbook }).workbook;
  const user = open.getWorksheet(USER_SHEET)!;
  expect(user.state).toBe("visible");
  expect(sheetMark(user)).toBeUndefined();
  expect([user.getCell("A1").value, user.getCell("A2").value]).toEqual(["Ripristino delle stampanti", "Chiamare l'ufficio IT"]);
  // One backup of the add-in's, marked, very hidden, under a free name.
  const backups = open.worksheets.filter((w) => sheetMark(w) === "backup");
  expect(backups.map((w) => [w.name, w.state])).toEqual([[`${BACKUP_SHEET_NAME.slice(0, 27)} (2)`, "veryHidden"]]);
  expect(open.worksheets.filter((w) => /ripristino/i.test(w.name))).toHaveLength(2);

  // The download: the user's sheet part byte for byte, its tab entry as it was.
  const out = unzipSync(new Uint8Array(await (await host.download()).arrayBuffer()));
  const input = partsOf(file);
  const part = sheetPart(input, USER_SHEET);
  expect(Buffer.from(out[part]).equals(Buffer.from(input[part]))).toBe(true);
  const entry = (p: Record<string, Uint8Array>) => new RegExp(`<sheet [^>]*name="${USER_SHEET}"[^>]*/>`).exec(strFromU8(p["xl/workbook.xml"]))?.[0];
  expect(entry(out)).toBe(entry(input));
});
