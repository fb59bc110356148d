// The pane as a whole: keyboard use, the error boundary, the Office-ready guard, the theme.
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { Analysis } from "../../src/host/workbookHost";
import { readyWithin } from "../../src/taskpane/officeReady";
import { isDarkColor, loadTheme, themeKind } from "../../src/taskpane/theme";
import { FakeHost } from "./fakeHost";
import { twoCards } from "./grids";
import { confirmDialog, renderPane } from "./render";

describe("task pane", () => {
  // Tab order itself runs through tabster, which needs real layout: the e2e test checks it
  // in Chromium. Here: the keys the pane handles once a control has focus.
  test("keyboard: Enter runs the primary action, Escape cancels the confirmation, Enter/Space pick a section", async () => {
    const user = userEvent.setup();
    const host = new FakeHost(twoCards());
    renderPane(host);
    screen.getByRole("button", { name: "Calcola performance" }).focus();
    await user.keyboard("{Enter}");
    await confirmDialog();
    expect(host.calls).toContain("analyze");
    await user.keyboard("{Escape}");
    await screen.findByText(/Calcolo annullato/);
    expect(host.calls).not.toContain("writeResults");

    screen.getByRole("tab", { name: "Verifica" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "Verifica" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel", { name: "Verifica" })).toBeTruthy();
    screen.getByRole("tab", { name: "Impostazioni" }).focus();
    await user.keyboard(" ");
    expect(screen.getByRole("tabpanel", { name: "Impostazioni" })).toBeTruthy();
  });

  test("a rendering failure shows an Italian message and a retry, never a blank pane", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const user = userEvent.setup();
      const host = new FakeHost(twoCards());
      // A host that hands back a malformed analysis (no result) breaks the results view.
      host.analyze = async () => ({ cardCount: 1, changes: [], problems: [], skippedSheets: [] }) as unknown as Analysis;
      host.writeResults = async () => ({ written: 0, skippedFormulas: 0 });
      renderPane(host);
      await user.click(screen.getByRole("button", { name: "Calcola performance" }));
      const alert = await screen.findByRole("alert");
      expect(alert.textContent).toContain("Qualcosa non ha funzionato nel riquadro");
      expect(alert.textContent).not.toMatch(/at \w+ \(/);
      // The TypeError's English message stays in the console.
      expect(alert.textContent).not.toMatch(/Cannot|undefined|TypeError|Dettaglio/);
      expect(alert.textContent).toContain("I dettagli tecnici sono nella console per sviluppatori.");
      // The header and the sections stay: the pane is never blank.
      expect(screen.getByRole("heading", { name: "Piano Performance" })).toBeTruthy();
      expect(screen.getByRole("tab", { name: "Verifica" })).toBeTruthy();
      await user.click(screen.getByRole("button", { name: "Riprova" }));
      expect(screen.getByRole("button", { name: "Calcola performance" })).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
  });
});

describe("Office.onReady guard", () => {
  afterEach(() => jest.useRealTimers());

  test("no office.js at all: resolves at once, not ready", async () => {
    await expect(readyWithin(undefined, 10)).resolves.toEqual({ ready: false });
  });

  test("office.js that never answers: resolves after the timeout", async () => {
    jest.useFakeTimers();
    const p = readyWithin({ onReady: () => new Promise<never>(() => undefined) }, 5000);
    let settled = false;
    void p.then(() => (settled = true));
    await act(async () => {
      jest.advanceTimersByTime(4999);
    });
    expect(settled).toBe(false);
    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    await expect(p).resolves.toEqual({ ready: false });
  });

  test("office.js ready after the deadline: the pane starts with the notice, then finishes starting (the policy is adopted late)", async () => {
    jest.useFakeTimers();
    let answer!: (info: unknown) => void;
    const late = jest.fn();
    const p = readyWithin({ onReady: () => new Promise((r) => (answer = r)) }, 5000, late);
    await act(async () => {
      jest.advanceTimersByTime(5000);
    });
    await expect(p).resolves.toEqual({ ready: false });
    expect(late).not.toHaveBeenCalled();
    await act(async () => {
      answer({ host: "Excel" });
    });
    expect(late).toHaveBeenCalledWith({ host: "Excel" });
  });

  test("office.js ready: resolves with the host info", async () => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    await expect(readyWithin({ onReady: () => Promise.resolve(info) }, 1000)).resolves.toEqual({ ready: true, info });
  });

  test("office.js failing: not ready, never a rejection", async () => {
    await expect(readyWithin({ onReady: () => Promise.reject(new Error("blocked")) }, 1000)).resolves.toEqual({ ready: false });
  });
});

describe("theme", () => {
  test("follows Office: light, dark, high contrast", async () => {
    expect(await loadTheme(themeKind({ dark: false, highContrast: false }))).toBe(webLightTheme);
    expect(await loadTheme(themeKind({ dark: true, highContrast: false }))).toBe(webDarkTheme);
    expect(await loadTheme(themeKind({ dark: true, highContrast: true }))).toBe(teamsHighContrastTheme);
    expect(await loadTheme(themeKind({ dark: false, highContrast: true }))).toBe(teamsHighContrastTheme);
    expect(isDarkColor("#262626")).toBe(true);
    expect(isDarkColor("#FFFFFF")).toBe(false);
    expect(isDarkColor("#e6e6e6")).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
  });
});
