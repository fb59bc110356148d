// «Confronta» (issue 11): the open workbook's plan against a .xlsx the user picks — the
// preventivo or the consuntivo. The host reads the file in memory (ExcelJS loaded on demand)
// and compares with src/core/compare.ts, the CLI's comparison; the list links to the open
// workbook's cells. A bad file: an Italian message, the result shown before stays.
import * as React from "react";
import { useId, useRef, useState } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookHost } from "../../host/workbookHost";
import { differenceCell, type FileComparison } from "../../core/compare";
import type { Runner } from "../useRunner";
import { COMPARE_UI } from "../../messages/compareUi";
import { COMPARE } from "../../messages/phases";
import { COMPARE_CLI } from "../../messages/phasesCli";
import { CellLink } from "./CellLink";
import { OperationStatus } from "./OperationStatus";
import { usePanelStyles } from "./panelStyles";

const useStyles = makeStyles({
  // Visually hidden but in the accessibility tree (the button opens it; tests give it a file).
  file: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0, padding: 0, margin: "-1px" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { overflowWrap: "anywhere" },
});

function readFile(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export function ComparePlans(props: { host: WorkbookHost; runner: Runner }): React.ReactElement | null {
  const { host, runner } = props;
  const styles = usePanelStyles();
  const own = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const introId = useId();
  const [result, setResult] = useState<FileComparison | null>(null);
  if (!host.compareWithFile) return null;

  const compare = async (file: File) => {
    const r = await runner.run("compare", async (onProgress) => host.compareWithFile!({ name: file.name, bytes: await readFile(file) }, onProgress));
    if (r) setResult(r.value);
  };
  const select = (sheet: string, cell: string) => void runner.run("select", () => host.selectCell(sheet, cell));
  const openSide = result ? (result.before.source === "open" ? "before" : "after") : "after";

  return (
    <section className={styles.panel} aria-labelledby="compare-heading" data-testid="compare-plans">
      <h3 id="compare-heading" className={styles.heading}>
        {COMPARE_UI.heading}
      </h3>
      <Text id={introId} className={styles.intro}>
        {COMPARE_UI.intro}
      </Text>
      <div className={styles.actions}>
        <Button appearance="secondary" onClick={() => input.current?.click()} disabled={runner.busy !== null} aria-describedby={introId}>
          {COMPARE_UI.choose}
        </Button>
        <input
          ref={input}
          id={inputId}
          className={own.file}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={COMPARE_UI.inputLabel}
          tabIndex={-1}
          disabled={runner.busy !== null}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) void compare(f);
          }}
        />
      </div>
      <OperationStatus runner={runner} kinds={["compare"]} />
      {result && (
        <div className={styles.panel} data-testid="compare-result">
          <Text weight="semibold">{COMPARE_UI.sides(result.before, result.after)}</Text>
          {result.orderAssumed && <Text size={200}>{COMPARE_UI.orderNote}</Text>}
          {!result.targetsCompared && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody className={styles.body}>
                {COMPARE.noCommonYear(
                  result.before.source === "open" ? COMPARE_UI.openLabel : COMPARE_UI.fileLabel(result.before.fileName ?? ""),
                  result.targetYears.before,
                  result.after.source === "open" ? COMPARE_UI.openLabel : COMPARE_UI.fileLabel(result.after.fileName ?? ""),
                  result.targetYears.after,
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          {result.differences.length === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody className={styles.body}>{result.targetsCompared ? COMPARE.none : COMPARE.noneWithoutTargets}</MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Text>{COMPARE_UI.count(result.differences.length)}</Text>
              <ul className={own.list} aria-label={COMPARE_UI.listLabel(result.differences.length)}>
                {result.differences.map((d, i) => {
                  const at = differenceCell(d, openSide);
                  return (
                    <li key={i} className={own.item}>
                      {COMPARE_CLI.describe(d)} {at?.cell && <CellLink sheet={at.sheet} cell={at.cell} onSelect={select} disabled={runner.busy !== null} />}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
