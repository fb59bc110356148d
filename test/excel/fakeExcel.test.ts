// The fake must keep the Office.js semantics the code relies on; if it were lenient, the
// src/excel tests would prove nothing.
import { FakeExcel, FakeOfficeError } from "./fakeExcel";

type Ctx = Excel.RequestContext;

describe("fake Excel keeps Office.js semantics", () => {
  let fake: FakeExcel;
  let uninstall: () => void;
  beforeEach(() => {
    fake = new FakeExcel();
    const s = fake.addSheet("Dati");
    s.set("A1", 5);
    s.set("B2", "testo");
    uninstall = fake.install();
  });
  afterEach(() => uninstall());

  test("reading a property before load + sync throws", async () => {
    await Excel.run(async (ctx: Ctx) => {
      const r = ctx.workbook.worksheets.getItem("Dati").getRange("A1");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
    });
  });

  test("collections: items only after load, getItem of a missing sheet fails the sync", async () => {
    await Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets;
      expect(() => ws.items).toThrow();
      ws.load("items/name");
      await ctx.sync();
      expect(ws.items.map((w) => w.name)).toEqual(["Dati"]);
      const maybe = ws.getItemOrNullObject("Nessuno");
      expect(() => maybe.isNullObject).toThrow();
      await ctx.sync();
      expect(maybe.isNullObject).toBe(true);
      ws.getItem("Nessuno");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("writes are queued until sync and applied in order; text format keeps '=' as text", async () => {
    await Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Dati");
      ws.getRange("C1").values = [["=SOMMA(1)"]];
      const c2 = ws.getRange("C2");
      c2.numberFormat = [["@"]];
      c2.values = [["=SOMMA(1)"]];
      ws.getRange("C3").values = [["'+39"]];
      expect(fake.sheet("Dati").get("C1").value).toBe("");
      await ctx.sync();
    });
    const s = fake.sheet("Dati");
    expect(s.get("C1").formula).toBe("=SOMMA(1)");
    expect(s.get("C2")).toMatchObject({ value: "=SOMMA(1)", formula: null });
    expect(s.get("C3")).toMatchObject({ value: "+39", formula: null, quotePrefix: true });
  });

  test("text written into a General cell is converted as Excel would; '@' or an apostrophe keeps it", async () => {
    const inputs = ["-meno", "+39", "-5", "1500", "47%", "12.5%", "=100%", "2022-06-30", "TRUE", "-", "1.500", "12,5", "30/06/2022", "n.d."];
    await Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Dati");
      const general = ws.getRange(`F1:F${inputs.length}`);
      general.values = inputs.map((v) => [v]);
      const text = ws.getRange(`G1:G${inputs.length}`);
      text.numberFormat = inputs.map(() => ["@"]);
      text.values = inputs.map((v) => [v]);
      ws.getRange("H1").numberFormat = [["0.0%"]];
      ws.getRange("H1").values = [["47%"]];
      await ctx.sync();
    });
    const s = fake.sheet("Dati");
    const f = (i: number) => s.get(`F${i + 1}`);
    expect(f(0)).toMatchObject({ value: "#NAME?", formula: "=-meno" });
    expect(f(1)).toMatchObject({ value: 39, formula: null });
    expect(f(2)).toMatchObject({ value: -5, formula: null });
    expect(f(3)).toMatchObject({ value: 1500, formula: null, numberFormat: "General" });
    expect(f(4)).toMatchObject({ value: 0.47, formula: null, numberFormat: "0%" });
    expect(f(5)).toMatchObject({ value: 0.125, formula: null, numberFormat: "0.00%" });
    expect(f(6)).toMatchObject({ formula: "=100%" });
    expect(f(7)).toMatchObject({ value: 44742, formula: null, numberFormat: "yyyy-mm-dd" });
    expect(f(8)).toMatchObject({ value: true, formula: null });
    // The fake is en-US: "1.500" is one and a half there…
    expect(f(10)).toMatchObject({ value: 1.5, formula: null });
    // …and a lone sign, a decimal comma, a day-first date and plain text stay text.
    for (const i of [9, 11, 12, 13]) expect(f(i)).toMatchObject({ value: inputs[i], formula: null, numberFormat: "General" });
    inputs.forEach((v, i) => expect(s.get(`G${i + 1}`)).toMatchObject({ value: v, formula: null, numberFormat: "@", quotePrefix: false }));
    // A cell that already has a number format keeps it.
    expect(s.get("H1")).toMatchObject({ value: 0.47, numberFormat: "0.0%" });
  });

  test("a protected sheet refuses changes; earlier actions of the batch stay applied", async () => {
    fake.addSheet("Chiuso").protected = true;
    await expect(
      Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Dati").getRange("D1").values = [[1]];
        ctx.workbook.worksheets.getItem("Chiuso").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.sheet("Dati").get("D1").value).toBe(1);
    expect(fake.sheet("Chiuso").get("A1").value).toBe("");
  });

  test("cell-edit mode: fails without delayForCellEdit, waits with it", async () => {
    fake.beginCellEdit();
    await expect(Excel.run(async (ctx: Ctx) => ctx.sync())).rejects.toBeInstanceOf(FakeOfficeError);
    const run = Excel.run({ delayForCellEdit: true }, async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("Dati").getRange("E1").values = [[7]];
      await ctx.sync();
    });
    setTimeout(() => fake.endCellEdit(), 5);
    await run;
    expect(fake.sheet("Dati").get("E1").value).toBe(7);
  });

  test("an API newer than the host fails with ApiNotFound; unsynced actions are an error", async () => {
    await expect(
      Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Dati").getRange("A1:B2").getMergedAreasOrNullObject();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(
      Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Dati").getRange("A1").values = [[1]];
      }),
    ).rejects.toThrow(/never synced/);
  });

  test("request bytes are counted per sync and the 5 MB limit is enforced", async () => {
    const big = "x".repeat(6 * 1024 * 1024);
    await expect(
      Excel.run(async (ctx: Ctx) => {
        ctx.workbook.worksheets.getItem("Dati").getRange("A1").values = [[big]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.sheet("Dati").get("A1").value).toBe(5);
    expect(fake.runs[0].syncs[0].requestBytes).toBeGreaterThan(6 * 1024 * 1024);
  });
});
