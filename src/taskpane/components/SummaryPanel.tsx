// "Genera riepilogo": a fresh analysis, then the summary sheet built (or refreshed) and activated.
import * as React from "react";
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { Analysis, WorkbookHost } from "../../host/workbookHost";
import type { Runner } from "../useRunner";
import { ui } from "../../messages/ui";
import { OperationStatus } from "./OperationStatus";
import { AnalysisProblems } from "./ValidatePanel";
// «Nuovo anno» is needed only when asked for: its own chunk.
const NextYear = React.lazy(() => import(/* webpackChunkName: "next-year-ui" */ "./NextYear").then((m) => ({ default: m.NextYear })));
// «Confronta» with a file: its own chunk too (ExcelJS comes later still, with the file).
const ComparePlans = React.lazy(() => import(/* webpackChunkName: "compare-ui" */ "./ComparePlans").then((m) => ({ default: m.ComparePlans })));
import { usePanelStyles } from "./panelStyles";
import { Downloads } from "./Downloads";
import { PrintCards } from "./PrintCards";

type Outcome = { generation: number; sheet: string | null; analysis: Analysis };

export function SummaryPanel(props: { host: WorkbookHost; runner: Runner; generation: number }): React.ReactElement {
  const { host, runner, generation } = props;
  const styles = usePanelStyles();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const shown = outcome && outcome.generation === generation ? outcome : null;

  const build = async () => {
    const r = await runner.run("summary", async (onProgress) => {
      const analysis = await host.analyze(onProgress);
      // No card, no summary: show what the add-in expects instead of an empty sheet.
      if (analysis.cardCount === 0) return { generation, sheet: null, analysis };
      return { generation, sheet: await host.buildSummary(analysis), analysis };
    });
    if (r) setOutcome(r.value);
  };

  return (
    <div className={styles.panel}>
      <h2 className={styles.heading}>{ui.summary.heading}</h2>
      <Text className={styles.intro}>{ui.summary.intro}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={build} disabled={runner.busy !== null}>
          {ui.summary.run}
        </Button>
      </div>
      <OperationStatus runner={runner} kinds={["summary"]} />
      {shown?.sheet && (
        <MessageBar intent="success">
          <MessageBarBody className={styles.body}>{ui.summary.done(shown.sheet)}</MessageBarBody>
        </MessageBar>
      )}
      {shown && shown.sheet === null && (
        <AnalysisProblems analysis={shown.analysis} host={host} runner={runner} showCleanMessage={false} />
      )}
      <PrintCards host={host} runner={runner} />
      <Downloads host={host} runner={runner} />
      {host.createNextYear && (
        <React.Suspense fallback={null}>
          <NextYear host={host} runner={runner} />
        </React.Suspense>
      )}
      {host.compareWithFile && (
        <React.Suspense fallback={null}>
          <ComparePlans host={host} runner={runner} />
        </React.Suspense>
      )}
    </div>
  );
}
