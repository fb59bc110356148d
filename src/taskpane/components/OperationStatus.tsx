// Progress and failure of the pane's operations, shown where the operation was started.
import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ui } from "../../messages/ui";
import type { OperationKind, Runner } from "../useRunner";

const useStyles = makeStyles({
  detail: { display: "block", marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3, wordBreak: "break-word" },
  body: { whiteSpace: "normal" },
});

/** The message of an error, never its stack; short enough to read in a narrow pane. */
export function errorText(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = error.message;
  else if (typeof error === "string") text = error;
  else if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") {
    text = (error as { message: string }).message;
  } else text = "";
  text = text.split("\n")[0].trim();
  if (!text) return ui.errors.unknown;
  return text.length > 300 ? text.slice(0, 297) + "…" : text;
}

export function FailureMessage(props: { kind: OperationKind; error: unknown; onDismiss?: () => void }): React.ReactElement {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{ui.errors.title[props.kind]}</MessageBarTitle> {ui.errors.whatToDo[props.kind]}
        <span className={styles.detail}>{ui.errors.detail(errorText(props.error))}</span>
      </MessageBarBody>
      {props.onDismiss && (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" size="small" aria-label={ui.errors.dismiss} onClick={props.onDismiss}>
              ✕
            </Button>
          }
        />
      )}
    </MessageBar>
  );
}

export function OperationStatus(props: { runner: Runner; kinds: readonly OperationKind[] }): React.ReactElement | null {
  const { runner, kinds } = props;
  const running = runner.busy !== null && kinds.includes(runner.busy);
  const failed = runner.failure !== null && kinds.includes(runner.failure.kind);
  if (!running && !failed) return null;
  if (running) {
    const p = runner.progress;
    const hint = p ? ui.progressStep(p.phase, p.done, p.total) : ui.busy;
    const value = p && p.total > 0 ? Math.min(1, p.done / p.total) : undefined;
    return (
      <Field label={ui.progressLabel} validationMessage={hint} validationState="none">
        <ProgressBar value={value} thickness="large" aria-label={hint} />
      </Field>
    );
  }
  return <FailureMessage kind={runner.failure!.kind} error={runner.failure!.error} onDismiss={runner.dismissFailure} />;
}
