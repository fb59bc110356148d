// «Scarica risultato» in the preview goes through the same package-preserving writer as
// `piano-perf calcola --out` (issue 14): the downloaded file is the opened one with only the
// add-in's cells and sheets changed — charts, external links, pivot cache, images, comments,
// validation and defined names byte for byte — and a user's sheet named like the settings
// sheet is neither deleted nor replaced.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { PreviewHost } from "../../src/preview/previewHost";
import { exampleSheetName } from "../../src/adapters/exceljs";
import { addForeignParts, comparePackages, partsOf, plannedWrites, smallPlan, withImage } from "../cli/packages";
import { seed, tmpDir } from "../reader/helpers";

jest.setTimeout(60_000);

const first = exampleSheetName(seed.obiettivi[0]);
const dir = tmpDir("piano-perf-preview-dl-");

async function inputFile(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const plain = path.join(dir, `plain-${name}`);
  await wb.xlsx.writeFile(plain);
  const file = path.join(dir, name);
  fs.writeFileSync(file, addForeignParts(new Uint8Array(fs.readFileSync(plain)), { chartSheet: "Note" }));
  return file;
}

async function runPreview(file: string): Promise<{ host: PreviewHost; out: Uint8Array }> {
  const data = fs.readFileSync(file);
  const host = new PreviewHost({ loadExcelJs: async () => ExcelJS });
  await host.open(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength), path.basename(file));
  const analysis = await host.analyze();
  await host.writeResults(analysis);
  await host.buildSummary(await host.analyze());
  const blob = await host.download();
  return { host, out: new Uint8Array(await blob.arrayBuffer()) };
}

describe("«Scarica risultato» keeps the opened package", () => {
  it("every part it does not own byte for byte; in the cards only the Performance cells", async () => {
    const file = await inputFile(withImage(smallPlan()), "preview.xlsx");
    const planned = await plannedWrites(file);
    const { out } = await runPreview(file);
    const outParts = unzipSync(out);
    const cmp = comparePackages(partsOf(file), outParts, planned);
    for (const p of ["xl/charts/chart1.xml", "xl/externalLinks/externalLink1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/media/image1.png", "customXml/item1.xml"]) expect(cmp.identical).toContain(p);
    expect(cmp.changedCells.get(first)!.length).toBe(planned.get(first)!.size);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out.buffer as ArrayBuffer);
    expect(back.getWorksheet(first)!.getCell("H17").value).toBe(1);
    expect(back.getWorksheet("Riepilogo performance 2022")).toBeDefined();
  });

  it("a restore before downloading leaves the cards byte for byte as opened", async () => {
    const file = await inputFile(smallPlan(), "restored.xlsx");
    const data = fs.readFileSync(file);
    const host = new PreviewHost({ loadExcelJs: async () => ExcelJS });
    await host.open(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength), "restored.xlsx");
    await host.writeResults(await host.analyze());
    expect(await host.restore()).toBeGreaterThan(0);
    const out = unzipSync(new Uint8Array(await (await host.download()).arrayBuffer()));
    const cmp = comparePackages(partsOf(file), out, new Map());
    expect(cmp.changedCells.size).toBe(0);
  });

  it("a user's own «Impostazioni piano performance» sheet survives the preview's summary and rules", async () => {
    const wb = smallPlan();
    wb.addWorksheet("Impostazioni piano performance").getCell("A1").value = "Il mio foglio";
    const file = await inputFile(wb, "own-settings.xlsx");
    const { host, out } = await runPreview(file);
    await host.savePolicy((await host.loadPolicy()));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out.buffer as ArrayBuffer);
    expect(back.getWorksheet("Impostazioni piano performance")!.getCell("A1").value).toBe("Il mio foglio");
    expect(back.worksheets.map((w) => w.name)).toContain("Impostazioni Piano Performa (2)");
    expect(host.getSnapshot().sheetNames).toContain("Impostazioni piano performance");
  });
});
