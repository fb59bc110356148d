// "Genera riepilogo": builds the summary sheet from a fresh analysis.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { buildSummaryModel } from "../../src/core/reader/summary";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { ExcelHostError } from "../../src/excel/errors";
import { EXCEL_ERRORS } from "../../src/messages/excel";
import { FakeHost } from "./fakeHost";
import { notesOnly, twoCards } from "./grids";
import { renderPane } from "./render";

const build = () => screen.getByRole("button", { name: "Genera riepilogo" });

describe("Genera riepilogo", () => {
  test("builds the summary sheet, activates it and names it", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    const expected = buildSummaryModel(analyzeWorkbook(twoCards()));
    renderPane(host, "summary");
    await user.click(build());
    await screen.findByText(`Riepilogo pronto nel foglio «${expected.sheetName}».`);
    expect(host.activeSheet).toBe(expected.sheetName);
    const sheet = host.sheet(expected.sheetName);
    expect(sheet.values[0][0]).toBe(expected.title);
    // Each objective appears in the summary's objectives table.
    const flat = sheet.values.flat();
    expect(flat).toContain("Punto Impresa Digitale");
    expect(flat).toContain("Tempi di pagamento");

    // Running again refreshes the same sheet instead of adding another.
    await user.click(build());
    await screen.findByText(`Riepilogo pronto nel foglio «${expected.sheetName}».`);
    expect(host.grid.sheets.filter((s) => s.name === expected.sheetName)).toHaveLength(1);
  });

  test("no cards: no summary, the expected layout is explained", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(notesOnly());
    renderPane(host, "summary");
    await user.click(build());
    expect(await screen.findByText("Nessuna scheda trovata")).toBeTruthy();
    expect(host.calls).not.toContain("buildSummary");
    expect(screen.getByRole("button", { name: "Inserisci scheda vuota" })).toBeTruthy();
  });

  test("a failure shows what to do", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    host.failNext("buildSummary", new ExcelHostError("protected", EXCEL_ERRORS.protectedSomewhere, "AccessDenied"));
    renderPane(host, "summary");
    await user.click(build());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Riepilogo non generato");
    expect(alert.textContent).toContain(`Dettaglio: ${EXCEL_ERRORS.protectedSomewhere}`);
    expect(alert.textContent).toContain("protetta");
    expect(build()).toHaveProperty("disabled", false);
  });

  test("progress while reading", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    const release = host.hold("buildSummary");
    renderPane(host, "summary");
    await user.click(build());
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(build()).toHaveProperty("disabled", true);
    release();
    await screen.findByText(/Riepilogo pronto/);
  });
});
