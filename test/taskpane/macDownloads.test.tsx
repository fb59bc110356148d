// Downloads in Excel for Mac desktop: its WKWebView ignores <a download> — the click does
// nothing, no error (OfficeDev/office-js#2700, closed "by design"; #4681). The Excel host
// there (Office.context.platform === Office.PlatformType.Mac) opens the CSV's rows as a new
// workbook with Excel.createWorkbook (ExcelApi 1.8, docs/excel/excel-add-ins-workbooks.md)
// and tells the truth about the .docx; on Windows and on the web the download stays.
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import { Downloads } from "../../src/taskpane/components/Downloads";
import { useRunner } from "../../src/taskpane/useRunner";
import { createExcelHost } from "../../src/excel/excelHost";
import type { WorkbookHost } from "../../src/host/workbookHost";
import { DOWNLOADS } from "../../src/messages/document";
import { installDocumentFile } from "../../src/officeModel/document";
import { FakeExcel, type FakePlatform } from "../excel/fakeExcel";
import { twoCards } from "./grids";

Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder, TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder });
jest.setTimeout(60_000);

function Harness(props: { host: WorkbookHost; save: (name: string, bytes: Uint8Array, mime: string) => void }) {
  const runner = useRunner();
  return <Downloads host={props.host} runner={runner} save={props.save} />;
}

function setup(platform: FakePlatform, options: { createWorkbook?: boolean } = {}) {
  const fake = new FakeExcel({ platform, apiVersion: "1.12" });
  fake.loadGrid(twoCards());
  const uninstall = fake.install();
  const doc = installDocumentFile(new Uint8Array(0), options);
  const saved: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <Harness host={createExcelHost()} save={(name) => saved.push(name)} />
    </FluentProvider>,
  );
  return { saved, doc, done: () => (doc.uninstall(), uninstall()) };
}

const fromBase64 = (b64: string) => Uint8Array.from(Buffer.from(b64, "base64"));

describe("Excel for Mac: files without downloads", () => {
  it("the CSV opens as a new workbook (text cells, same rows), with how to save it as CSV; nothing is «downloaded»", async () => {
    const { saved, doc, done } = setup("Mac");
    try {
      await userEvent.click(screen.getByRole("button", { name: "Scarica dati aperti (.csv)" }));
      await screen.findByText(/Excel per Mac non consente ai componenti aggiuntivi di scaricare file: i dati aperti sono stati aperti in una nuova cartella/);
      expect(saved).toEqual([]);
      expect(doc.created).toHaveLength(1);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fromBase64(doc.created[0]) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(DOWNLOADS.macCsvSheet)!;
      expect(ws.getCell("A1").value).toBeTruthy();
      expect(ws.rowCount).toBeGreaterThan(1);
      // Every cell is text: nothing the user saves can turn into a formula.
      ws.eachRow((row) => row.eachCell((c) => expect(c.numFmt).toBe("@")));
      expect(screen.getByText(/«File › Salva con nome…» con il formato «CSV UTF-8»/)).toBeTruthy();
    } finally {
      done();
    }
  });

  it("the .docx: an honest message (Excel on the web, the CLI), no download attempted", async () => {
    const { saved, doc, done } = setup("Mac");
    try {
      await userEvent.click(screen.getByRole("button", { name: "Scarica documento (.docx)" }));
      await screen.findByText(DOWNLOADS.macDocument, {}, { timeout: 30_000 });
      expect(saved).toEqual([]);
      expect(doc.created).toEqual([]);
    } finally {
      done();
    }
  });

  it("without Excel.createWorkbook the CSV is explained too", async () => {
    const { saved, done } = setup("Mac", { createWorkbook: false });
    try {
      await userEvent.click(screen.getByRole("button", { name: "Scarica dati aperti (.csv)" }));
      await screen.findByText(DOWNLOADS.macNoWorkbook);
      expect(saved).toEqual([]);
    } finally {
      done();
    }
  });

  it.each<FakePlatform>(["PC", "OfficeOnline"])("on %s the browser download stays", async (platform) => {
    const { saved, doc, done } = setup(platform);
    try {
      await userEvent.click(screen.getByRole("button", { name: "Scarica dati aperti (.csv)" }));
      await waitFor(() => expect(saved).toHaveLength(1));
      expect(saved[0]).toMatch(/^dati-aperti-indicatori/);
      expect(doc.created).toEqual([]);
    } finally {
      done();
    }
  });
});
