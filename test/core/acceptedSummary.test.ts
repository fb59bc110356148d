// Accepted corrections stay in sight (issue 12 follow-up): after «Accetta» the summary's
// «Rettifiche» block lists the accepted correction after the open ones, marked «accettata il
// GG/MM/AAAA», with the user's original and the computed value; the document's annex lists it
// in its own section after the open ones. The real path: the example written by the preview
// host, one correction accepted, the downloaded bytes analysed again as the CLI does.
import ExcelJS from "exceljs";
import seedJson from "../../assets/seed/pira-2022.json";
import { buildExampleWorkbook, gridFromExcelJs, type SeedPlan } from "../../src/adapters/exceljs";
import { analyzeWorkbook, type WorkbookAnalysis } from "../../src/core/reader/analyze";
import { readPackageInfo, withPackageInfo } from "../../src/adapters/xlsx";
import { PreviewHost } from "../../src/preview/previewHost";
import { buildSummaryModel, type SummaryModel } from "../../src/core/summary";
import { buildAnnex, buildPiraDocument } from "../../src/core/document";
import { acceptanceDate } from "../../src/core/rectifications";
import type { DocumentBlock, TableBlock } from "../../src/core/document/model";
import { exampleAnalysis } from "../document/helpers";

jest.setTimeout(60_000);
const SITO = "OO13 Sito camerale";

let accepted: WorkbookAnalysis;
let today: string;

beforeAll(async () => {
  const exampleBytes = async () => (await buildExampleWorkbook(new ExcelJS.Workbook(), seedJson as SeedPlan).xlsx.writeBuffer()) as ArrayBuffer;
  const host = new PreviewHost({ loadExcelJs: async () => ExcelJS, fetchExample: exampleBytes, deliver: () => undefined });
  await host.openExample();
  await host.writeResults(await host.analyze());
  const before = new Date();
  expect(await host.acceptRectifications([{ sheet: SITO, cell: "H19" }])).toBe(1);
  today = acceptanceDate(before);
  const bytes = new Uint8Array(await (await host.download()).arrayBuffer());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  accepted = analyzeWorkbook(withPackageInfo(gridFromExcelJs(wb), readPackageInfo(bytes)));
});

const rectBlock = (m: SummaryModel) => m.blocks.find((b) => b.id === "rectifications")!;
const italian = (iso: string) => iso.split("-").reverse().join("/");

describe("summary model", () => {
  it("lists the accepted correction after the six open ones, with original, computed value and date", () => {
    expect(accepted.rectifications).toHaveLength(6);
    expect(accepted.acceptedRectifications).toHaveLength(1);
    const m = buildSummaryModel(accepted, { producedAt: new Date(2026, 0, 1) });
    const b = rectBlock(m);
    expect(b.rows).toHaveLength(7);
    const states = b.rows.map((r) => r[6].value);
    expect(states.slice(0, 6).every((s) => s === "rettificata nella scheda")).toBe(true);
    const last = b.rows[6];
    expect(last.map((c) => c.value)).toEqual([SITO, "H19", "Sito camerale — Architettura dell'informazione", 0, 1, expect.any(String), `accettata il ${italian(today)}`]);
    expect(String(last[5].value)).not.toBe(""); // the computed value's explanation
    expect(last[0].link).toEqual({ sheet: SITO, cell: "H19" });
    expect(last[1].fromUser).toBeUndefined();
    expect(b.notes).toEqual([expect.stringContaining("Rettifiche accettate")]);
    expect(m.subtitle).toContain("6 rettifiche (più 1 accettata)");
    // The note's row is counted in the block's extent: the next block starts after it.
    const next = m.blocks[m.blocks.indexOf(b) + 1];
    expect(next.titleRow).toBe(b.titleRow + 2 + 7 + 1 + 1);
  });

  it("the example (no acceptance) is unchanged: seven open corrections, no note, no «accettata»", () => {
    const m = buildSummaryModel(exampleAnalysis());
    const b = rectBlock(m);
    expect(b.rows).toHaveLength(7);
    expect(b.notes).toEqual([]);
    expect(m.subtitle).not.toContain("accettat");
    expect(b.rows.some((r) => String(r[6].value).startsWith("accettata"))).toBe(false);
  });
});

describe("document annex", () => {
  const headings = (blocks: DocumentBlock[]) => blocks.filter((b) => b.kind === "heading").map((b) => (b as { text: string }).text);

  it("lists the accepted correction in its own section after the open ones", () => {
    const annex = buildAnnex(accepted);
    expect(annex.rectifications.map((r) => `${r.sheet}!${r.cell}`)).not.toContain(`${SITO}!H19`);
    expect(annex.accepted).toEqual([{ sheet: SITO, cell: "H19", objective: "Sito camerale", indicator: "Architettura dell'informazione", original: 0, computed: 1, acceptedOn: today }]);
    const doc = buildPiraDocument({ result: accepted.result, policy: accepted.policy, problems: accepted.problems, annex });
    const h = headings(doc.blocks);
    const open = h.lastIndexOf("Rettifiche");
    const acc = h.indexOf("Rettifiche accettate");
    expect(open).toBeGreaterThan(0);
    expect(acc).toBe(open + 1);
    expect(h[acc + 1]).toBe("Forzature");
    const table = doc.blocks.find((b) => b.kind === "table" && (b as TableBlock).caption === "Rettifiche accettate") as TableBlock;
    expect(table.rows).toEqual([[`${SITO} – H19`, "Sito camerale", "Architettura dell'informazione", "0%", "100%", `accettata il ${italian(today)}`]]);
  });

  it("no acceptance, no section (the example's document is unchanged)", () => {
    const a = exampleAnalysis();
    const annex = buildAnnex(a);
    expect(annex.accepted).toBeUndefined();
    const doc = buildPiraDocument({ result: a.result, policy: a.policy, problems: a.problems, annex });
    expect(headings(doc.blocks)).not.toContain("Rettifiche accettate");
  });
});
