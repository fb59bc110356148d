// Excel on the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded):
// docs/concepts/resource-limits-and-performance-optimization.md and docs/excel/performance.md
// (OfficeDev/office-js-docs-pr). A request is not only the JSON of the values: every queued
// action carries its object path and method (about 100–250 bytes), so thousands of small
// actions — a summary's links — weigh more than their text.
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { buildSummarySheet } from "../../src/excel/summarySheet";
import { ACTION_BYTES, REQUEST_LIMITS } from "../../src/excel/payload";
import { FakeExcel } from "./fakeExcel";
import { ACTION_PATH_BYTES } from "../../src/officeModel/limits";
import { exampleGrid, scaledSeed } from "./workbooks";

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

test("a summary with thousands of links stays under the real 5 MB limit, each action counted at 250 bytes; unsplit it would not", async () => {
  // The write plan measured where it is made: the plan's analysis comes from the core (not
  // read back through Office.js), the model workbook holds only the sheet list the summary
  // run reads, and the fake counts every action at 250 bytes (the top of the 100–250 bytes
  // of object path and method) against Excel on the web's real 5 MB, with the add-in's real budget.
  const grid = exampleGrid(scaledSeed(900));
  const analysis = analyzeWorkbook(grid);
  const model = () => {
    const fake = new FakeExcel({ apiVersion: "1.13", platform: "OfficeOnline", actionPathBytes: ACTION_BYTES });
    for (const s of grid.sheets) fake.addSheet(s.name);
    return fake;
  };
  expect(REQUEST_LIMITS.budget).toBe(4 * 1024 * 1024);
  expect(model().requestLimitBytes).toBe(MB5);
  const fake = model();
  const uninstall = fake.install();
  try {
    const built = await Excel.run((ctx: Ctx) => buildSummarySheet(ctx, analysis));
    const links = [...fake.sheet(built.name).cells.values()].filter((c) => c.hyperlink !== null).length;
    // Counted as the add-in counts them, the links' actions alone are more than one request holds.
    expect(links * 4 * ACTION_BYTES).toBeGreaterThan(MB5);
    const syncs = fake.runs[0].syncs;
    for (const s of syncs) expect(s.requestBytes).toBeLessThan(MB5);
    const total = syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(total).toBeGreaterThan(MB5);
    expect(syncs.filter((s) => s.requestBytes > 1024 * 1024).length).toBeGreaterThanOrEqual(2);
  } finally {
    uninstall();
  }
  // The same plan written without splitting (a budget that never syncs early): Excel refuses it.
  const unsplit = model();
  const restore = unsplit.install();
  const budget = REQUEST_LIMITS.budget;
  REQUEST_LIMITS.budget = Number.POSITIVE_INFINITY;
  try {
    await expect(Excel.run((ctx: Ctx) => buildSummarySheet(ctx, analysis))).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  } finally {
    REQUEST_LIMITS.budget = budget;
    restore();
  }
}, 120_000);
