// Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded):
// docs/concepts/resource-limits-and-performance-optimization.md and docs/excel/performance.md
// (OfficeDev/office-js-docs-pr). A request is not only the JSON of the values: every queued
// action carries its object path and method (about 100–250 bytes), so thousands of small
// actions — a summary's links — weigh more than their text.
import type { WorkbookAnalysis } from "../../src/core/reader/analyze";
import { createExcelHost } from "../../src/excel/excelHost";
import { REQUEST_LIMITS } from "../../src/excel/payload";
import { FakeExcel } from "./fakeExcel";
import { ACTION_PATH_BYTES } from "../../src/officeModel/limits";
import { exampleGrid, fakeWith, scaledSeed } from "./workbooks";

type Ctx = Excel.RequestContext;
const MB5 = 5 * 1024 * 1024;

test("the fake counts each action's object path: many tiny actions exceed 5 MB", async () => {
  const fake = new FakeExcel({ platform: "OfficeOnline" });
  fake.addSheet("Dati");
  const uninstall = fake.install();
  try {
    const n = Math.ceil(MB5 / ACTION_PATH_BYTES / 2) + 10;
    await expect(
      Excel.run(async (ctx: Ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Dati");
        // Two actions a cell (the range, then a bold font): values are a byte each.
        for (let i = 0; i < n; i++) ws.getRangeByIndexes(i, 0, 1, 1).format.font.bold = true;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.runs[0].syncs[0].actions).toBeGreaterThan(2 * n - 1);
  } finally {
    uninstall();
  }
});

test("a summary with thousands of links stays under the request limit (limits at one fifth, same arithmetic)", async () => {
  // 5 MB / 4 MB scaled to 1 MB / 0.8 MB, so ~2,000 links (not ~10,000 cards' worth) cross it.
  const budget = REQUEST_LIMITS.budget;
  REQUEST_LIMITS.budget = budget / 5;
  const { fake, uninstall } = fakeWith(exampleGrid(scaledSeed(450)), { apiVersion: "1.13", platform: "OfficeOnline", requestLimitBytes: MB5 / 5 });
  try {
    const host = createExcelHost();
    const analysis = (await host.analyze()) as WorkbookAnalysis;
    const name = await host.buildSummary(analysis);
    const links = [...fake.sheet(name).cells.values()].filter((c) => c.hyperlink !== null).length;
    expect(links).toBeGreaterThan(1500);
    const summaryRun = fake.runs[fake.runs.length - 1];
    for (const s of summaryRun.syncs) expect(s.requestBytes).toBeLessThan(MB5 / 5);
    // Counted honestly, the links' actions alone are more than one request holds.
    expect(links * 4 * ACTION_PATH_BYTES).toBeGreaterThan(MB5 / 5);
  } finally {
    uninstall();
    REQUEST_LIMITS.budget = budget;
  }
}, 120_000);
