// "Scarica documento (.docx)" and "Scarica dati aperti (.csv)": a fresh analysis (nothing
// is written to the workbook), then the file built in the pane and handed to `save`.
// The .docx renderer (the docx package, ~230 KB gzip) and the CSV writer are loaded on
// demand with import(), so the pane's initial JavaScript stays within its 200 KB budget.
//
// The default `save` is a browser download (Blob + <a download>): it works in Excel on the
// web and on Windows; Office for Mac's WKWebView ignores it (OfficeDev/office-js#2700,
// "by design"; #4681): there the host's `deliverFile` opens the CSV as a new workbook and
// explains the .docx (src/excel/fileDelivery.ts); a test may pass its own `save`.
import * as React from "react";
import { useState } from "react";
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import type { Analysis, FileDelivery, PaneFile, WorkbookHost } from "../../host/workbookHost";
import type { Runner } from "../useRunner";
import type { Rectification } from "../../core/rectifications";
import type { Phase } from "../../core/types";
import { DOCX_MIME } from "../../core/document/model";
import { DOWNLOADS } from "../../messages/document";
import { OperationStatus } from "./OperationStatus";
import { usePanelStyles } from "./panelStyles";

export type SaveFile = (name: string, bytes: Uint8Array, mime: string) => void;

/** A browser download of `bytes` as `name`. */
export const browserSave: SaveFile = (name, bytes, mime) => {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** The document's bytes, the renderer loaded on demand (its own chunk). */
export async function documentFile(analysis: Analysis): Promise<{ name: string; bytes: Uint8Array }> {
  const { piraDocx } = await import(/* webpackChunkName: "docx" */ "../../adapters/docx/pira");
  // A host's analysis may carry the kept originals of the corrections (the workbook's backup).
  const { rectifications, phase, asOf } = analysis as Analysis & { rectifications?: Rectification[]; phase?: Phase };
  const { acceptedRectifications } = analysis;
  const { bytes } = await piraDocx(
    { result: analysis.result, policy: analysis.policy, problems: analysis.problems, rectifications, acceptedRectifications, phase, asOf },
    { generatedAt: new Date() },
  );
  return { name: DOWNLOADS.documentFileName(analysis.result.year), bytes };
}

/** The open-data CSV's rows (header first), for a host that opens them as a workbook. */
async function csvRows(analysis: Analysis): Promise<string[][]> {
  const { indicatorRows } = await import(/* webpackChunkName: "opendata" */ "../../core/opendata");
  return indicatorRows({ result: analysis.result, policy: analysis.policy });
}

/** The open-data CSV (UTF-8, no BOM); its writer is loaded on demand too. */
export async function csvFile(analysis: Analysis): Promise<{ name: string; bytes: Uint8Array; rows: number; mime: string }> {
  const { indicatorCsv, indicatorRows, CSV_MIME } = await import(/* webpackChunkName: "opendata" */ "../../core/opendata");
  const input = { result: analysis.result, policy: analysis.policy };
  return { name: DOWNLOADS.csvFileName(analysis.result.year), bytes: new TextEncoder().encode(indicatorCsv(input)), rows: indicatorRows(input).length - 1, mime: CSV_MIME };
}

type Outcome = { kind: "saved"; name: string } | { kind: "noCards" } | { kind: "elsewhere"; message: string } | { kind: "unavailable"; message: string };

export function Downloads(props: { host: WorkbookHost; runner: Runner; save?: SaveFile }): React.ReactElement {
  const { host, runner } = props;
  const save = props.save ?? browserSave;
  const styles = usePanelStyles();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const download = async (what: "document" | "csv") => {
    setOutcome(null);
    const r = await runner.run("download", async (onProgress) => {
      const analysis = await host.analyze(onProgress);
      if (analysis.cardCount === 0) return { kind: "noCards" } as const;
      const file: PaneFile =
        what === "document"
          ? { ...(await documentFile(analysis)), mime: DOCX_MIME }
          : await csvFile(analysis).then(async (f) => ({ ...f, rows: await csvRows(analysis) }));
      // A host where downloads do nothing (Excel for Mac, office-js#2700) hands it over its own way.
      const delivery: FileDelivery = host.deliverFile ? await host.deliverFile(file) : { kind: "download" };
      if (delivery.kind === "newWorkbook") return { kind: "elsewhere", message: delivery.message } as const;
      if (delivery.kind === "unavailable") return { kind: "unavailable", message: delivery.message } as const;
      save(file.name, file.bytes, file.mime);
      return { kind: "saved", name: file.name } as const;
    });
    if (r) setOutcome(r.value);
  };

  return (
    <section className={styles.panel} aria-labelledby="piano-downloads-title">
      <h3 id="piano-downloads-title" className={styles.heading}>
        {DOWNLOADS.title}
      </h3>
      <Text className={styles.intro}>{DOWNLOADS.hint}</Text>
      <div className={styles.actions}>
        <Button onClick={() => download("document")} disabled={runner.busy !== null}>
          {DOWNLOADS.documentButton}
        </Button>
        <Button onClick={() => download("csv")} disabled={runner.busy !== null}>
          {DOWNLOADS.csvButton}
        </Button>
      </div>
      <OperationStatus runner={runner} kinds={["download"]} />
      {outcome?.kind === "saved" && (
        <MessageBar intent="success">
          <MessageBarBody className={styles.body}>{DOWNLOADS.ready(outcome.name)}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "elsewhere" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody className={styles.body}>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "unavailable" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.body}>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "noCards" && (
        <MessageBar intent="warning">
          <MessageBarBody className={styles.body}>{DOWNLOADS.noCards}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
