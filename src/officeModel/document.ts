// The fake's Office.context.document file API and Excel.createWorkbook, as Microsoft
// documents them:
// - Document.getFileAsync(Office.FileType.Compressed, { sliceSize }) gives an Office.File of
//   `sliceCount` slices, each `getSliceAsync(i)` → `{ data: byte array }`; sliceSize at most
//   4194304 (4 MB), else the call fails; «No more than two documents are allowed to be in
//   memory; otherwise the Document.getFileAsync operation will fail. Use File.closeAsync.»
//   (office-js-docs-pr: reference Office.File, Office.Document.getFileAsync;
//   docs/develop/get-the-whole-document-from-an-add-in-for-powerpoint-or-word.md)
// - Excel.createWorkbook(base64) (ExcelApi 1.8) opens a new workbook from an .xlsx in base64
//   and returns a Promise<void>; the add-in cannot reach the new workbook
//   (docs/excel/excel-add-ins-workbooks.md, "Create a workbook").
export interface DocumentFake {
  /** Files opened and not closed. */
  openFiles(): number;
  /** base64 strings passed to Excel.createWorkbook. */
  created: string[];
  uninstall(): void;
}

const MAX_SLICE = 4194304;

export function installDocumentFile(bytes: Uint8Array, options: { createWorkbook?: boolean } = {}): DocumentFake {
  const g = globalThis as Record<string, unknown>;
  const office = (g.Office ?? {}) as { context?: Record<string, unknown> } & Record<string, unknown>;
  const excel = (g.Excel ?? {}) as Record<string, unknown>;
  const prev = { document: office.context?.document, FileType: office.FileType, AsyncResultStatus: office.AsyncResultStatus, createWorkbook: excel.createWorkbook };
  let open = 0;
  const created: string[] = [];
  const ok = <T>(value: T) => ({ status: "succeeded", value });
  const failed = (code: number, message: string) => ({ status: "failed", error: { code, message } });
  office.FileType = { Compressed: "compressed", Pdf: "pdf", Text: "text" };
  office.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  office.context = office.context ?? {};
  office.context.document = {
    getFileAsync(type: string, opts: { sliceSize?: number }, cb: (r: unknown) => void) {
      const size = opts?.sliceSize ?? MAX_SLICE;
      setTimeout(() => {
        if (type !== "compressed") return cb(failed(5001, "fake: only Compressed is modelled"));
        if (size > MAX_SLICE || size <= 0) return cb(failed(5002, "Invalid sliceSize"));
        if (open >= 2) return cb(failed(5006, "No more than two documents are allowed to be in memory"));
        open++;
        let closed = false;
        const sliceCount = Math.max(1, Math.ceil(bytes.length / size));
        cb(
          ok({
            size: bytes.length,
            sliceCount,
            getSliceAsync(i: number, scb: (r: unknown) => void) {
              setTimeout(() => {
                if (closed || i < 0 || i >= sliceCount) return scb(failed(5003, "Invalid slice"));
                scb(ok({ index: i, size: Math.min(size, bytes.length - i * size), data: Array.from(bytes.subarray(i * size, (i + 1) * size)) }));
              }, 0);
            },
            closeAsync(ccb?: (r: unknown) => void) {
              if (!closed) open--;
              closed = true;
              setTimeout(() => ccb?.(ok(undefined)), 0);
            },
          }),
        );
      }, 0);
    },
  };
  if (options.createWorkbook !== false) {
    excel.createWorkbook = async (base64?: string) => {
      if (base64 !== undefined) created.push(base64);
    };
  } else delete excel.createWorkbook;
  g.Office = office;
  g.Excel = excel;
  return {
    openFiles: () => open,
    created,
    uninstall() {
      office.context!.document = prev.document;
      office.FileType = prev.FileType;
      office.AsyncResultStatus = prev.AsyncResultStatus;
      if (prev.createWorkbook === undefined) delete excel.createWorkbook;
      else excel.createWorkbook = prev.createWorkbook;
    },
  };
}
