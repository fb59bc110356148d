// «Nuovo anno» (issue 11): next year's plan in a new workbook (Excel.createWorkbook; the
// preview downloads it). Shown only when the host can do it; the open workbook is untouched.
import * as React from "react";
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { NextYearReport, WorkbookHost } from "../../host/workbookHost";
import type { Runner } from "../useRunner";
import { NEXT_YEAR_UI } from "../../messages/phasesUi";
import { OperationStatus } from "./OperationStatus";
import { usePanelStyles } from "./panelStyles";

export function NextYear(props: { host: WorkbookHost; runner: Runner }): React.ReactElement | null {
  const { host, runner } = props;
  const styles = usePanelStyles();
  const [done, setDone] = useState<NextYearReport | null>(null);
  if (!host.createNextYear) return null;
  const create = async () => {
    const r = await runner.run("nextYear", (onProgress) => host.createNextYear!(onProgress));
    if (r) setDone(r.value);
  };
  return (
    <section className={styles.panel} aria-labelledby="next-year-heading">
      <h3 id="next-year-heading" className={styles.heading}>
        {NEXT_YEAR_UI.heading}
      </h3>
      <Text className={styles.intro}>{NEXT_YEAR_UI.intro}</Text>
      <div className={styles.actions}>
        <Button appearance="secondary" onClick={create} disabled={runner.busy !== null}>
          {NEXT_YEAR_UI.run}
        </Button>
      </div>
      <OperationStatus runner={runner} kinds={["nextYear"]} />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody className={styles.body}>{NEXT_YEAR_UI.done(done.year, done.objectives, done.indicators, done.toDefine, done.fileName)}{done.marked ? ` ${NEXT_YEAR_UI.marked(done.marked)}` : ""}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
