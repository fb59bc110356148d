// "Verifica struttura": counts by severity, problems by sheet and card, click → cell,
// no cards, failure, progress.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { ExcelHostError } from "../../src/excel/errors";
import { EXCEL_ERRORS, EXCEL_NOTICES } from "../../src/messages/excel";
import { FakeHost } from "./fakeHost";
import { notesOnly, twoCards, workbook } from "./grids";
import { renderPane } from "./render";

const verify = () => screen.getByRole("button", { name: /^Verifica (struttura|di nuovo)$/ });

async function openValidate(host: FakeHost) {
  const user = userEvent.setup();
  renderPane(host);
  await user.click(screen.getByRole("tab", { name: "Verifica" }));
  return user;
}

describe("Verifica struttura", () => {
  test("counts problems by severity and groups them by sheet and card; a click selects the cell", async () => {
    const host = new FakeHost(twoCards());
    const expected = analyzeWorkbook(twoCards());
    const user = await openValidate(host);
    await user.click(verify());
    await screen.findByText("2 schede, 4 indicatori.");

    const counts = screen.getByRole("group", { name: "Problemi per gravità" });
    for (const sev of ["error", "warning", "info"] as const) {
      const n = expected.problems.filter((p) => p.severity === sev).length;
      expect(within(counts).getByText(new RegExp(`: ${n}$`), { selector: `[data-severity=${sev}]` })).toBeTruthy();
    }
    expect(expected.problems.length).toBeGreaterThan(0);

    // The unreadable Stato of OO02 is listed under its sheet and card.
    const sheet = screen.getByRole("region", { name: "OO02" });
    expect(within(sheet).getByRole("heading", { name: "Tempi di pagamento" })).toBeTruthy();
    const link = within(sheet).getByRole("button", { name: "Vai alla cella E11 del foglio OO02" });
    const item = link.closest("li")!;
    const problem = expected.problems.find((p) => p.sheet === "OO02" && p.cell === "E11")!;
    expect(item.textContent).toContain(problem.message);

    // Every located problem is listed once with its link.
    const links = screen.getAllByRole("button", { name: /^Vai alla cella / });
    expect(links).toHaveLength(expected.problems.filter((p) => p.sheet && p.cell).length);

    await user.click(link);
    await waitFor(() => expect(host.selected).toEqual({ sheet: "OO02", cell: "E11" }));
    // Verifying writes nothing.
    expect(host.calls).not.toContain("writeResults");
    expect(host.cell("OO01", "H11")).toBe(0.5);
  });

  test("a clean workbook says so", async () => {
    const clean = () =>
      workbook({
        sheet: "OO01",
        objective: "Obiettivo senza problemi",
        indicators: [{ name: "Pratiche", actual: 10, operator: ">=", target: 10, stated: 1, weight: 1 }],
      });
    const host = new FakeHost(clean());
    expect(analyzeWorkbook(clean()).problems).toEqual([]);
    const user = await openValidate(host);
    await user.click(verify());
    expect(await screen.findByText("Nessun problema: 1 scheda letta correttamente.")).toBeTruthy();
  });

  test("no cards: explains what is expected and offers an empty card", async () => {
    const host = new FakeHost(notesOnly());
    const user = await openValidate(host);
    await user.click(verify());
    expect(await screen.findByText("Nessuna scheda trovata")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Inserisci scheda vuota" }));
    await screen.findByText(/Inserito il foglio «Scheda vuota»/);
    // The inserted card is a card the reader recognises.
    await user.click(verify());
    await screen.findByText(/1 scheda, 0 indicatori\./);
  });

  test("inserting a card can fail with a message", async () => {
    const host = new FakeHost(notesOnly());
    host.failNext("insertEmptyCard", new ExcelHostError("protected", EXCEL_ERRORS.protectedWorkbook, "AccessDenied"));
    const user = await openValidate(host);
    await user.click(verify());
    await user.click(await screen.findByRole("button", { name: "Inserisci scheda vuota" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Scheda non inserita");
    expect(alert.textContent).toContain("protetta");
  });

  test("a failure shows what to do", async () => {
    const host = new FakeHost(twoCards());
    host.failNext("analyze", new ExcelHostError("cellEditing", EXCEL_ERRORS.cellEditing, "InvalidOperationInCellEditMode"));
    const user = await openValidate(host);
    await user.click(verify());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Verifica non riuscita");
    expect(alert.textContent).toContain("Invio o Esc");
    await user.click(within(alert).getByRole("button", { name: "Chiudi messaggio" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("selecting a cell that no longer exists reports it", async () => {
    const host = new FakeHost(twoCards());
    const user = await openValidate(host);
    await user.click(verify());
    const link = await screen.findByRole("button", { name: "Vai alla cella E11 del foglio OO02" });
    host.grid.sheets = host.grid.sheets.filter((s) => s.name !== "OO02");
    await user.click(link);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Cella non selezionata");
    expect(alert.textContent).toContain("OO02");
  });

  test("progress while reading; other actions are locked", async () => {
    const host = new FakeHost(twoCards());
    const release = host.hold("analyze");
    const user = await openValidate(host);
    await user.click(verify());
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(verify()).toHaveProperty("disabled", true);
    release();
    await screen.findByText("2 schede, 4 indicatori.");
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
});

test("what the host could not read (merged areas on Windows, office-js#5918) is said next to the problems", async () => {
  const host = new FakeHost(twoCards());
  host.analysisNotices = [EXCEL_NOTICES.mergesNotRead];
  const user = await openValidate(host);
  await user.click(verify());
  await screen.findByText("2 schede, 4 indicatori.");
  expect(screen.getByText(EXCEL_NOTICES.mergesNotRead)).toBeTruthy();
});
