// Progress and failure of the pane's operations, shown where the operation was started.
import * as React from "react";
import { useEffect } from "react";
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
import { isUserFacingError } from "../../host/workbookHost";
import type { OperationKind, Runner } from "../useRunner";

const useStyles = makeStyles({
  detail: { display: "block", marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3, wordBreak: "break-word" },
  body: { whiteSpace: "normal" },
});

/** The Italian message a host wrote for the user (first line, no stack, short enough for
 *  a narrow pane), or null when the error was not written for the user: then the pane
 *  says something generic and the detail goes to the console. */
export function userMessage(error: unknown): string | null {
  if (!isUserFacingError(error)) return null;
  const text = error.message.split("\n")[0].trim();
  if (!text) return null;
  return text.length > 300 ? text.slice(0, 297) + "…" : text;
}

export function FailureMessage(props: { kind: OperationKind; error: unknown; onDismiss?: () => void }): React.ReactElement {
  const styles = useStyles();
  const { kind, error } = props;
  const message = userMessage(error);
  useEffect(() => {
    // Kept for the developer console; the user reads the Italian text below.
    if (message === null) console.error(`[piano] ${kind}:`, error);
  }, [kind, error, message]);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{ui.errors.title[kind]}</MessageBarTitle> {ui.errors.whatToDo[kind]}
        <span className={styles.detail}>{message === null ? ui.errors.unexpected : ui.errors.detail(message)}</span>
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
