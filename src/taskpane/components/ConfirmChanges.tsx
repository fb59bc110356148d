// Asks before replacing stated performances already in the workbook. Real changes are
// listed one by one with their reason («123% → 100%: 37 ≥ 30: raggiunto»); values that
// are only rounded («96% → 95,95%») or only change from text to number
// («testo "100%" → 100%») are grouped and counted, with one example each.
import * as React from "react";
import { useMemo } from "react";
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
import { classifyChanges, type Rectification } from "../../core/rectifications";
import { ui } from "../../messages/ui";
import { CONFIRM_GROUPS } from "../../messages/summary";
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
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXS },
  minor: { fontSize: tokens.fontSizeBase200, margin: 0, paddingLeft: tokens.spacingHorizontalL },
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
  /** The analysis's corrections: the reason of each real change. */
  rectifications?: Rectification[];
  /** The SMVP's tolerance on a stated performance (policy.statedTolerance). */
  tolerance?: number;
  onAnswer: (replace: boolean) => void;
}): React.ReactElement {
  const styles = useStyles();
  const changes = props.changes;
  const groups = useMemo(() => classifyChanges(changes ?? [], props.rectifications ?? [], props.tolerance ?? 0.005), [changes, props.rectifications, props.tolerance]);
  const minor = groups.rounding.length + groups.format.length;
  return (
    <Dialog open={changes !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && props.onAnswer(false)}>
      <DialogSurface aria-describedby="piano-confirm-body">
        <DialogBody>
          <DialogTitle>{ui.confirm.title}</DialogTitle>
          <DialogContent>
            <p id="piano-confirm-body">{CONFIRM_GROUPS.body(groups.real.length, minor)}</p>
            {groups.real.length > 0 && (
              <>
                <h3 className={styles.heading} id="piano-confirm-real">
                  {CONFIRM_GROUPS.realHeading(groups.real.length)}
                </h3>
                {/* Scrollable, so focusable: the list can be read with the keyboard. */}
                <ul className={styles.list} aria-labelledby="piano-confirm-real" tabIndex={0}>
                  {groups.real.slice(0, SHOWN).map(({ change: c, reason }) => (
                    <li key={`${c.sheet}!${c.cell}`} className={styles.item}>
                      <div className={styles.where}>{`${c.sheet}!${c.cell}`}</div>
                      <div>{c.indicator}</div>
                      <div className={styles.values}>{CONFIRM_GROUPS.change(beforeText(c.before), percentText(c.after), reason)}</div>
                    </li>
                  ))}
                </ul>
                {groups.real.length > SHOWN && <p>{ui.confirm.more(groups.real.length - SHOWN)}</p>}
              </>
            )}
            {minor > 0 && (
              <>
                <h3 className={styles.heading}>{CONFIRM_GROUPS.minorHeading}</h3>
                <ul className={styles.minor}>
                  {groups.rounding.length > 0 && (
                    <li>{CONFIRM_GROUPS.rounding(groups.rounding.length, `${beforeText(groups.rounding[0].before)} → ${percentText(groups.rounding[0].after)}`)}</li>
                  )}
                  {groups.format.length > 0 && (
                    <li>
                      {CONFIRM_GROUPS.format(groups.format.length, `${CONFIRM_GROUPS.textBefore(String(groups.format[0].before))} → ${percentText(groups.format[0].after)}`)}
                    </li>
                  )}
                </ul>
              </>
            )}
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
