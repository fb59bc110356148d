// The confirmation before writing (real changes with their reason; rounding and format only
// grouped and counted) and the stale-summary notice after «Calcola performance».
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ConfirmChanges } from "../../src/taskpane/components/ConfirmChanges";
import type { StatedChange } from "../../src/core/reader/writeback";
import type { Rectification } from "../../src/core/rectifications";
import type { Analysis, ProgressFn } from "../../src/host/workbookHost";
import { FakeHost } from "./fakeHost";
import { twoCards } from "./grids";
import { confirmDialog, dialogButton, renderPane } from "./render";

jest.setTimeout(30_000);

const change = (cell: string, before: StatedChange["before"], after: number | null): StatedChange => ({ sheet: "OO07", cell, objective: "Infrastrutture", indicator: `Indicatore ${cell}`, before, after });

describe("the confirmation before writing", () => {
  test("lists real changes with their reason, groups and counts rounding and text-to-number", async () => {
    const changes = [change("H18", 1.23, 1), change("H19", 0.96, 0.9595), change("H20", "100%", 1), change("H21", 0.98, 0.9583), change("H22", "80%", 0.8)];
    const rectifications: Rectification[] = [
      { sheet: "OO07", cell: "H18", objective: "Infrastrutture", indicator: "Indicatore H18", indicatorRow: 2, original: 1.23, computed: 1, explanation: "37 ≥ 30: raggiunto", state: "pending" },
    ];
    render(
      <FluentProvider theme={webLightTheme}>
        <ConfirmChanges changes={changes} rectifications={rectifications} tolerance={0.005} onAnswer={() => undefined} />
      </FluentProvider>,
    );
    const dialog = await screen.findByRole("alertdialog");
    // Real: 123% → 100% (with the reason) and 98% → 95,83% (beyond the 0,5% tolerance).
    const real = within(dialog).getByRole("list", { name: "Modifiche (2)" });
    const items = within(real).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText("123% → 100%: 37 ≥ 30: raggiunto")).toBeTruthy();
    expect(within(items[1]).getByText("98% → 95,83%")).toBeTruthy();
    // Rounding and text only: counted, one example each, not listed one by one.
    expect(within(dialog).getByText("1 arrotondamento (ad esempio «96% → 95,95%»)")).toBeTruthy();
    expect(within(dialog).getByText("2 valori scritti come testo diventano numeri (ad esempio «testo \"100%\" → 100%»)")).toBeTruthy();
    expect(within(dialog).getByText(/2 valori cambiano davvero; 3 vengono solo arrotondati/)).toBeTruthy();
    expect(within(dialog).queryByText("OO07!H19")).toBeNull();
  });
});

describe("riepilogo da aggiornare", () => {
  test("after «Calcola performance» a stale summary is flagged and can be refreshed from there", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    let stale = true;
    const analyze = host.analyze.bind(host);
    host.analyze = async (p?: ProgressFn): Promise<Analysis> => ({ ...(await analyze(p)), summary: { sheet: "Riepilogo performance 2022", stale, fingerprint: "0" } });
    const build = host.buildSummary.bind(host);
    let built = 0;
    host.buildSummary = async (a: Analysis) => {
      built++;
      stale = false;
      return build(a);
    };
    renderPane(host);
    await user.click(screen.getByRole("button", { name: "Calcola performance" }));
    await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
    await screen.findByText(/celle aggiornate/);
    expect(screen.getByText("riepilogo da aggiornare")).toBeTruthy();
    expect(screen.getByText(/«Riepilogo performance 2022» è stato creato con dati o regole diversi/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Aggiorna anche il riepilogo" }));
    await screen.findByText(/Riepilogo pronto nel foglio/);
    expect(built).toBe(1);
    expect(screen.queryByText("riepilogo da aggiornare")).toBeNull();
  });

  test("an up-to-date summary says nothing", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    const analyze = host.analyze.bind(host);
    host.analyze = async (p?: ProgressFn): Promise<Analysis> => ({ ...(await analyze(p)), summary: { sheet: "Riepilogo performance 2022", stale: false, fingerprint: "0" } });
    renderPane(host);
    await user.click(screen.getByRole("button", { name: "Calcola performance" }));
    await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
    await screen.findByText(/celle aggiornate/);
    expect(screen.queryByText("riepilogo da aggiornare")).toBeNull();
  });
});
