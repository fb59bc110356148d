// «Accetta» corrections in the pane (issue 12): after «Sostituisci» the corrections the
// add-in wrote are listed in Verifica with «Accetta» per correction and «Accetta tutte»; each
// asks for a confirmation; accepting records it in the workbook's restore backup (the original
// kept), and the next Verifica no longer reports it. The host keeps a real backup sheet in the
// grid, with the same rows and codec as the real hosts (src/core/reader/backup.ts).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Analysis, WriteReport } from "../../src/host/workbookHost";
import type { CellValue } from "../../src/core/types";
import { backupAfterWrites, analyzeWorkbook, type WorkbookAnalysis } from "../../src/core/reader/analyze";
import { backupHeader, backupRows, readBackupFromGrid, BACKUP_SHEET_NAME, type BackupEntry } from "../../src/core/reader/backup";
import { acceptCorrections } from "../../src/core/reader/accept";
import { FakeHost } from "./fakeHost";
import { workbook } from "./grids";
import { confirmDialog, dialogButton, renderPane } from "./render";

jest.setTimeout(60_000);

/** The fake host with the restore backup kept as a (very hidden) sheet of the grid. */
class BackupHost extends FakeHost {
  accepts: { sheet: string; cell: string }[][] = [];
  private putBackup(entries: BackupEntry[]): void {
    const values: CellValue[][] = [backupHeader(), ...backupRows(entries)];
    const sheet = { name: BACKUP_SHEET_NAME, startRow: 0, startCol: 0, values, formats: values.map((r) => r.map(() => "@")), merges: [], ownedBy: "backup" as const };
    const i = this.grid.sheets.findIndex((s) => s.name === BACKUP_SHEET_NAME);
    if (i >= 0) this.grid.sheets[i] = sheet;
    else this.grid.sheets.push(sheet);
  }
  override async writeResults(analysis: Analysis): Promise<WriteReport> {
    const a = analysis as WorkbookAnalysis;
    const entries = backupAfterWrites(readBackupFromGrid(this.grid), a.writes);
    const report = await super.writeResults(analysis);
    this.putBackup(entries);
    return report;
  }
  async acceptRectifications(cells: { sheet: string; cell: string }[]): Promise<number> {
    this.accepts.push(cells);
    const res = acceptCorrections(analyzeWorkbook(this.grid), cells, "2026-12-01");
    if (res.accepted.length) this.putBackup(res.analysis.backup);
    return res.accepted.length;
  }
}

const grid = () =>
  workbook({
    sheet: "OO01",
    objective: "Punto Impresa Digitale",
    indicators: [
      { name: "Eventi organizzati", actual: 8, operator: ">=", target: 10, stated: 0.5, weight: 0.5 },
      { name: "Imprese assistite", actual: 9, operator: ">=", target: 10, stated: 1, weight: 0.5 },
    ],
  });

async function writeAndVerify(host: BackupHost) {
  const user = userEvent.setup();
  renderPane(host);
  await user.click(screen.getByRole("button", { name: "Calcola performance" }));
  await user.click(dialogButton(await confirmDialog(), "Sostituisci"));
  await screen.findByText(/celle aggiornate/);
  await user.click(screen.getByRole("tab", { name: "Verifica" }));
  await user.click(screen.getByRole("button", { name: "Verifica struttura" }));
  return { user, section: await screen.findByTestId("accept-rectifications") };
}

test("per correction, with a confirmation: cancel changes nothing; accept records it and the next Verifica lists one less", async () => {
  const host = new BackupHost(grid());
  const { user, section } = await writeAndVerify(host);
  expect(within(section).getByRole("heading", { name: "Rettifiche (2)" })).toBeTruthy();
  expect(within(section).getByText(/dichiarata 50%, calcolata 80%/)).toBeTruthy();
  expect(within(section).getByText(/dichiarata 100%, calcolata 90%/)).toBeTruthy();

  // Cancel: nothing asked of the host.
  await user.click(within(section).getByRole("button", { name: "Accetta la rettifica di Eventi organizzati (OO01!H10)" }));
  const d1 = await confirmDialog();
  expect(within(d1).getByText(/non sarà più segnalata/)).toBeTruthy();
  expect(within(d1).getByText(/«Ripristina» li rimette/)).toBeTruthy();
  await user.click(dialogButton(d1, "Annulla"));
  expect(host.accepts).toEqual([]);

  await user.click(within(section).getByRole("button", { name: "Accetta la rettifica di Eventi organizzati (OO01!H10)" }));
  await user.click(dialogButton(await confirmDialog(), "Accetta"));
  await screen.findByText("1 rettifica accettata: il valore calcolato è ora il riferimento.");
  expect(host.accepts).toEqual([[{ sheet: "OO01", cell: "H10" }]]);
  // Verifica ran again: one correction left, one accepted; the original is still in the backup.
  await waitFor(() => expect(within(screen.getByTestId("accept-rectifications")).getByRole("heading", { name: "Rettifiche (1)" })).toBeTruthy());
  expect(screen.getByText("1 rettifica accettata in precedenza (non più segnalata).")).toBeTruthy();
  const backup = readBackupFromGrid(host.grid).find((e) => e.cell === "H10")!;
  expect([backup.before.value, backup.after.value, backup.after.accepted]).toEqual([0.5, 0.8, "2026-12-01"]);
  expect(analyzeWorkbook(host.grid).rectifications.map((r) => r.cell)).toEqual(["H11"]);
});

test("«Accetta tutte» accepts every written correction after one confirmation", async () => {
  const host = new BackupHost(grid());
  const { user, section } = await writeAndVerify(host);
  await user.click(within(section).getByRole("button", { name: "Accetta tutte" }));
  const d = await confirmDialog();
  expect(within(d).getByText("Accettare 2 rettifiche?")).toBeTruthy();
  await user.click(dialogButton(d, "Accetta"));
  await screen.findByText("2 rettifiche accettate: il valore calcolato è ora il riferimento.");
  expect(host.accepts[0].map((c) => c.cell)).toEqual(["H10", "H11"]);
  expect(analyzeWorkbook(host.grid).rectifications).toEqual([]);
  await waitFor(() => expect(screen.getByText("2 rettifiche accettate in precedenza (non più segnalate).")).toBeTruthy());
  expect(screen.queryByRole("button", { name: "Accetta tutte" })).toBeNull();
});

test("a host without «Accetta» shows no such section", async () => {
  const host = new FakeHost(grid());
  const user = userEvent.setup();
  renderPane(host, "validate");
  await user.click(screen.getByRole("button", { name: "Verifica struttura" }));
  await screen.findByText(/1 scheda/);
  expect(screen.queryByTestId("accept-rectifications")).toBeNull();
});
