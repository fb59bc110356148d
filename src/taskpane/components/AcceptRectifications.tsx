// «Accetta» corrections (rettifiche, issue 12): the corrections the add-in wrote — the user's
// stated value, kept in the restore backup, against the computed one — listed with a link to
// the cell; each can be accepted («Accetta»), or all at once («Accetta tutte»), after a
// confirmation. Accepting makes the computed value the reference (no longer reported); the
// original stays in the workbook and «Ripristina» still puts it back.
import * as React from "react";
import { useState } from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Analysis, WorkbookHost } from "../../host/workbookHost";
import type { Rectification } from "../../core/rectifications";
import { formatPercent } from "../../core/format";
import type { Runner } from "../useRunner";
import { ACCEPT_UI } from "../../messages/rectifications";
import { CellLink } from "./CellLink";
import { OperationStatus } from "./OperationStatus";
import { usePanelStyles } from "./panelStyles";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export function AcceptRectifications(props: { analysis: Analysis; host: WorkbookHost; runner: Runner; onAccepted?: () => void }): React.ReactElement | null {
  const { analysis, host, runner } = props;
  const styles = usePanelStyles();
  const own = useStyles();
  const [asking, setAsking] = useState<Rectification[] | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const written = (analysis.rectifications ?? []).filter((r) => r.state === "written");
  const accepted = analysis.acceptedRectifications ?? [];
  if (!host.acceptRectifications || (!written.length && !accepted.length && done === null)) return null;
  const busy = runner.busy !== null;
  const select = (sheet: string, cell: string) => void runner.run("select", () => host.selectCell(sheet, cell));

  const answer = async (yes: boolean) => {
    const list = asking;
    setAsking(null);
    if (!yes || !list) return;
    const r = await runner.run("accept", () => host.acceptRectifications!(list.map((x) => ({ sheet: x.sheet, cell: x.cell }))));
    if (r) {
      setDone(r.value);
      props.onAccepted?.();
    }
  };

  return (
    <section aria-labelledby="accept-heading" data-testid="accept-rectifications">
      <h3 id="accept-heading" className={styles.heading}>
        {ACCEPT_UI.heading(written.length)}
      </h3>
      {written.length > 0 && <Text className={styles.intro}>{ACCEPT_UI.intro}</Text>}
      {written.length > 0 && (
        <ul className={own.list} aria-labelledby="accept-heading">
          {written.map((r) => (
            <li key={`${r.sheet}!${r.cell}`} className={own.item}>
              <Text weight="semibold">{r.indicator}</Text>
              <Text size={200}>{ACCEPT_UI.where(r.objective, r.sheet)}</Text>
              <Text size={200}>{`${ACCEPT_UI.line(formatPercent(r.original), formatPercent(r.computed))} · ${r.explanation}`}</Text>
              <div className={own.row}>
                <CellLink sheet={r.sheet} cell={r.cell} onSelect={select} disabled={busy} />
                <Button size="small" appearance="secondary" disabled={busy} aria-label={ACCEPT_UI.acceptLabel(r.indicator, `${r.sheet}!${r.cell}`)} onClick={() => setAsking([r])}>
                  {ACCEPT_UI.accept}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {written.length > 1 && (
        <div className={styles.actions}>
          <Button appearance="secondary" disabled={busy} onClick={() => setAsking(written)}>
            {ACCEPT_UI.acceptAll}
          </Button>
        </div>
      )}
      <OperationStatus runner={runner} kinds={["accept"]} />
      {done !== null && (
        <MessageBar intent={done > 0 ? "success" : "warning"}>
          <MessageBarBody className={styles.body}>{done > 0 ? ACCEPT_UI.done(done) : ACCEPT_UI.none}</MessageBarBody>
        </MessageBar>
      )}
      {accepted.length > 0 && <Text size={200}>{ACCEPT_UI.acceptedCount(accepted.length)}</Text>}
      <Dialog open={asking !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && void answer(false)}>
        <DialogSurface aria-describedby="piano-accept-body">
          <DialogBody>
            <DialogTitle>{ACCEPT_UI.confirmTitle(asking?.length ?? 0)}</DialogTitle>
            <DialogContent>
              <p id="piano-accept-body">{ACCEPT_UI.confirmBody(asking?.length ?? 0)}</p>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void answer(true)}>
                {ACCEPT_UI.confirm}
              </Button>
              <Button appearance="secondary" onClick={() => void answer(false)}>
                {ACCEPT_UI.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
