// "Calcola performance": validate, compute, confirm replacements, write, show results.
// The whole run holds the pane's lock, the confirmation included, so nothing can change
// the workbook between the analysis shown in the dialog and the writes.
import * as React from "react";
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text } from "@fluentui/react-components";
import type { Analysis, StatedChange, WorkbookHost, WriteReport } from "../../host/workbookHost";
import type { Runner } from "../useRunner";
import { ui } from "../../messages/ui";
import { STALE_SUMMARY } from "../../messages/summary";
import { OperationStatus } from "./OperationStatus";
import { AnalysisProblems } from "./ValidatePanel";
import { usePanelStyles } from "./panelStyles";

// The results (accordions, badges) and the confirmation dialog are needed only after a run:
// separate chunks, prefetched once the pane is up, keep the initial JavaScript small.
const ResultsView = lazy(() => import(/* webpackChunkName: "results", webpackPrefetch: true */ "./ResultsView"));
const ConfirmChanges = lazy(() =>
  import(/* webpackChunkName: "confirm", webpackPrefetch: true */ "./ConfirmChanges").then((m) => ({ default: m.ConfirmChanges })),
);


type Outcome =
  | { generation: number; kind: "results"; analysis: Analysis; report: WriteReport | null }
  | { generation: number; kind: "cancelled" }
  | { generation: number; kind: "restored"; cells: number };

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

export function CalculatePanel(props: { host: WorkbookHost; runner: Runner; generation: number }): React.ReactElement {
  const { host, runner, generation } = props;
  const styles = usePanelStyles();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [restorable, setRestorable] = useState(false);
  const [pending, setPending] = useState<{ changes: StatedChange[]; analysis: Analysis } | null>(null);
  const [summaryRefreshed, setSummaryRefreshed] = useState<{ generation: number; sheet: string } | null>(null);
  const answer = useRef<((replace: boolean) => void) | null>(null);
  // The confirmation opens without a trigger and the button is disabled while the run holds the
  // lock, so the dialog cannot hand focus back: once the run is over, «Calcola performance» takes it.
  const runButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && runner.busy === null) {
      runButton.current?.focus();
      setRefocus(false);
    }
  }, [refocus, runner.busy]);
  const shown = outcome && outcome.generation === generation ? outcome : null;

  const refreshRestorable = useCallback(async () => {
    try {
      setRestorable(await host.canRestore());
    } catch {
      setRestorable(false);
    }
  }, [host]);

  useEffect(() => {
    void refreshRestorable();
  }, [refreshRestorable, generation]);

  const confirm = (changes: StatedChange[], analysis: Analysis) =>
    new Promise<boolean>((resolve) => {
      answer.current = resolve;
      setPending({ changes, analysis });
    });

  const onAnswer = (replace: boolean) => {
    setPending(null);
    setRefocus(true);
    const resolve = answer.current;
    answer.current = null;
    resolve?.(replace);
  };

  const calculate = async () => {
    const r = await runner.run("calculate", async (onProgress) => {
      const analysis = await host.analyze(onProgress);
      // No cards, or a preventivo (no Stato yet): nothing to compute or write.
      if (analysis.cardCount === 0 || analysis.phase === "preventivo") return { generation, kind: "results", analysis, report: null } as Outcome;
      // Filling empty Performance cells replaces nothing: ask only when a value is overwritten.
      const replaced = analysis.changes.filter((c) => !isBlank(c.before));
      if (replaced.length > 0 && !(await confirm(replaced, analysis))) return { generation, kind: "cancelled" } as Outcome;
      const report = await host.writeResults(analysis, onProgress);
      return { generation, kind: "results", analysis, report } as Outcome;
    });
    if (r) setOutcome(r.value);
    await refreshRestorable();
  };

  const restore = async () => {
    const r = await runner.run("restore", () => host.restore());
    if (r) setOutcome({ generation, kind: "restored", cells: r.value });
    await refreshRestorable();
  };

  // «riepilogo da aggiornare»: the summary sheet no longer shows this plan under these rules.
  const refreshSummary = async () => {
    const r = await runner.run("summary", async (onProgress) => host.buildSummary(await host.analyze(onProgress)));
    if (r) setSummaryRefreshed({ generation, sheet: r.value });
  };

  const results = shown?.kind === "results" && shown.analysis.cardCount > 0 && shown.analysis.phase !== "preventivo" ? shown : null;
  const stale = results?.analysis.summary?.stale && !(summaryRefreshed && summaryRefreshed.generation === generation) ? results.analysis.summary : null;

  return (
    <div className={styles.panel}>
      <h2 className={styles.heading}>{ui.calculate.heading}</h2>
      <Text className={styles.intro}>{ui.calculate.intro}</Text>
      <div className={styles.actions}>
        <Button ref={runButton} appearance="primary" onClick={calculate} disabled={runner.busy !== null} className={styles.wide}>
          {ui.calculate.run}
        </Button>
        <Button appearance="secondary" onClick={restore} disabled={runner.busy !== null || !restorable} title={ui.calculate.restoreHint}>
          {ui.calculate.restore}
        </Button>
      </div>
      <OperationStatus runner={runner} kinds={["calculate", "restore"]} />
      {pending && (
        <Suspense fallback={null}>
          <ConfirmChanges changes={pending.changes} rectifications={pending.analysis.rectifications} tolerance={pending.analysis.policy.statedTolerance} onAnswer={onAnswer} />
        </Suspense>
      )}

      {shown?.kind === "cancelled" && (
        <MessageBar intent="info">
          <MessageBarBody className={styles.body}>{ui.calculate.cancelled}</MessageBarBody>
        </MessageBar>
      )}
      {shown?.kind === "restored" && (
        <MessageBar intent="success">
          <MessageBarBody className={styles.body}>
            {shown.cells > 0 ? ui.calculate.restored(shown.cells) : ui.calculate.nothingToRestore}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown?.kind === "results" && (shown.analysis.cardCount === 0 || shown.analysis.phase === "preventivo") && (
        <AnalysisProblems analysis={shown.analysis} host={host} runner={runner} showCleanMessage={false} computing />
      )}
      {stale && (
        <MessageBar intent="warning" aria-live="polite" layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{STALE_SUMMARY.badge}</MessageBarTitle> {STALE_SUMMARY.text(stale.sheet)}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" size="small" onClick={refreshSummary} disabled={runner.busy !== null}>
              {STALE_SUMMARY.refresh}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {summaryRefreshed && summaryRefreshed.generation === generation && (
        <MessageBar intent="success">
          <MessageBarBody className={styles.body}>{ui.summary.done(summaryRefreshed.sheet)}</MessageBarBody>
        </MessageBar>
      )}
      <OperationStatus runner={runner} kinds={["summary"]} />
      {results && (
        <Suspense fallback={<Spinner size="small" />}>
          <ResultsView analysis={results.analysis} report={results.report} host={host} runner={runner} />
        </Suspense>
      )}
    </div>
  );
}
