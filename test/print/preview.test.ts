// «Prepara per la stampa» in the preview: the same decision as `piano-perf stampa` (src/core/print),
// carried by «Scarica risultato» into the opened package — page setup and print names of the
// card sheets, and nothing else of those sheets changed (no cell).
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { PreviewHost } from "../../src/preview/previewHost";
import { exampleSheetName } from "../../src/adapters/exceljs";
import { seed } from "../reader/helpers";

const example = path.join(__dirname, "..", "..", "assets", "esempio-piano-2022.xlsx");
const names = seed.obiettivi.map(exampleSheetName);

async function opened(): Promise<PreviewHost> {
  const data = fs.readFileSync(example);
  const host = new PreviewHost({ loadExcelJs: async () => ExcelJS });
  await host.open(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength), "esempio-piano-2022.xlsx");
  return host;
}

const parts = async (host: PreviewHost) => unzipSync(new Uint8Array(await (await host.download()).arrayBuffer()));
const sheetData = (xml: string) => /<sheetData[\s\S]*<\/sheetData>/.exec(xml)?.[0];

describe("preview: Prepara per la stampa", () => {
  it("sets every card, and «Scarica risultato» carries the page setup and the print names, cells unchanged", async () => {
    const plain = await parts(await opened());
    const host = await opened();
    const report = await host.preparePrint();
    expect(report.sheets).toEqual(names);
    const out = await parts(host);
    const wb = strFromU8(out["xl/workbook.xml"]);
    names.forEach((n, i) => {
      expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${n}'!$16:$16</definedName>`);
      expect(wb).toMatch(new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">'${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}'!\\$A\\$1:\\$I\\$\\d+</definedName>`));
    });
    for (let i = 1; i <= names.length; i++) {
      const part = `xl/worksheets/sheet${i}.xml`;
      const xml = strFromU8(out[part]);
      expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
      expect(xml).toContain("<oddFooter>&amp;RPagina &amp;P di &amp;N</oddFooter>");
      expect(sheetData(xml)).toBe(sheetData(strFromU8(plain[part])));
    }
  });

  it("after «Calcola performance» too: the written cells and the page setup together", async () => {
    const host = await opened();
    await host.writeResults(await host.analyze());
    await host.preparePrint();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await (await host.download()).arrayBuffer()) as ArrayBuffer);
    const ws = back.getWorksheet(names[0])!;
    expect(ws.getCell("H17").value).toBe(1);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "16:16" });
    expect(ws.headerFooter.oddHeader).toBe("&C&A");
  });

  it("a workbook without cards: the Italian message", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Note").getCell("A1").value = "appunti";
    const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    const host = new PreviewHost({ loadExcelJs: async () => ExcelJS });
    await host.open(buf, "note.xlsx");
    await expect(host.preparePrint()).rejects.toThrow("Nessuna scheda da preparare per la stampa");
  });
});
