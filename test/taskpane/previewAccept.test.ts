// «Accetta» and «Confronta» in the browser preview's host, under node with the real ExcelJS
// (issues 11, 12): accepting one of the seven corrections after «Sostituisci» leaves six; the
// download carries the backup with the acceptance, so `piano-perf` reads the same; «Ripristina»
// still puts back the original. Confronta reads the picked bytes and never opens them.
import ExcelJS from "exceljs";
import seedJson from "../../assets/seed/pira-2022.json";
import { buildExampleWorkbook, gridFromExcelJs, type SeedPlan } from "../../src/adapters/exceljs";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { readPackageInfo, withPackageInfo } from "../../src/adapters/xlsx";
import { PreviewHost } from "../../src/preview/previewHost";

jest.setTimeout(60_000);
const SITO = "OO13 Sito camerale";

async function exampleBytes(): Promise<ArrayBuffer> {
  return (await buildExampleWorkbook(new ExcelJS.Workbook(), seedJson as SeedPlan).xlsx.writeBuffer()) as ArrayBuffer;
}

test("accept one correction: six left, the download reads the same, Ripristina puts the original back", async () => {
  const host = new PreviewHost({ loadExcelJs: async () => ExcelJS, fetchExample: exampleBytes, deliver: () => undefined });
  await host.openExample();
  await host.writeResults(await host.analyze());
  const written = (await host.analyze()).rectifications!.filter((r) => r.state === "written");
  expect(written).toHaveLength(7);
  expect(await host.acceptRectifications([{ sheet: SITO, cell: "H19" }, { sheet: SITO, cell: "A1" }])).toBe(1);
  const a = await host.analyze();
  expect(a.rectifications).toHaveLength(6);
  expect(a.acceptedRectifications).toEqual([expect.objectContaining({ sheet: SITO, cell: "H19", original: 0, computed: 1 })]);

  const bytes = new Uint8Array(await (await host.download()).arrayBuffer());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const again = analyzeWorkbook(withPackageInfo(gridFromExcelJs(wb), readPackageInfo(bytes)));
  expect(again.rectifications).toHaveLength(6);
  expect(again.acceptedRectifications.map((r) => r.cell)).toEqual(["H19"]);

  await host.restore();
  const ws = (host as unknown as { workbook: ExcelJS.Workbook }).workbook.getWorksheet(SITO)!;
  expect(ws.getCell("H19").value).toBe(0);
});

test("Confronta: the example against itself has no differences, the open workbook is not replaced", async () => {
  const host = new PreviewHost({ loadExcelJs: async () => ExcelJS, fetchExample: exampleBytes });
  await host.openExample();
  const openId = host.getSnapshot().openId;
  const c = await host.compareWithFile({ name: "copia.xlsx", bytes: await exampleBytes() });
  expect(c.differences).toEqual([]);
  expect(c.targetsCompared).toBe(true);
  expect([c.before.source, c.after.source]).toEqual(["file", "open"]);
  expect(host.getSnapshot().openId).toBe(openId);
  await expect(host.compareWithFile({ name: "vuoto.xlsx", bytes: new ArrayBuffer(10) })).rejects.toMatchObject({ userFacing: true, message: expect.stringContaining("Impossibile aprire «vuoto.xlsx»") });
});
