// Browser preview entry: office.js is loaded locally (outside Office it only settles the
// ready promise); the pane is rendered even if it never does.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { globalOffice, readyWithin } from "../taskpane/officeReady";
import { loadTheme, prefersHighContrast, themeKind } from "../taskpane/theme";
import { PreviewApp } from "./PreviewApp";
import { PreviewHost } from "./previewHost";

const host = new PreviewHost();
// Start fetching ExcelJS and the example at once; the pane does not wait for them.
host.openExample().catch(() => undefined);

const dark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  void readyWithin(globalOffice(), 3000).then(async () => {
    const theme = await loadTheme(themeKind({ dark, highContrast: prefersHighContrast() }));
    root.render(
      <FluentProvider theme={theme}>
        <PreviewApp host={host} />
      </FluentProvider>,
    );
  });
}
