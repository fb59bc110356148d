// Asks before replacing stated performances already in the workbook.
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CellValue } from "../../core/types";
import type { StatedChange } from "../../host/workbookHost";
import { ui } from "../../messages/ui";
import { formatNumber } from "../../core/format";
import { percentText } from "./format";

const SHOWN = 30;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, maxHeight: "40vh", overflowY: "auto" },
  item: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    fontSize: tokens.fontSizeBase200,
    wordBreak: "break-word",
  },
  where: { color: tokens.colorNeutralForeground3 },
  values: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
});

function beforeText(v: CellValue): string {
  if (v === null || v === "") return ui.confirm.empty;
  // Stated performances are usually fractions in a percent format; a number above 10
  // (1000%) can only be percentage points typed as a plain number.
  if (typeof v === "number") return Math.abs(v) <= 10 ? percentText(v) : formatNumber(v);
  return String(v);
}

export function ConfirmChanges(props: {
  changes: StatedChange[] | null;
  onAnswer: (replace: boolean) => void;
}): React.ReactElement {
  const styles = useStyles();
  const changes = props.changes ?? [];
  return (
    <Dialog open={props.changes !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && props.onAnswer(false)}>
      <DialogSurface aria-describedby="piano-confirm-body">
        <DialogBody>
          <DialogTitle>{ui.confirm.title}</DialogTitle>
          <DialogContent>
            <p id="piano-confirm-body">{ui.confirm.body(changes.length)}</p>
            {/* Scrollable, so focusable: the list can be read with the keyboard. */}
            <ul className={styles.list} aria-label={ui.confirm.title} tabIndex={0}>
              {changes.slice(0, SHOWN).map((c) => (
                <li key={`${c.sheet}!${c.cell}`} className={styles.item}>
                  <div className={styles.where}>{`${c.sheet}!${c.cell}`}</div>
                  <div>{c.indicator}</div>
                  <div className={styles.values}>{`${beforeText(c.before)} → ${percentText(c.after)}`}</div>
                </li>
              ))}
            </ul>
            {changes.length > SHOWN && <p>{ui.confirm.more(changes.length - SHOWN)}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onAnswer(true)}>
              {ui.confirm.replace}
            </Button>
            <Button appearance="secondary" onClick={() => props.onAnswer(false)}>
              {ui.confirm.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
