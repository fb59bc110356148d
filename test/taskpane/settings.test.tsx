// "Impostazioni": the policy loaded from and saved into the workbook.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readSettings } from "../../src/core/reader/settings";
import { DEFAULT_POLICY, defaultPolicy } from "../../src/core/policy";
import { ExcelHostError } from "../../src/excel/errors";
import { EXCEL_ERRORS } from "../../src/messages/excel";
import { FakeHost } from "./fakeHost";
import { twoCards } from "./grids";
import { confirmDialog, dialogButton, renderPane } from "./render";

// The full SMVP form is large: on a shared 2-core machine user-event typing takes seconds.
jest.setTimeout(30_000);

async function openSettings(host: FakeHost) {
  const user = userEvent.setup();
  renderPane(host, "settings");
  await screen.findByRole("button", { name: "Salva impostazioni" }, { timeout: 15_000 });
  return user;
}

/** The name a screen reader announces, after the accessible-name rules that matter here:
 *  aria-labelledby (its ids must resolve to elements with text), aria-label, a <label>
 *  for the control or around it, a button's own text. */
function accessibleName(el: Element): string {
  const text = (n: Element | null | undefined) => (n?.textContent ?? "").replace(/\s+/g, " ").trim();
  const labelledBy = el.getAttribute("aria-labelledby");
  if (labelledBy !== null) {
    // A broken reference names nothing, even if the attribute is there.
    return labelledBy
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => text(document.getElementById(id)))
      .filter(Boolean)
      .join(" ");
  }
  const ariaLabel = el.getAttribute("aria-label")?.trim();
  if (ariaLabel) return ariaLabel;
  if (el.id) {
    const forLabel = [...document.querySelectorAll("label")].find((l) => l.htmlFor === el.id);
    if (text(forLabel)) return text(forLabel);
  }
  if (text(el.closest("label"))) return text(el.closest("label"));
  if (el.tagName === "BUTTON") return text(el);
  return "";
}

describe("accessibleName (the helper the label check relies on)", () => {
  afterEach(() => document.body.replaceChildren());

  test("an aria-labelledby pointing nowhere, or at an empty element, is no name", () => {
    document.body.innerHTML = `<span id="empty"> </span><input id="a" aria-labelledby="missing"><input id="b" aria-labelledby="empty">`;
    expect(accessibleName(document.getElementById("a")!)).toBe("");
    expect(accessibleName(document.getElementById("b")!)).toBe("");
  });

  test("labels that resolve to text are names", () => {
    document.body.innerHTML =
      `<span id="t">Soglia</span><input id="a" aria-labelledby="t"><label for="b">Peso</label><input id="b">` +
      `<label>Limite <input id="c"></label><button id="d"> Salva </button><input id="e">`;
    expect(accessibleName(document.getElementById("a")!)).toBe("Soglia");
    expect(accessibleName(document.getElementById("b")!)).toBe("Peso");
    expect(accessibleName(document.getElementById("c")!)).toBe("Limite");
    expect(accessibleName(document.getElementById("d")!)).toBe("Salva");
    expect(accessibleName(document.getElementById("e")!)).toBe("");
  });
});

describe("Impostazioni", () => {
  test("shows the default policy, every control labelled", async () => {
    const host = new FakeHost(twoCards());
    await openSettings(host);
    expect((screen.getByLabelText("Limite massimo della performance (%)") as HTMLInputElement).value).toBe("100");
    expect((screen.getByLabelText("Semaforo verde da (%)") as HTMLInputElement).value).toBe("90");
    expect((screen.getByLabelText("Semaforo giallo da (%)") as HTMLInputElement).value).toBe("60");
    expect((screen.getByLabelText("Scarto ammesso con la performance dichiarata (punti %)") as HTMLInputElement).value).toBe("0,5");
    expect(screen.getByRole("radiogroup", { name: "Indicatori «≤» (minore o uguale)" })).toBeTruthy();
    expect((screen.getByRole("radio", { name: "Inverso (Target ÷ Stato)" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole("switch", { name: /Arrotonda ogni indicatore/ })).toBeTruthy();
    // Every form control has an accessible name: a reference that resolves to visible text,
    // not merely an attribute that is present.
    const controls = [...document.querySelectorAll("input, button, select, textarea")];
    expect(controls.length).toBeGreaterThan(10);
    const unnamed = controls.filter((el) => accessibleName(el) === "").map((el) => el.outerHTML.slice(0, 120));
    expect(unnamed).toEqual([]);
  });

  test("saves into the workbook, and the next calculation uses it", async () => {
    const host = new FakeHost(twoCards());
    const user = await openSettings(host);
    const green = screen.getByLabelText("Semaforo verde da (%)");
    await user.clear(green);
    await user.type(green, "95,5");
    await user.click(screen.getByRole("radio", { name: "Contati come 0%" }));
    await user.click(screen.getByRole("button", { name: "Aggiungi fascia" }));
    await user.type(screen.getByLabelText("Fascia 1: da (%)"), "0");
    await user.type(screen.getByLabelText("Fascia 1: a (%)"), "50");
    await user.type(screen.getByLabelText("Fascia 1: punteggio (%)"), "0");
    await user.click(screen.getByRole("button", { name: "Salva impostazioni" }));
    await screen.findByText(/Impostazioni salvate nella cartella/);

    const stored = readSettings(host.grid);
    expect(stored.found).toBe(true);
    expect(stored.policy.thresholds.green).toBeCloseTo(0.955, 12);
    expect(stored.policy.notAvailable).toBe("zero");
    expect(stored.policy.bands).toEqual([{ from: 0, to: 0.5, score: 0 }]);

    // The calculation now reads the stored policy: OO01's 90% is no longer green.
    await user.click(screen.getByRole("tab", { name: "Calcola" }));
    await user.click(screen.getByRole("button", { name: "Calcola performance" }));
    await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
    await screen.findByText(/celle aggiornate/, undefined, { timeout: 15_000 });
    const first = screen.getByText("Punto Impresa Digitale").closest("[data-objective]") as HTMLElement;
    expect(within(first).getByTestId("objective-performance").textContent).toBe("90%");
    expect(within(first).getByText(/giallo/)).toBeTruthy();
  });

  test("results computed before a change of rules are hidden", async () => {
    const host = new FakeHost(twoCards());
    const user = userEvent.setup();
    renderPane(host);
    await user.click(screen.getByRole("button", { name: "Calcola performance" }));
    await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
    await screen.findByText(/celle aggiornate/);
    await user.click(screen.getByRole("tab", { name: "Impostazioni" }));
    await user.click(await screen.findByRole("button", { name: "Salva impostazioni" }));
    await screen.findByText(/Impostazioni salvate/);
    await user.click(screen.getByRole("tab", { name: "Calcola" }));
    expect(screen.queryAllByTestId("objective-performance")).toHaveLength(0);
  });

  test("invalid values are reported on their field and nothing is saved", async () => {
    const host = new FakeHost(twoCards());
    const user = await openSettings(host);
    const yellow = screen.getByLabelText("Semaforo giallo da (%)");
    await user.clear(yellow);
    await user.type(yellow, "95");
    const cap = screen.getByLabelText("Limite massimo della performance (%)");
    await user.clear(cap);
    await user.type(cap, "cento");
    await user.click(screen.getByRole("button", { name: "Salva impostazioni" }));
    expect(await screen.findByText("La soglia del giallo non può superare quella del verde.")).toBeTruthy();
    expect(screen.getByText("Scrivi un numero, ad esempio 90 o 12,5.")).toBeTruthy();
    expect(screen.getByText("Correggi i campi segnalati prima di salvare.")).toBeTruthy();
    expect(host.calls).not.toContain("savePolicy");
    expect(readSettings(host.grid).found).toBe(false);
  });

  test("Ripristina predefiniti resets the form and saves the defaults", async () => {
    const grid = twoCards();
    const custom = defaultPolicy();
    custom.thresholds = { green: 0.8, yellow: 0.5 };
    custom.cap = null;
    const host = new FakeHost(grid);
    await host.savePolicy(custom);
    const user = await openSettings(host);
    expect((screen.getByLabelText("Semaforo verde da (%)") as HTMLInputElement).value).toBe("80");
    expect((screen.getByRole("checkbox", { name: "Nessun limite massimo" }) as HTMLInputElement).checked).toBe(true);
    // It asks first: «Annulla» keeps the body's rules, untouched in the workbook.
    await user.click(screen.getByRole("button", { name: "Ripristina predefiniti" }));
    const ask = await confirmDialog();
    expect(ask.textContent).toMatch(/Ripristinare le impostazioni predefinite\?/);
    await user.click(dialogButton(ask, "Annulla"));
    expect(host.calls.filter((c) => c === "savePolicy")).toHaveLength(1);
    expect((screen.getByLabelText("Semaforo verde da (%)") as HTMLInputElement).value).toBe("80");
    await user.click(screen.getByRole("button", { name: "Ripristina predefiniti" }));
    await user.click(dialogButton(await confirmDialog(), "Ripristina"));
    await screen.findByText(/Impostazioni predefinite ripristinate/);
    expect((screen.getByLabelText("Semaforo verde da (%)") as HTMLInputElement).value).toBe("90");
    expect(readSettings(host.grid).policy).toEqual({ ...DEFAULT_POLICY, rules: { ...DEFAULT_POLICY.rules }, bands: [], thresholds: { ...DEFAULT_POLICY.thresholds } });
  });

  test("overlapping bands are refused with the reason, and nothing is saved", async () => {
    const host = new FakeHost(twoCards());
    const user = await openSettings(host);
    await user.click(screen.getByRole("button", { name: "Aggiungi fascia" }));
    await user.click(screen.getByRole("button", { name: "Aggiungi fascia" }));
    await user.type(screen.getByLabelText("Fascia 1: da (%)"), "0");
    await user.type(screen.getByLabelText("Fascia 1: a (%)"), "70");
    await user.type(screen.getByLabelText("Fascia 1: punteggio (%)"), "0");
    await user.type(screen.getByLabelText("Fascia 2: da (%)"), "60");
    await user.type(screen.getByLabelText("Fascia 2: punteggio (%)"), "100");
    await user.click(screen.getByRole("button", { name: "Salva impostazioni" }));
    expect(await screen.findByText(/le fasce 1 e 2 si sovrappongono/)).toBeTruthy();
    expect(host.calls).not.toContain("savePolicy");
    // Moved to 70% (included in band 2 only), the bands touch and are saved.
    const from2 = screen.getByLabelText("Fascia 2: da (%)");
    await user.clear(from2);
    await user.type(from2, "70");
    await user.click(screen.getByRole("button", { name: "Salva impostazioni" }));
    await screen.findByText(/Impostazioni salvate nella cartella/);
    expect(readSettings(host.grid).policy.bands).toEqual([
      { from: 0, to: 0.7, score: 0 },
      { from: 0.7, to: null, score: 1 },
    ]);
  });

  test("a band score above the cap is refused (no −500% or 150% written)", async () => {
    const host = new FakeHost(twoCards());
    const user = await openSettings(host);
    await user.click(screen.getByRole("button", { name: "Aggiungi fascia" }));
    await user.type(screen.getByLabelText("Fascia 1: da (%)"), "0");
    await user.type(screen.getByLabelText("Fascia 1: punteggio (%)"), "-5");
    await user.click(screen.getByRole("button", { name: "Salva impostazioni" }));
    expect(await screen.findByText("Il valore non può essere negativo.")).toBeTruthy();
    const score = screen.getByLabelText("Fascia 1: punteggio (%)");
    await user.clear(score);
    await user.type(score, "150");
    await user.click(screen.getByRole("button", { name: "Salva impostazioni" }));
    expect(await screen.findByText(/punteggio 150% è fuori da 0%–100%/)).toBeTruthy();
    expect(host.calls).not.toContain("savePolicy");
  });

  test("a named band set with a proportional band and date bands are saved as version 2", async () => {
    const host = new FakeHost(twoCards());
    const user = await openSettings(host);
    await user.click(screen.getByRole("button", { name: "Aggiungi insieme di fasce" }));
    await user.type(screen.getByLabelText("Nome dell'insieme 1"), "2023");
    await user.click(screen.getByRole("button", { name: "Aggiungi fascia a «2023»" }));
    await user.type(screen.getByLabelText("«2023», fascia 1: da (%)"), "60");
    await user.type(screen.getByLabelText("«2023», fascia 1: a (%)"), "99");
    await user.click(screen.getByRole("checkbox", { name: "«2023», fascia 1: «a» incluso" }));
    await user.type(screen.getByLabelText("«2023», fascia 1: punteggio (%)"), "60");
    await user.type(screen.getByLabelText("«2023», fascia 1: punteggio ad «a» (%)"), "99");
    await user.click(screen.getByRole("button", { name: "Aggiungi fascia di ritardo" }));
    await user.type(screen.getByLabelText("Fascia di ritardo 1: Da giorni"), "1");
    await user.type(screen.getByLabelText("Fascia di ritardo 1: A giorni"), "10");
    await user.type(screen.getByLabelText("Fascia di ritardo 1: Punteggio (%)"), "80");
    await user.click(screen.getByRole("radio", { name: /Secondo i giorni di ritardo/ }));
    await user.click(screen.getByRole("button", { name: "Salva impostazioni" }));
    await screen.findByText(/Impostazioni salvate nella cartella/);
    const p = readSettings(host.grid).policy;
    expect(p.version).toBe(2);
    expect(p.bandSets).toEqual({ "2023": [{ from: 0.6, to: 0.99, score: 0.6, scoreTo: 0.99, toIncluded: true }] });
    expect(p.lateBands).toEqual([{ from: 1, to: 10, score: 0.8 }]);
    expect(p.dateRule).toBe("daysLate");
  });

  test("a failed save keeps the form and says what to do", async () => {
    const host = new FakeHost(twoCards());
    host.failNext("savePolicy", new ExcelHostError("protected", EXCEL_ERRORS.protectedSomewhere, "AccessDenied"));
    const user = await openSettings(host);
    await user.click(screen.getByRole("button", { name: "Salva impostazioni" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Impostazioni non salvate");
    expect(alert.textContent).toContain("precedenti restano valide");
  });

  test("an unreadable workbook policy falls back to the defaults with a message", async () => {
    const host = new FakeHost(twoCards());
    host.failNext("loadPolicy", new ExcelHostError("unreadableSettings", EXCEL_ERRORS.unreadableSettings));
    await openSettings(host);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Impostazioni non lette");
    expect(alert.textContent).toContain(`Dettaglio: ${EXCEL_ERRORS.unreadableSettings}`);
    expect((screen.getByLabelText("Semaforo verde da (%)") as HTMLInputElement).value).toBe("90");
  });

  test("progress while saving", async () => {
    const host = new FakeHost(twoCards());
    const release = host.hold("savePolicy");
    const user = await openSettings(host);
    await user.click(screen.getByRole("button", { name: "Salva impostazioni" }));
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Salva impostazioni" })).toHaveProperty("disabled", true);
    release();
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    expect(within(document.body).getByText(/Impostazioni salvate/)).toBeTruthy();
  });
});
