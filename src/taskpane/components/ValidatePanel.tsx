// "Verifica struttura": reads and validates without writing; problems grouped by sheet
// and card, each one a link to its cell.
import * as React from "react";
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { Analysis, WorkbookHost } from "../../host/workbookHost";
import type { Runner } from "../useRunner";
import { ui } from "../../messages/ui";
import { NoCards } from "./NoCards";
import { PhaseInfo } from "./PhaseInfo";
import { OperationStatus } from "./OperationStatus";
import { ProblemList, SeverityCounts } from "./ProblemList";
import { usePanelStyles } from "./panelStyles";
// «Accetta» the corrections: needed only when there are some, its own chunk.
const AcceptRectifications = React.lazy(() => import(/* webpackChunkName: "accept-ui" */ "./AcceptRectifications").then((m) => ({ default: m.AcceptRectifications })));

export function indicatorCount(a: Analysis): number {
  return a.result.objectives.reduce((n, o) => n + o.indicators.length, 0);
}

/** The problems list and the "no cards" state, shared by Verifica and Calcola. */
export function AnalysisProblems(props: {
  analysis: Analysis;
  host: WorkbookHost;
  runner: Runner;
  showCleanMessage: boolean;
  /** Shown from «Calcola performance»: a preventivo says nothing was computed. */
  computing?: boolean;
}): React.ReactElement {
  const { analysis: a, host, runner } = props;
  const styles = usePanelStyles();
  const [inserted, setInserted] = useState<string | null>(null);
  if (a.cardCount === 0) {
    const insert = async () => {
      const r = await runner.run("insertCard", () => host.insertEmptyCard());
      if (r) setInserted(r.value);
    };
    return (
      <>
        <NoCards onInsert={insert} disabled={runner.busy !== null} inserted={inserted} />
        <OperationStatus runner={runner} kinds={["insertCard"]} />
      </>
    );
  }
  const select = (sheet: string, cell: string) => void runner.run("select", () => host.selectCell(sheet, cell));
  return (
    <>
      <PhaseInfo analysis={a} computing={props.computing} />
      <SeverityCounts problems={a.problems} />
      {a.problems.length === 0 && props.showCleanMessage && (
        <MessageBar intent="success">
          <MessageBarBody className={styles.body}>{ui.validate.noProblems(a.cardCount)}</MessageBarBody>
        </MessageBar>
      )}
      <OperationStatus runner={runner} kinds={["select"]} />
      {a.problems.length > 0 && (
        <ProblemList problems={a.problems} objectives={a.result.objectives} onSelect={select} disabled={runner.busy !== null} />
      )}
      {a.skippedSheets.length > 0 && <Text size={200}>{ui.validate.skipped(a.skippedSheets)}</Text>}
    </>
  );
}

export function ValidatePanel(props: { host: WorkbookHost; runner: Runner; generation: number }): React.ReactElement {
  const { host, runner, generation } = props;
  const styles = usePanelStyles();
  const [state, setState] = useState<{ generation: number; analysis: Analysis } | null>(null);
  const analysis = state && state.generation === generation ? state.analysis : null;

  const validate = async () => {
    const r = await runner.run("analyze", (onProgress) => host.analyze(onProgress));
    if (r) setState({ generation, analysis: r.value });
  };

  return (
    <div className={styles.panel}>
      <h2 className={styles.heading}>{ui.validate.heading}</h2>
      <Text className={styles.intro}>{ui.validate.intro}</Text>
      <div className={styles.actions}>
        <Button appearance={analysis ? "secondary" : "primary"} onClick={validate} disabled={runner.busy !== null}>
          {analysis ? ui.validate.rerun : ui.validate.run}
        </Button>
      </div>
      <OperationStatus runner={runner} kinds={["analyze"]} />
      {analysis && analysis.cardCount > 0 && <Text>{ui.validate.summary(analysis.cardCount, indicatorCount(analysis))}</Text>}
      {(analysis?.notices ?? []).map((notice) => (
        <MessageBar key={notice} intent="info" layout="multiline">
          <MessageBarBody className={styles.body}>{notice}</MessageBarBody>
        </MessageBar>
      ))}
      {analysis && <AnalysisProblems analysis={analysis} host={host} runner={runner} showCleanMessage />}
      {analysis && host.acceptRectifications && ((analysis.rectifications ?? []).some((r) => r.state === "written") || (analysis.acceptedRectifications ?? []).length > 0) && (
        <React.Suspense fallback={null}>
          <AcceptRectifications analysis={analysis} host={host} runner={runner} onAccepted={() => void validate()} />
        </React.Suspense>
      )}
    </div>
  );
}
