// «Prepara per la stampa» (issue 12): each card sheet set to print as in the published
// document — one page wide, the indicator header repeated, print area, sheet name and page
// number — by the host (Office.js pageLayout; the preview's «Scarica risultato» carries it).
// Shown only when the host can do it; no cell changes.
import * as React from "react";
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { PrintReport, WorkbookHost } from "../../host/workbookHost";
import type { Runner } from "../useRunner";
import { PRINT } from "../../messages/print";
import { OperationStatus } from "./OperationStatus";
import { usePanelStyles } from "./panelStyles";

export function PrintCards(props: { host: WorkbookHost; runner: Runner }): React.ReactElement | null {
  const { host, runner } = props;
  const styles = usePanelStyles();
  const [done, setDone] = useState<PrintReport | null>(null);
  if (!host.preparePrint) return null;
  const prepare = async () => {
    setDone(null);
    const r = await runner.run("print", (onProgress) => host.preparePrint!(onProgress));
    if (r) setDone(r.value);
  };
  return (
    <section className={styles.panel} aria-labelledby="piano-print-heading">
      <h3 id="piano-print-heading" className={styles.heading}>
        {PRINT.button}
      </h3>
      <Text className={styles.intro}>{PRINT.hint}</Text>
      <div className={styles.actions}>
        <Button appearance="secondary" onClick={prepare} disabled={runner.busy !== null}>
          {PRINT.button}
        </Button>
      </div>
      <OperationStatus runner={runner} kinds={["print"]} />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody className={styles.body}>{PRINT.done(done.sheets.length)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
