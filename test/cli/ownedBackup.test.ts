// The restore backup is the add-in's only by its mark (issue 14, «A sheet is the add-in's only
// by its mark, never by its name»): a user's own sheet named like it (any case, as Excel
// compares names) comes out of `calcola --out` byte for byte, still visible; the backup takes
// a free name, very hidden and marked, and later runs find it by the mark.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8 } from "fflate";
import { comparePackages, partsOf, plannedWrites, sheetPart, smallPlan } from "./packages";
import { readPackageInfo } from "../../src/adapters/xlsx";
import { BACKUP_SHEET_NAME } from "../../src/core/reader/backup";
import { tmpDir } from "../reader/helpers";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8" });
const dir = tmpDir("piano-perf-backup-name-");
const USER_SHEET = BACKUP_SHEET_NAME.toUpperCase();
const OURS = `${BACKUP_SHEET_NAME.slice(0, 27)} (2)`;

beforeAll(() => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
}, 60_000);

/** The <sheet> entry of workbook.xml for `name`. */
const sheetEntry = (parts: ReturnType<typeof partsOf>, name: string) => new RegExp(`<sheet [^>]*name="${name.replace(/[()]/g, "\\$&")}"[^>]*/>`).exec(strFromU8(parts["xl/workbook.xml"]))?.[0];

describe("a user's sheet named like the backup sheet", () => {
  it("is kept byte for byte and visible; the backup gets a free name, very hidden and marked; a second run reuses it", async () => {
    const wb = smallPlan();
    const mine = wb.addWorksheet(USER_SHEET);
    mine.getCell("A1").value = "Ripristino delle stampanti: chiamare l'ufficio IT";
    mine.getCell("B3").value = 42;
    const input = path.join(dir, "user-backup-name.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "user-backup-name-out.xlsx");
    const planned = await plannedWrites(input);
    const r = cli(["calcola", input, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Scritti [1-9]\d* valori\./);
    expect(r.stdout).toContain("Performance complessiva: 96,29%");

    const a = partsOf(input);
    const b = partsOf(out);
    comparePackages(a, b, planned, ["Riepilogo performance 2022", "Impostazioni Piano Performance"]);
    const part = sheetPart(a, USER_SHEET);
    expect(Buffer.from(b[part]).equals(Buffer.from(a[part]))).toBe(true);
    expect(sheetEntry(b, USER_SHEET)).toBe(sheetEntry(a, USER_SHEET));
    expect(sheetEntry(b, USER_SHEET)).not.toMatch(/state="(hidden|veryHidden)"/);
    expect(sheetEntry(b, OURS)).toMatch(/state="veryHidden"/);
    const marks = readPackageInfo(new Uint8Array(fs.readFileSync(out))).marks;
    expect(marks.get(OURS)).toBe("backup");
    expect(marks.get(USER_SHEET)).toBeUndefined();
    // The backup holds the original statements; the user's sheet holds the user's text.
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet(OURS)!.getCell("A1").value).toBe("Foglio");
    expect(back.getWorksheet(OURS)!.rowCount).toBeGreaterThan(1);
    expect(back.getWorksheet(USER_SHEET)!.getCell("A1").value).toBe("Ripristino delle stampanti: chiamare l'ufficio IT");

    // Run again on the output: the backup is found by its mark, replaced in place (no «(3)»).
    const out2 = path.join(dir, "user-backup-name-out2.xlsx");
    const again = cli(["calcola", out, "--out", out2]);
    expect(again.status).toBe(0);
    const c = partsOf(out2);
    const names = [...strFromU8(c["xl/workbook.xml"]).matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]).filter((n) => /ripristino/i.test(n));
    expect(names).toEqual([USER_SHEET, OURS]);
    expect(Buffer.from(c[part]).equals(Buffer.from(a[part]))).toBe(true);
    expect(sheetEntry(c, USER_SHEET)).toBe(sheetEntry(a, USER_SHEET));
  });
});
