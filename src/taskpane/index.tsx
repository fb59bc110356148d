// Task pane entry — the only Office-aware file of the pane: waits for Office (with a
// deadline), picks the Fluent theme from Office's, and hands the Excel host to <App>.
import * as React from "react";
import { useEffect, useState } from "react";
import type { Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { adoptWorkbookPolicyOnStart, createExcelHost, watchSettingsSheet } from "../excel/excelHost";
import { readyWithin } from "./officeReady";
import { loadTheme, officeIsDark, prefersHighContrast, themeKind, type OfficeThemeLike } from "./theme";
import { ui } from "../messages/ui";

/** Office's theme, or undefined outside Office (a blocked CDN leaves no Office global). */
function currentOfficeTheme(): OfficeThemeLike | undefined {
  try {
    return typeof Office === "undefined" ? undefined : (Office.context?.officeTheme ?? undefined);
  } catch {
    return undefined;
  }
}

function Root(props: { notice?: string; initialTheme: Theme }): React.ReactElement {
  const [theme, setTheme] = useState(props.initialTheme);
  useEffect(() => {
    // Office has no theme-changed event for Excel; forced colours can change live.
    const mq = window.matchMedia?.("(forced-colors: active)");
    if (!mq) return;
    const onChange = () => void loadTheme(themeKind({ dark: officeIsDark(currentOfficeTheme()), highContrast: mq.matches })).then(setTheme);
    mq.addEventListener?.("change", onChange);
    return () => mq.removeEventListener?.("change", onChange);
  }, []);
  const [host] = useState(createExcelHost);
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App host={host} notice={props.notice} />
    </FluentProvider>
  );
}

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner label={ui.loading} />
    </FluentProvider>,
  );
  // `typeof` guard: a blocked CDN leaves no Office global at all.
  // The shared runtime also serves the PIANO.* functions: give them the workbook's policy,
  // and keep it in step with the settings sheet (edited by hand or by a co-author).
  const adopt = () => {
    adoptWorkbookPolicyOnStart().catch((e) => console.warn("[piano] impostazioni non lette all'avvio", e));
    watchSettingsSheet().catch((e) => console.warn("[piano] modifiche alle impostazioni non seguite", e));
  };
  const themeNow = () => loadTheme(themeKind({ dark: officeIsDark(currentOfficeTheme()), highContrast: prefersHighContrast() })).catch(() => webLightTheme);
  const lateReady = () => {
    // Office answered after the deadline: finish starting now, and drop the notice.
    adopt();
    void themeNow().then((theme) => root.render(<Root initialTheme={theme} />));
  };
  void readyWithin(typeof Office === "undefined" ? undefined : Office, undefined, lateReady).then(async (outcome) => {
    if (outcome.ready) adopt();
    const theme = await themeNow();
    root.render(<Root notice={outcome.ready ? undefined : ui.officeNotReady} initialTheme={theme} />);
  });
}
