// «Diagnostica» (in Impostazioni): runs the host's own round trip and shows a short report
// the user can copy for the body's IT. Shown only when the host offers it.
import * as React from "react";
import { useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, Text, Textarea } from "@fluentui/react-components";
import type { DiagnosticsReport, WorkbookHost } from "../../host/workbookHost";
import { DIAGNOSTICS as D } from "../../messages/diagnostics";
import { usePanelStyles } from "./panelStyles";

export function reportText(r: DiagnosticsReport): string {
  return [r.environment, ...r.checks.map((c) => D.line(c.name, c.ok, c.detail))].join("\n");
}

export function DiagnosticsPanel(props: { host: WorkbookHost; disabled?: boolean }): React.ReactElement | null {
  const { host } = props;
  const styles = usePanelStyles();
  const [report, setReport] = useState<DiagnosticsReport | null>(null);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  if (!host.runDiagnostics) return null;
  const run = async () => {
    setRunning(true);
    setFailure(null);
    setCopied(false);
    try {
      setReport(await host.runDiagnostics!());
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };
  const copy = async () => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(reportText(report));
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section aria-labelledby="diagnostics-heading">
      <h3 id="diagnostics-heading" className={styles.subheading}>
        {D.heading}
      </h3>
      <Text size={200}>{D.intro}</Text>
      {host.kind === "preview" && (
        <Text as="p" size={200} italic>
          {D.previewNote}
        </Text>
      )}
      <div className={styles.actions}>
        <Button appearance="secondary" onClick={run} disabled={running || props.disabled}>
          {D.run}
        </Button>
        {report && (
          <Button appearance="subtle" onClick={copy}>
            {D.copy}
          </Button>
        )}
      </div>
      {failure && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.body}>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <Field label={D.reportLabel}>
          <Textarea readOnly resize="vertical" rows={Math.min(12, report.checks.length + 2)} value={reportText(report)} />
        </Field>
      )}
      {copied && <Text size={200}>{D.copied}</Text>}
    </section>
  );
}
