// The task pane. Knows nothing of Office: every workbook operation comes from `host`
// (as Microsoft's React template hands `insertText` to its component).
import * as React from "react";
import { Suspense, lazy, useState } from "react";
import { Spinner, Tab, TabList, Text, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";
import type { WorkbookHost } from "../../host/workbookHost";
import { useRunner } from "../useRunner";
import { ui } from "../../messages/ui";
import { CalculatePanel } from "./CalculatePanel";
import { ErrorBoundary } from "./ErrorBoundary";
import { GuideLink } from "./GuideLink";
import { SummaryPanel } from "./SummaryPanel";
import { ValidatePanel } from "./ValidatePanel";

// The settings form (inputs, radios, switches) is loaded when first opened: it keeps the
// pane's initial JavaScript small (see scripts/bundle-size.js).
const SettingsPanel = lazy(() => import(/* webpackChunkName: "settings" */ "./SettingsPanel").then((m) => ({ default: m.SettingsPanel })));


const useStyles = makeStyles({
  root: {
    minHeight: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    minWidth: 0,
  },
  header: { marginBottom: tokens.spacingVerticalS },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  // Four sections must fit 320 px (less a scrollbar): tight tab padding; wrap as a last resort.
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalXS})`, flexWrap: "wrap" },
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  notice: { marginTop: tokens.spacingVerticalS },
});

export type PanelId = "calculate" | "validate" | "summary" | "settings";
const panels: PanelId[] = ["calculate", "validate", "summary", "settings"];

export interface AppProps {
  host: WorkbookHost;
  /** A line shown under the title (e.g. that Office did not answer in time). */
  notice?: string;
  initialPanel?: PanelId;
}

export function App(props: AppProps): React.ReactElement {
  const { host } = props;
  const styles = useStyles();
  const runner = useRunner();
  const [tab, setTab] = useState<PanelId>(props.initialPanel ?? "calculate");
  // Panels are mounted when first opened and then kept (hidden), so their results and
  // the settings form survive switching tabs.
  const [opened, setOpened] = useState<Set<PanelId>>(() => new Set([tab]));
  // Bumped when the workbook's rules or layout change: results computed before are stale.
  const [generation, setGeneration] = useState(0);

  const select = (_e: unknown, d: SelectTabData) => {
    const id = d.value as PanelId;
    setTab(id);
    if (!opened.has(id)) setOpened(new Set(opened).add(id));
  };

  const panel = (id: PanelId) => {
    switch (id) {
      case "calculate":
        return <CalculatePanel host={host} runner={runner} generation={generation} />;
      case "validate":
        return <ValidatePanel host={host} runner={runner} generation={generation} />;
      case "summary":
        return <SummaryPanel host={host} runner={runner} generation={generation} />;
      case "settings":
        return (
          <Suspense fallback={<Spinner size="small" label={ui.settings.loadingPolicy} />}>
            <SettingsPanel host={host} runner={runner} onSaved={() => setGeneration((g) => g + 1)} />
          </Suspense>
        );
    }
  };

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{ui.appTitle}</h1>
        <Text size={200} className={styles.subtitle}>
          {ui.appSubtitle}
        </Text>
        {props.notice && (
          <div className={styles.notice}>
            <Text size={200}>{props.notice}</Text>
          </div>
        )}
      </header>
      <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={select} aria-label={ui.tabs.label}>
        {panels.map((id) => (
          <Tab key={id} id={`piano-tab-${id}`} className={styles.tab} value={id} aria-controls={opened.has(id) ? `piano-panel-${id}` : undefined}>
            {ui.tabs[id]}
          </Tab>
        ))}
      </TabList>
      {panels.map((id) =>
        opened.has(id) ? (
          <div key={id} id={`piano-panel-${id}`} role="tabpanel" aria-labelledby={`piano-tab-${id}`} hidden={tab !== id}>
            <ErrorBoundary>{panel(id)}</ErrorBoundary>
          </div>
        ) : null,
      )}
      <GuideLink />
    </main>
  );
}
