// The pane's downloads: the PIRA document and the open-data CSV built from a fresh
// analysis, handed to `save`; nothing written to the workbook. The docx renderer is
// loaded on demand (see bundleSize.test.ts for the budget it protects).
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { unzipSync, strFromU8 } from "fflate";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import { Downloads } from "../../src/taskpane/components/Downloads";
import { useRunner } from "../../src/taskpane/useRunner";
import { FakeHost } from "./fakeHost";
import { notesOnly, twoCards } from "./grids";
import { parseCsv } from "../document/helpers";

// jsdom has no TextEncoder; Node's is the same API the browsers have.
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder, TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder });

jest.setTimeout(30_000);

function Harness(props: { host: FakeHost; save: (name: string, bytes: Uint8Array, mime: string) => void }) {
  const runner = useRunner();
  return <Downloads host={props.host} runner={runner} save={props.save} />;
}

function setup(grid = twoCards()) {
  const host = new FakeHost(grid);
  const saved: Array<{ name: string; bytes: Uint8Array; mime: string }> = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <Harness host={host} save={(name, bytes, mime) => saved.push({ name, bytes, mime })} />
    </FluentProvider>,
  );
  return { host, saved };
}

describe("Downloads", () => {
  it("saves the open-data CSV: header and one row per indicator, without writing the workbook", async () => {
    const { host, saved } = setup();
    await userEvent.click(screen.getByRole("button", { name: "Scarica dati aperti (.csv)" }));
    await screen.findByText(/Scaricato: dati-aperti-indicatori/);
    expect(saved).toHaveLength(1);
    expect(saved[0].mime).toBe("text/csv;charset=utf-8");
    const rows = parseCsv(new NodeTextDecoder().decode(saved[0].bytes));
    const a = await host.analyze();
    expect(rows).toHaveLength(1 + a.result.objectives.reduce((n, o) => n + o.indicators.length, 0));
    expect(host.calls.filter((c) => c !== "analyze")).toEqual([]);
  });

  it("saves the .docx (loaded on demand) with the objectives' names and the heading styles", async () => {
    const { host, saved } = setup();
    await userEvent.click(screen.getByRole("button", { name: "Scarica documento (.docx)" }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 20_000 });
    expect(saved[0].name).toMatch(/^PIRA(-\d{4})?\.docx$/);
    expect(saved[0].mime).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const doc = strFromU8(unzipSync(saved[0].bytes)["word/document.xml"]);
    const a = await host.analyze();
    for (const o of a.result.objectives) expect(doc).toContain(o.name.replace(/&/g, "&amp;").replace(/'/g, "&apos;"));
    expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    expect(await screen.findByText(/Scaricato: PIRA/)).toBeTruthy();
  });

  it("says there is nothing to publish when the workbook has no cards, and saves nothing", async () => {
    const { saved } = setup(notesOnly());
    await userEvent.click(screen.getByRole("button", { name: "Scarica dati aperti (.csv)" }));
    await screen.findByText("Nessuna scheda trovata: non c'è nulla da pubblicare.");
    expect(saved).toEqual([]);
  });

  it("shows an Italian failure when the analysis fails", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { host, saved } = setup();
    host.failNext("analyze", new Error("boom"));
    await userEvent.click(screen.getByRole("button", { name: "Scarica documento (.docx)" }));
    await screen.findByText("File non preparato");
    expect(saved).toEqual([]);
    expect(screen.getByText(/Controlla che nessuna cella sia in modifica/)).toBeTruthy();
    errors.mockRestore();
  });
});
