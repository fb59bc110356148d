// Shown when the reader finds no card: what the add-in expects, and a way to start.
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ui } from "../../messages/ui";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  body: { whiteSpace: "normal" },
});

export function NoCards(props: { onInsert: () => void; disabled: boolean; inserted: string | null }): React.ReactElement {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{ui.noCards.heading}</MessageBarTitle> {ui.noCards.body}
        </MessageBarBody>
      </MessageBar>
      <Text size={200}>{ui.noCards.hint}</Text>
      <Button appearance="secondary" onClick={props.onInsert} disabled={props.disabled}>
        {ui.noCards.insert}
      </Button>
      {props.inserted && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody className={styles.body}>{ui.noCards.inserted(props.inserted)}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
