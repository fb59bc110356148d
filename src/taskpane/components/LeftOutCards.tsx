// The cards "Calcola performance" left alone because their indicator table misses a
// column (the reader reports the column; see src/core/reader/missingColumns.ts).
import * as React from "react";
import { Link, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Analysis, WorkbookHost } from "../../host/workbookHost";
import type { Runner } from "../useRunner";
import { ui } from "../../messages/ui";
import { usePanelStyles } from "./panelStyles";

export function LeftOutCards(props: { analysis: Analysis; host: WorkbookHost; runner: Runner }): React.ReactElement | null {
  const { analysis, host, runner } = props;
  const styles = usePanelStyles();
  // A table layout lists each of its objectives: one line per sheet is enough.
  const cards = (analysis.leftOutCards ?? []).filter((c, i, all) => c.sheet === undefined || all.findIndex((x) => x.sheet === c.sheet) === i);
  if (!cards.length) return null;
  const cellOf = (sheet: string | undefined) =>
    analysis.problems.find((p) => p.code === "READER_MISSING_COLUMN" && p.sheet === sheet && p.cell)?.cell;
  return (
    <MessageBar intent="warning" data-testid="left-out-cards">
      <MessageBarBody className={styles.body}>
        {ui.calculate.leftOut(cards.length)}
        <ul>
          {cards.map((c, i) => {
            const cell = cellOf(c.sheet);
            const text = ui.calculate.leftOutCard(c.sheet ?? c.objective, c.columns);
            return (
              <li key={i}>
                {c.sheet && cell ? (
                  <Link as="button" disabled={runner.busy !== null} onClick={() => void runner.run("select", () => host.selectCell(c.sheet!, cell))}>
                    {text}
                  </Link>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
