// src/adapters/xlsx/inspect.ts on files written by other tools (issue 14): LibreOffice is
// the independent writer here (`soffice` is installed; `npm test` installs it, see
// scripts/ensure-test-deps.mjs). Also the package-level limits, on crafted zips.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { Inflate, unzipSync, strFromU8 } from "fflate";
import { inspectPackage, PackageError, rangeCells, relativeTarget, resolveTarget } from "../../src/adapters/xlsx/inspect";
import { LIMITS } from "../../src/core/limits";
import * as zip from "../../src/adapters/xlsx/zip";
import { exampleWorkbook } from "../reader/helpers";
import { zipBomb, tampered, addMerge } from "./hostile";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "piano-inspect-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** soffice --convert-to, with a private profile (two conversions never share a lock). */
function convert(file: string, to: string): string {
  const outDir = fs.mkdtempSync(path.join(dir, "lo-"));
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${outDir}/profile`, "--headless", "--convert-to", to, "--outdir", outDir, file], { encoding: "utf8", timeout: 90_000 });
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${to}`));
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`soffice failed: ${r.stderr}`);
  return out;
}

function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof PackageError) return e.what;
    throw e;
  }
  throw new Error("no PackageError");
}

describe("A1 ranges and relationship targets", () => {
  test("rangeCells", () => {
    expect(rangeCells("A1")).toBe(1);
    expect(rangeCells("B2:C4")).toBe(6);
    expect(rangeCells("A1:XFD1048576")).toBe(16384 * 1048576);
    expect(rangeCells("$A$1:$B$2")).toBe(4);
  });
  test("relative and resolved targets", () => {
    expect(relativeTarget("xl/worksheets/", "xl/comments/comment1.xml")).toBe("../comments/comment1.xml");
    expect(relativeTarget("xl/", "xl/worksheets/sheet1.xml")).toBe("worksheets/sheet1.xml");
    expect(relativeTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(resolveTarget("xl/worksheets/", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("xl/worksheets/", "/xl/media/image1.png")).toBe("xl/media/image1.png");
  });
});

describe("limits on crafted packages", () => {
  test("a plain ExcelJS workbook passes untouched (same bytes), with its cells counted", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Foglio1");
    for (let r = 1; r <= 10; r++) ws.addRow([r, `x${r}`, r / 10]);
    const buf = new Uint8Array(await wb.xlsx.writeBuffer());
    const info = inspectPackage(buf);
    expect(info.bytes).toBe(buf);
    expect(info.cells).toBe(30);
    expect(info.rows).toBe(10);
    expect(info.fixes).toEqual([]);
  });

  test("the merge limit and the cell budget count merged cells", async () => {
    const ok = await tampered((p) => addMerge(p, "A1:J10"));
    expect(inspectPackage(ok).mergedCells).toBe(100);
    const big = await tampered((p) => addMerge(p, "A1:Z10000"));
    expect(thrown(() => inspectPackage(big))).toContain("A1:Z10000 (260.000 celle; il massimo è 100.000)");
  });

  // No clocks here (speed belongs to the benchmarks): what is inflated is counted instead.
  test("declared size above the part limit: refused without inflating", async () => {
    const bomb = await zipBomb(1024 ** 3);
    const inflate = jest.spyOn(zip, "inflateEntry");
    try {
      expect(thrown(() => inspectPackage(bomb))).toMatch(/decompressa supera|zip bomb/);
      expect(inflate).not.toHaveBeenCalled();
      // The spy does see the inflates of a package that is read (so the line above can fail).
      inspectPackage(await tampered(() => undefined));
      expect(inflate).toHaveBeenCalled();
    } finally {
      inflate.mockRestore();
    }
  });

  test("a part that inflates past its declared size is stopped there, not at its end", async () => {
    // 3 GB of output declaring 1 MB: the inflate stops just past 1 MB (within one 16 KiB input step).
    const bomb = await zipBomb(3 * 1024 ** 3, 1024 ** 2);
    expect(thrown(() => inspectPackage(bomb))).toContain("«xl/worksheets/sheet1.xml» non ha la dimensione dichiarata");
    // Counted in input steps of 16 KiB: the whole bomb is many steps, the check stops it within the first few.
    const entry = zip.readCentralDirectory(bomb).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const push = jest.spyOn(Inflate.prototype, "push");
    try {
      expect(() => zip.inflateEntry(bomb, entry, { total: 0 }, LIMITS, false)).toThrow(/non ha la dimensione dichiarata/);
      const steps = Math.ceil(entry.compressedSize / (16 * 1024));
      expect(steps).toBeGreaterThan(50);
      expect(push.mock.calls.length).toBeGreaterThan(0);
      expect(push.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      push.mockRestore();
    }
  });

  test("the total of the declared sizes is bounded too", async () => {
    const bomb = await zipBomb(300 * 1024 ** 2);
    expect(thrown(() => inspectPackage(bomb, { ...LIMITS, maxRatio: 1e9, maxTotalBytes: 200 * 1024 ** 2 }))).toContain("decompresso supera 200 MB");
  });
});

const hasSoffice = spawnSync("which", ["soffice"]).status === 0;
(hasSoffice ? describe : describe.skip)("workbooks saved by LibreOffice", () => {
  test("a table without a style (LibreOffice writes no <tableStyleInfo>): loads and writes back", async () => {
    const wb = exampleWorkbook();
    const ws = wb.addWorksheet("Tabella");
    ws.addTable({ name: "Indicatori", ref: "A1", headerRow: true, columns: [{ name: "Indicatore" }, { name: "Stato" }], rows: [["a", 1], ["b", 2]] });
    const src = path.join(dir, "tabella.xlsx");
    await wb.xlsx.writeFile(src);
    const lo = convert(src, "xlsx");
    const bytes = new Uint8Array(fs.readFileSync(lo));
    const table = Object.entries(unzipSync(bytes)).find(([n]) => n.startsWith("xl/tables/"));
    expect(table).toBeDefined();
    expect(strFromU8(table![1])).not.toContain("tableStyleInfo");
    // ExcelJS alone: `Cannot read properties of null (reading 'theme')` when writing.
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    await expect(plain.xlsx.writeBuffer()).rejects.toThrow(/theme/);
    // Through the check: fixed copy, loads and writes.
    const info = inspectPackage(bytes);
    expect(info.fixes).toContain("tableStyle");
    const fixed = new ExcelJS.Workbook();
    await fixed.xlsx.load(Buffer.from(info.bytes) as unknown as ArrayBuffer);
    expect((await fixed.xlsx.writeBuffer()).byteLength).toBeGreaterThan(1000);
    // And `piano-perf calcola --out` on it writes the copy.
    spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root });
    const out = path.join(dir, "tabella-out.xlsx");
    const r = spawnSync(process.execPath, [path.join(root, "bin", "piano-perf.js"), "calcola", lo, "--out", out], { cwd: root, encoding: "utf8" });
    expect(r.stderr).not.toContain("theme");
    expect([0, 1]).toContain(r.status);
    expect(fs.existsSync(out)).toBe(true);
  });

  test("an .ods saved by LibreOffice is named as such", async () => {
    const src = path.join(dir, "piano.xlsx");
    await exampleWorkbook().xlsx.writeFile(src);
    const ods = convert(src, "ods");
    expect(thrown(() => inspectPackage(new Uint8Array(fs.readFileSync(ods))))).toContain("è un foglio di calcolo OpenDocument (.ods");
  });
});
