// The results of «Calcola performance» as the staff use them (issue 13): the objectives'
// filter (all / yellow / red / with problems), a roll-up's drill-down to the indicators that
// pull it down with their explanation and a click to their cell (also by Tipologia), the
// cards left unwritten because a column is missing, and the focus after Esc on the dialog.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import type { WorkbookGrid } from "../../src/core/reader/grid";
import { FakeHost } from "./fakeHost";
import { cardSheet, twoCards } from "./grids";
import { confirmDialog, renderPane } from "./render";

jest.setTimeout(60_000);

const run = () => screen.getByRole("button", { name: "Calcola performance" });

/** twoCards plus a red card on the same strategic objective as OO01, whose indicator is «Qualità». */
function threeCards(): WorkbookGrid {
  const grid = twoCards();
  const red = cardSheet({
    sheet: "OO03",
    objective: "Sportello digitale",
    indicators: [{ name: "Pratiche online", actual: 2, operator: ">=", target: 10, stated: "", weight: 1 }],
  });
  const header = red.values.findIndex((r) => r[0] === "Indicatori");
  red.values[header + 1][2] = "Qualità";
  return { sheets: [...grid.sheets, red] };
}

async function calculated(grid: WorkbookGrid) {
  const user = userEvent.setup();
  const host = new FakeHost(grid);
  renderPane(host);
  await user.click(run());
  await user.click(within(await confirmDialog()).getByRole("button", { name: "Sostituisci", hidden: true }));
  await screen.findByText(/celle aggiornate/);
  return { user, host };
}

describe("filtro degli obiettivi", () => {
  test("tutti, gialli, rossi, con problemi: ogni scelta mostra i suoi obiettivi, con il conteggio", async () => {
    const { user } = await calculated(threeCards());
    const analysis = analyzeWorkbook(threeCards());
    const light = (id: string) => analysis.result.objectives.find((o) => o.id === id)!.light;
    expect(light("OO01")).toBe("verde");
    expect(light("OO02")).toBe("giallo");
    expect(light("OO03")).toBe("rosso");
    const filter = screen.getByRole("radiogroup", { name: "Mostra gli obiettivi" });
    const shown = () => Array.from(document.querySelectorAll<HTMLElement>("[data-objective]")).map((e) => e.dataset.objective);
    expect(shown()).toEqual(["OO01", "OO02", "OO03"]);
    await user.click(within(filter).getByRole("radio", { name: "Gialli (1)" }));
    expect(shown()).toEqual(["OO02"]);
    await user.click(within(filter).getByRole("radio", { name: "Rossi (1)" }));
    expect(shown()).toEqual(["OO03"]);
    // The objectives the analysis reports a problem for (OO02: the unreadable Stato).
    const withProblems = ["OO01", "OO02", "OO03"].filter((id) => analysis.problems.some((p) => p.objectiveId === id));
    expect(withProblems).toContain("OO02");
    expect(withProblems.length).toBeLessThan(3);
    await user.click(within(filter).getByRole("radio", { name: `Con problemi (${withProblems.length})` }));
    expect(shown()).toEqual(withProblems);
    await user.click(within(filter).getByRole("radio", { name: "Tutti (3)" }));
    expect(shown()).toEqual(["OO01", "OO02", "OO03"]);
  });
});

describe("cosa abbassa un aggregato", () => {
  test("obiettivo strategico: gli obiettivi sotto il 100% (il peggiore prima), i loro indicatori con la spiegazione e il clic alla cella", async () => {
    const { user, host } = await calculated(threeCards());
    const analysis = analyzeWorkbook(threeCards());
    await user.click(screen.getByRole("button", { name: "Per obiettivo strategico" }));
    const list = await screen.findByRole("list", { name: "Per obiettivo strategico" });
    const row = within(list).getByText("Digitalizzazione").closest("li") as HTMLElement;
    await user.click(within(row).getByRole("button", { name: "Cosa la abbassa: Digitalizzazione" }));
    const drill = within(row).getByRole("list", { name: "Cosa abbassa «Digitalizzazione»" });
    const objectives = Array.from(drill.querySelectorAll<HTMLElement>("[data-drill-objective]")).map((e) => e.dataset.drillObjective);
    expect(objectives).toEqual(["OO03", "OO01"]);
    // OO01: only «Eventi organizzati» (8 of 10) costs points; its explanation and its Stato cell.
    const oo01 = within(drill).getByRole("list", { name: "Indicatori di «Punto Impresa Digitale»" });
    const items = within(oo01).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    const events = analysis.result.objectives[0].indicators[1];
    expect(within(items[0]).getByText(events.explanation)).toBeTruthy();
    await user.click(within(items[0]).getByRole("button", { name: `Vai alla cella ${events.cell} del foglio OO01` }));
    await waitFor(() => expect(host.selected).toEqual({ sheet: "OO01", cell: events.cell }));
    expect(events.cell).toBe("E11");
    // A row at 100% has nothing to open.
    await user.click(screen.getByRole("button", { name: "Per area di responsabilità" }));
    const areas = await screen.findByRole("list", { name: "Per area di responsabilità" });
    expect(within(areas).queryByRole("button", { name: /Cosa la abbassa: Servizi interni/ })).toBeTruthy();
  });

  test("tipologia: gli indicatori di quella tipologia sotto il 100%", async () => {
    const { user, host } = await calculated(threeCards());
    await user.click(screen.getByRole("button", { name: "Indicatori per tipologia" }));
    const list = await screen.findByRole("list", { name: "Indicatori per tipologia" });
    const quality = within(list).getByText("Qualità").closest("li") as HTMLElement;
    expect(within(quality).getByText("1 indicatore")).toBeTruthy();
    expect(within(quality).getByText("20%")).toBeTruthy();
    await user.click(within(quality).getByRole("button", { name: "Cosa la abbassa: Qualità" }));
    const drill = within(quality).getByRole("list", { name: "Cosa abbassa «Qualità»" });
    expect(within(drill).getByText("2 / 10 = 20%")).toBeTruthy();
    await user.click(within(drill).getByRole("button", { name: "Vai alla cella E10 del foglio OO03" }));
    await waitFor(() => expect(host.selected).toEqual({ sheet: "OO03", cell: "E10" }));
    // «Efficacia» holds the other cards' indicators, not OO03's.
    const efficacy = within(list).getByText("Efficacia").closest("li") as HTMLElement;
    await user.click(within(efficacy).getByRole("button", { name: "Cosa la abbassa: Efficacia" }));
    expect(within(efficacy).queryByText("Pratiche online")).toBeNull();
    expect(within(efficacy).getByText("Eventi organizzati")).toBeTruthy();
  });
});

describe("schede lasciate fuori", () => {
  test("una colonna senza intestazione: la scheda non è scritta e il riquadro la nomina", async () => {
    const grid = twoCards();
    const oo01 = grid.sheets[0];
    const header = oo01.values.findIndex((r) => r[0] === "Indicatori");
    oo01.values[header][7] = ""; // «Performance» deleted: the column H still holds 100% and 50%
    const user = userEvent.setup();
    const host = new FakeHost(grid);
    renderPane(host);
    await user.click(run());
    // OO02 has nothing to replace (its Performance cells are empty): no dialog, written at once.
    await screen.findByText(/1 cella aggiornata/);
    const warning = screen.getByTestId("left-out-cards");
    expect(warning.textContent).toMatch(/1 scheda non scritta perché manca una colonna/);
    expect(within(warning).getByRole("button", { name: "«OO01» (manca Performance)" })).toBeTruthy();
    expect(host.cell("OO01", "H11")).toBe(0.5);
    expect(host.cell("OO01", "B13")).toBe("");
    expect(host.cell("OO02", "H10")).not.toBe("");
    await user.click(within(warning).getByRole("button", { name: "«OO01» (manca Performance)" }));
    await waitFor(() => expect(host.selected).toEqual({ sheet: "OO01", cell: "H9" }));
  });
});

describe("la conferma e il fuoco", () => {
  test("dopo Esc sulla conferma il fuoco torna su «Calcola performance»", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    renderPane(host);
    await user.click(run());
    await confirmDialog();
    await user.keyboard("{Escape}");
    await screen.findByText(/Calcolo annullato/);
    await waitFor(() => expect(document.activeElement).toBe(run()));
    expect(host.calls).not.toContain("writeResults");
  });
});
