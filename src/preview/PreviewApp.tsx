// The browser preview ("Anteprima"): the real task pane, 320 px wide, against an
// in-memory workbook, beside a read-only view of its sheets. Open a local .xlsx (read in
// the browser), or the example plan; download the result.
import * as React from "react";
import { useCallback, useRef, useSyncExternalStore } from "react";
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { App } from "../taskpane/components/App";
import { ui } from "../messages/ui";
import type { PreviewHost } from "./previewHost";
import { SheetView } from "./SheetView";

const useStyles = makeStyles({
  page: {
    height: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  note: { color: tokens.colorNeutralForeground3, flexBasis: "100%" },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, marginLeft: "auto" },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  pane: {
    width: "320px",
    flexShrink: 0,
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  sheets: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, padding: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  file: { display: "none" },
});

const EMPTY_SET = new Set<string>();
const EMPTY_WIDTHS: number[] = [];

export function PreviewApp(props: { host: PreviewHost }): React.ReactElement {
  const { host } = props;
  const styles = useStyles();
  const snap = useSyncExternalStore(host.subscribe, host.getSnapshot);
  const input = useRef<HTMLInputElement>(null);
  // Cached by the host until the workbook changes: an action's re-render does not rebuild it.
  const view = snap.activeSheet ? host.sheetView(snap.activeSheet) : null;
  const showSheet = useCallback((n: string) => host.showSheet(n), [host]);
  const sheet = view?.grid ?? null;
  const wrapped = view?.wrapped ?? EMPTY_SET;
  const widths = view?.widths ?? EMPTY_WIDTHS;

  const openFile = (file: File) => {
    const bytes = new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(file);
    });
    host.open(bytes, file.name).catch(() => undefined);
  };

  const download = async () => {
    const blob = await host.download();
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = ui.preview.downloadName(snap.fileName ?? "piano.xlsx");
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div className={styles.page}>
      <header className={styles.bar}>
        <Badge appearance="filled" color="important" size="large">
          {ui.preview.badge}
        </Badge>
        <h1 className={styles.title}>{ui.preview.title}</h1>
        <div className={styles.actions}>
          <Button onClick={() => input.current?.click()} disabled={snap.loading}>
            {ui.preview.open}
          </Button>
          <input
            ref={input}
            className={styles.file}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={ui.preview.openLabel}
            tabIndex={-1}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) openFile(f);
              e.target.value = "";
            }}
          />
          <Button onClick={() => host.openExample().catch(() => undefined)} disabled={snap.loading} title={ui.preview.exampleLabel}>
            {ui.preview.example}
          </Button>
          <Button appearance="primary" onClick={() => void download()} disabled={snap.loading || !snap.fileName}>
            {ui.preview.download}
          </Button>
        </div>
        <Text size={200} className={styles.note}>
          {ui.preview.note} {snap.fileName ? ui.preview.loaded(snap.fileName) : ""}
        </Text>
      </header>
      <div className={styles.body}>
        <div className={styles.pane} data-testid="taskpane" aria-label={ui.preview.paneLabel} role="group">
          <App key={snap.openId} host={host} />
        </div>
        <div className={styles.sheets}>
          {snap.loading && <Spinner size="small" label={ui.preview.loading} />}
          {snap.loadError && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{snap.loadError}</MessageBarBody>
            </MessageBar>
          )}
          <SheetView
            sheetNames={snap.sheetNames}
            active={snap.activeSheet}
            sheet={sheet}
            widths={widths}
            wrapped={wrapped}
            selected={snap.selected}
            onShowSheet={showSheet}
          />
        </div>
      </div>
    </div>
  );
}
