// «Confronta» in the pane (issue 11): the user picks a .xlsx (the consuntivo) and the pane
// compares it with the open workbook's plan (the preventivo) through src/core/compare.ts — the
// CLI's comparison — read by the ExcelJS adapter with the package limits. Exactly the changed
// target, the removed and the added indicator; which side is which said from the phases; links
// to the open workbook's cells. A bad file: an Italian message, the result shown before kept.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import ExcelJS from "exceljs";
import type { ProgressFn } from "../../src/host/workbookHost";
import type { FileComparison } from "../../src/core/compare";
import { analyzeWorkbook } from "../../src/core/reader/analyze";
import { gridFromExcelJs } from "../../src/adapters/exceljs";
import { compareWithPlanFile } from "../../src/adapters/exceljs/compareFile";
import type { WorkbookGrid } from "../../src/core/reader/grid";
import { FakeHost } from "./fakeHost";
import { renderPane } from "./render";
import { cardWorkbook, compareConsuntivo, comparePreventivo } from "../phases/workbooks";

jest.setTimeout(60_000);

const preventivo = comparePreventivo;
const consuntivo = compareConsuntivo;

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) as Uint8Array<ArrayBuffer>;
}

/** The fake host comparing as the real ones do: the open grid's analysis, the file through the ExcelJS adapter. */
class CompareHost extends FakeHost {
  files: string[] = [];
  async compareWithFile(file: { name: string; bytes: ArrayBuffer }, _onProgress?: ProgressFn): Promise<FileComparison> {
    this.files.push(file.name);
    return compareWithPlanFile(ExcelJS as never, analyzeWorkbook(this.grid), file);
  }
}

async function openGrid(wb: ExcelJS.Workbook): Promise<WorkbookGrid> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return gridFromExcelJs(back);
}

test("the consuntivo picked against the open preventivo: exactly the three differences, the sides named, links to the open workbook", async () => {
  const host = new CompareHost(await openGrid(preventivo()));
  const user = userEvent.setup();
  renderPane(host, "summary");
  const section = await screen.findByTestId("compare-plans");
  expect(within(section).getByRole("heading", { name: "Confronta con un altro file" })).toBeTruthy();
  const input = within(section).getByLabelText("File .xlsx da confrontare con la cartella aperta") as HTMLInputElement;
  expect(input.accept).toContain(".xlsx");
  // Keyboard: the visible button is a real button that opens the file chooser.
  const choose = within(section).getByRole("button", { name: "Scegli il file da confrontare…" });
  const clicked = jest.fn();
  input.addEventListener("click", clicked);
  choose.focus();
  await user.keyboard("{Enter}");
  expect(clicked).toHaveBeenCalled();

  await user.upload(input, new File([await bytesOf(consuntivo())], "consuntivo-2023.xlsx"));
  const result = await screen.findByTestId("compare-result");
  expect(within(result).getByText("Confronto del preventivo 2023 (cartella aperta) con il consuntivo 2023 (file «consuntivo-2023.xlsx»).")).toBeTruthy();
  const list = within(result).getByRole("list", { name: "Differenze (3)" });
  const items = within(list).getAllByRole("listitem").map((li) => li.textContent);
  expect(items).toEqual([
    expect.stringContaining("«Digitalizzazione», «Tempo medio»: target 2023 cambiato da <= 10 a <= 12"),
    expect.stringContaining("«Trasparenza»: indicatore tolto «Controlli»"),
    expect.stringContaining("«Trasparenza»: indicatore aggiunto «Accessi civici evasi»"),
  ]);
  // Links where the open workbook has the cell: the preventivo's target and the removed indicator's row.
  await user.click(within(list).getByRole("button", { name: "Vai alla cella C9 del foglio O1" }));
  expect(host.selected).toEqual({ sheet: "O1", cell: "C9" });
  expect(within(list).getAllByRole("listitem")[2].querySelector("button")).toBeNull();

  // A bad file: an Italian message; the result shown stays.
  await user.upload(input, new File([new TextEncoder().encode("non sono un xlsx")], "appunti.xlsx"));
  expect(await screen.findByText(/Impossibile aprire «appunti.xlsx»: il file non è una cartella di lavoro .xlsx leggibile/)).toBeTruthy();
  expect(screen.getByRole("list", { name: "Differenze (3)" })).toBeTruthy();
  expect(host.files).toEqual(["consuntivo-2023.xlsx", "appunti.xlsx"]);
});

test("no target year in common: said, naming the years of each side", async () => {
  const host = new CompareHost(await openGrid(preventivo()));
  const user = userEvent.setup();
  renderPane(host, "summary");
  const section = await screen.findByTestId("compare-plans");
  const later = cardWorkbook([{ sheet: "O1", name: "Digitalizzazione", headers: ["Indicatore", "Operatore", "Target 2026", "Peso"], rows: [["Pratiche telematiche", ">=", 100, 0.5], ["Tempo medio", "<=", 10, 0.5]] }]);
  await user.upload(within(section).getByLabelText("File .xlsx da confrontare con la cartella aperta"), new File([await bytesOf(later)], "p2026.xlsx"));
  const result = await screen.findByTestId("compare-result");
  expect(within(result).getByText(/Target non confrontati: i due piani non hanno un anno in comune \(cartella aperta: Target 2023, Target 2024; file «p2026.xlsx»: Target 2026\)/)).toBeTruthy();
  expect(within(result).queryByText("Nessuna differenza negli obiettivi, negli indicatori, nei target e nei pesi.")).toBeNull();
});
