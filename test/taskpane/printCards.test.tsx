// «Prepara per la stampa» in the pane's Riepilogo panel: shown only when the host can do it,
// one operation at a time, the result (and a failure) said in Italian.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { PrintReport, ProgressFn } from "../../src/host/workbookHost";
import { planCardPrint } from "../../src/core/print";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { FakeHost, HostError } from "./fakeHost";
import { twoCards } from "./grids";
import { renderPane } from "./render";

/** A host that can prepare the cards for printing: it decides with the core, as the real hosts do. */
class PrintingHost extends FakeHost {
  prepared: string[] = [];
  failWith: Error | null = null;
  async preparePrint(onProgress?: ProgressFn): Promise<PrintReport> {
    onProgress?.({ phase: "Impostazione della stampa delle schede", done: 0, total: 1 });
    if (this.failWith) throw this.failWith;
    const prints = planCardPrint(this.grid, analyzeWorkbook(this.grid).plan);
    this.prepared.push(...prints.map((p) => p.sheet));
    return { sheets: prints.map((p) => p.sheet) };
  }
}

const button = () => screen.getByRole("button", { name: "Prepara per la stampa" });

describe("Prepara per la stampa (pane)", () => {
  test("sets the cards and says how many, without touching a cell", async () => {
    const user = userEvent.setup();
    const host = new PrintingHost(twoCards());
    const before = JSON.stringify(host.grid);
    renderPane(host, "summary");
    expect(screen.getByRole("heading", { name: "Prepara per la stampa" })).toBeTruthy();
    await user.click(button());
    await screen.findByText("2 schede pronte per la stampa (una pagina in larghezza, intestazione della tabella ripetuta). Nessuna cella è stata modificata.");
    expect(host.prepared).toHaveLength(2);
    expect(JSON.stringify(host.grid)).toBe(before);
  });

  test("a host's Italian error is shown with what to do", async () => {
    const user = userEvent.setup();
    const host = new PrintingHost(twoCards());
    host.failWith = new HostError("Il foglio «Scheda 1» è protetto.");
    renderPane(host, "summary");
    await user.click(button());
    await screen.findByText("Schede non preparate per la stampa");
    expect(screen.getByText(/Il foglio «Scheda 1» è protetto\./)).toBeTruthy();
  });

  test("no command where the host cannot do it", () => {
    renderPane(new FakeHost(twoCards()), "summary");
    expect(screen.queryByRole("button", { name: "Prepara per la stampa" })).toBeNull();
  });
});
