// "Calcola performance": results, confirmation, restore, empty workbook, failure, progress.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { formatPercent } from "../../src/core/format";
import { ExcelHostError } from "../../src/excel/errors";
import { EXCEL_ERRORS, EXCEL_NOTICES } from "../../src/messages/excel";
import { ui } from "../../src/messages/ui";
import { FakeHost } from "./fakeHost";
import { notesOnly, twoCards } from "./grids";
import { confirmDialog, dialogButton, renderPane } from "./render";

const run = () => screen.getByRole("button", { name: "Calcola performance" });

describe("Calcola performance", () => {
  test("asks before replacing a stated value, writes, and shows objectives, lights and roll-ups", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    const expected = analyzeWorkbook(twoCards());
    renderPane(host);

    await user.click(run());
    // OO01!H11 states 50% where the engine computes 8/10 = 80%: the only replaced value.
    const dialog = await confirmDialog();
    expect(within(dialog).getByText("OO01!H11")).toBeTruthy();
    expect(within(dialog).getByText(/^50% → 80%/)).toBeTruthy();
    expect(within(dialog).getAllByRole("listitem", { hidden: true })).toHaveLength(1);
    expect(host.cell("OO01", "H11")).toBe(0.5);

    await user.click(dialogButton(dialog, "Sostituisci"));
    await screen.findByText(/celle aggiornate/);

    // The workbook now holds the engine's numbers, including the objective's cell.
    expect(host.cell("OO01", "H11")).toBeCloseTo(0.8, 12);
    expect(host.cell("OO01", "B13")).toBeCloseTo(0.9, 12);
    expect(host.cell("OO02", "H10")).toBeCloseTo(0.75, 12);

    const perfs = screen.getAllByTestId("objective-performance").map((e) => e.textContent);
    expect(perfs).toEqual(expected.result.objectives.map((o) => formatPercent(o.performance!)));
    expect(perfs).toEqual(["90%", "75%"]);
    const first = screen.getByText("Punto Impresa Digitale").closest("[data-objective]") as HTMLElement;
    expect(within(first).getByText(/verde/)).toBeTruthy();
    const second = screen.getByText("Tempi di pagamento").closest("[data-objective]") as HTMLElement;
    expect(within(second).getByText(/giallo/)).toBeTruthy();
    expect(screen.getByTestId("plan-performance").textContent).toBe(formatPercent(expected.result.performance!));

    // Opening an objective lists its indicators with the engine's explanation.
    await user.click(within(second).getByRole("button", { name: /Tempi di pagamento/ }));
    const indicators = await screen.findByRole("list", { name: "Indicatori di «Tempi di pagamento»" });
    const explanations = expected.result.objectives[1].indicators.map((i) => i.explanation);
    for (const e of explanations) expect(within(indicators).getByText(e)).toBeTruthy();
    expect(within(indicators).getAllByRole("listitem")).toHaveLength(2);

    // Roll-ups: one entry per strategic objective.
    await user.click(screen.getByRole("button", { name: "Per obiettivo strategico" }));
    const rollup = await screen.findByRole("list", { name: "Per obiettivo strategico" });
    expect(within(rollup).getByText("Digitalizzazione")).toBeTruthy();
    expect(within(rollup).getByText("Efficienza")).toBeTruthy();

    // The problems of the run (the unreadable Stato) are listed and lead to their cell.
    await user.click(screen.getByRole("button", { name: /problem/ }));
    const problems = (await screen.findByRole("region", { name: "OO02" })) as HTMLElement;
    await user.click(within(problems).getByRole("button", { name: "Vai alla cella E11 del foglio OO02" }));
    await waitFor(() => expect(host.selected).toEqual({ sheet: "OO02", cell: "E11" }));
  });

  test("Ripristina puts back what the run replaced", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    renderPane(host);
    const restore = screen.getByRole("button", { name: "Ripristina" });
    expect(restore).toHaveProperty("disabled", true);

    await user.click(run());
    await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
    await screen.findByText(/celle aggiornate/);
    await waitFor(() => expect(screen.getByRole("button", { name: "Ripristina" })).toHaveProperty("disabled", false));

    await user.click(screen.getByRole("button", { name: "Ripristina" }));
    await screen.findByText(/celle ripristinate/);
    expect(host.cell("OO01", "H11")).toBe(0.5);
    expect(host.cell("OO01", "B13")).toBe("");
    expect(host.cell("OO02", "H10")).toBe("");
    await waitFor(() => expect(screen.getByRole("button", { name: "Ripristina" })).toHaveProperty("disabled", true));
  });

  test("cancelling the confirmation writes nothing", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    renderPane(host);
    await user.click(run());
    await user.click(dialogButton(await confirmDialog(), "Annulla"));
    await screen.findByText(/Calcolo annullato/);
    expect(host.calls).not.toContain("writeResults");
    expect(host.cell("OO01", "H11")).toBe(0.5);
    expect(host.cell("OO02", "H10")).toBe("");
  });

  test("a second run has nothing to replace and nothing to write", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    renderPane(host);
    await user.click(run());
    await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
    await screen.findByText(/celle aggiornate/);
    await user.click(run());
    await screen.findByText(/già aggiornate/);
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
  });

  test("empty workbook: explains the expected layout and inserts an empty card", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(notesOnly());
    renderPane(host);
    await user.click(run());
    expect(await screen.findByText("Nessuna scheda trovata")).toBeTruthy();
    expect(screen.getByText(/Obiettivo operativo/)).toBeTruthy();
    expect(host.calls).not.toContain("writeResults");
    await user.click(screen.getByRole("button", { name: "Inserisci scheda vuota" }));
    await screen.findByText(/Inserito il foglio «Scheda vuota»/);
    expect(host.grid.sheets.map((s) => s.name)).toEqual(["Note", "Scheda vuota"]);
  });

  test("a host failure shows the host's Italian message with what to do, and the pane stays usable", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    const err = new ExcelHostError("protected", EXCEL_ERRORS.protectedSheets(["OO01"]), "AccessDenied");
    err.stack = "ExcelHostError: Il foglio «OO01» è protetto\n    at writeResults (excelHost.ts:10:5)";
    host.failNext("writeResults", err);
    renderPane(host);
    await user.click(run());
    await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Calcolo non riuscito");
    expect(alert.textContent).toContain("Ripristina");
    expect(alert.textContent).toContain("Dettaglio: Il foglio «OO01» è protetto: nessuna cella è stata modificata.");
    expect(alert.textContent).not.toContain("excelHost.ts");
    expect(run()).toHaveProperty("disabled", false);

    // Retrying works.
    await user.click(run());
    await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
    await screen.findByText(/celle aggiornate/);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("an unexpected error (English, not from the host) is never shown: generic Italian text, detail in the console", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const user = userEvent.setup();
      const host = new FakeHost(twoCards());
      const err = new TypeError("Cannot read properties of undefined (reading 'values')");
      host.failNext("writeResults", err);
      renderPane(host);
      await user.click(run());
      await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toContain("Calcolo non riuscito");
      expect(alert.textContent).toContain(ui.errors.whatToDo.calculate);
      expect(alert.textContent).toContain(ui.errors.unexpected);
      expect(alert.textContent).not.toMatch(/Cannot read|undefined|values|Dettaglio/);
      expect(spy).toHaveBeenCalledWith(expect.stringContaining("calculate"), err);
    } finally {
      spy.mockRestore();
    }
  });

  test("a non-Error rejection still shows an Italian message", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const user = userEvent.setup();
      const host = new FakeHost(twoCards());
      const rejection = { code: "GeneralException", message: "An internal error has occurred." };
      host.failNext("analyze", rejection);
      renderPane(host);
      await user.click(run());
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toContain("Calcolo non riuscito");
      expect(alert.textContent).toContain(ui.errors.unexpected);
      expect(alert.textContent).not.toContain("internal error");
      expect(spy).toHaveBeenCalledWith(expect.any(String), rejection);
    } finally {
      spy.mockRestore();
    }
  });

  test("progress is shown and the button cannot start a second run", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    const release = host.hold("analyze");
    renderPane(host);
    await user.click(run());
    const bar = await screen.findByRole("progressbar");
    expect(bar).toBeTruthy();
    expect(screen.getByText("Lettura dei fogli: 0 di 2")).toBeTruthy();
    expect(run()).toHaveProperty("disabled", true);
    // Every action of the pane is locked, not only this one.
    expect(screen.getByRole("button", { name: "Ripristina" })).toHaveProperty("disabled", true);
    await user.click(run());
    expect(host.calls.filter((c) => c === "analyze")).toHaveLength(1);
    release();
    await confirmDialog();
    expect(host.calls.filter((c) => c === "analyze")).toHaveLength(1);
  });
});

test("what the host says about the run (Ctrl+Z cannot undo it) is shown with the results", async () => {
  const user = userEvent.setup();
  const host = new FakeHost(twoCards());
  host.writeNotices = [EXCEL_NOTICES.undoUnavailable];
  renderPane(host);
  await user.click(run());
  await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
  await screen.findByText(/celle aggiornate/);
  expect(screen.getByText(EXCEL_NOTICES.undoUnavailable)).toBeTruthy();
});
