// Last line of defence: a rendering bug shows an Italian message and a way out,
// never a blank pane, a stack trace or an English error message.
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { ui } from "../../messages/ui";
import { userMessage } from "./OperationStatus";

/** A host's Italian message may be shown; anything else stays in the console (logged
 *  by componentDidCatch), never on screen. */
function detail(error: unknown): string {
  const message = userMessage(error);
  return message === null ? ui.errors.consoleHint : ui.errors.detail(message);
}

interface State {
  error: unknown;
  failed: boolean;
}

export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // Kept for the developer console; the user sees the Italian message below.
    console.error("[piano] errore nel riquadro:", error);
  }

  override render(): React.ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{ui.errors.crashTitle}</MessageBarTitle> {ui.errors.crashBody} {detail(this.state.error)}
          </MessageBarBody>
        </MessageBar>
        <Button appearance="primary" onClick={() => this.setState({ error: null, failed: false })}>
          {ui.errors.retry}
        </Button>
      </div>
    );
  }
}
