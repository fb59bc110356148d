// Renders the pane as index.tsx does (inside a FluentProvider), around a given host.
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, type PanelId } from "../../src/taskpane/components/App";
import type { WorkbookHost } from "../../src/host/workbookHost";

export function renderPane(host: WorkbookHost, initialPanel?: PanelId) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} initialPanel={initialPanel} />
    </FluentProvider>,
  );
}

/** The confirmation dialog. Tabster (Fluent's focus manager) sometimes leaves
 *  aria-hidden on a just-opened DialogSurface under jsdom (microsoft/fluentui#33897),
 *  so the dialog is found including hidden nodes; the real browser test (test/e2e)
 *  checks the dialog's accessibility for real. */
export async function confirmDialog(): Promise<HTMLElement> {
  return screen.findByRole("alertdialog", { hidden: true });
}

export function dialogButton(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole("button", { name, hidden: true });
}
