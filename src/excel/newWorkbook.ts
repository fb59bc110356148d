// «Nuovo anno» in Excel: next year's plan in a NEW workbook, the open one untouched.
// Microsoft's route for "a copy of the current workbook": the file's bytes from
// Office.context.document.getFileAsync(Office.FileType.Compressed) (sliced), changed in
// memory, then Excel.createWorkbook(base64) (ExcelApi 1.8), which opens a new window.
// See OfficeDev/office-js-docs-pr docs/excel/excel-add-ins-workbooks.md ("Create a
// workbook", "Insert a copy of an existing workbook") and
// docs/develop/get-the-whole-document-from-an-add-in-for-powerpoint-or-word.md (getFileAsync slices).
// No Excel.run here: nothing in the open workbook is read through a request context or written.
import type { NextYearReport, ProgressFn } from "../host/workbookHost";
import type { ExcelJsLike } from "../adapters/exceljs/nextYear";
import { ExcelHostError } from "./errors";
import { isApiSupported } from "./officeRun";
import { NEXT_YEAR_EXCEL } from "../messages/phasesUi";

/** 4 MB slices: the maximum getFileAsync allows. */
const SLICE_SIZE = 4 * 1024 * 1024;

/** The open document's .xlsx bytes, slice by slice; the file handle is always closed. */
export function documentBytes(onProgress?: ProgressFn): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_SIZE }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new ExcelHostError("office", NEXT_YEAR_EXCEL.cannotReadFile, res.error?.code !== undefined ? String(res.error.code) : undefined));
        return;
      }
      const file = res.value;
      const parts: Uint8Array[] = [];
      const fail = (code?: number) => file.closeAsync(() => reject(new ExcelHostError("office", NEXT_YEAR_EXCEL.cannotReadFile, code !== undefined ? String(code) : undefined)));
      const next = (i: number) => {
        if (i >= file.sliceCount) {
          file.closeAsync(() => {
            const total = parts.reduce((n, p) => n + p.length, 0);
            const out = new Uint8Array(total);
            let at = 0;
            for (const p of parts) {
              out.set(p, at);
              at += p.length;
            }
            resolve(out);
          });
          return;
        }
        file.getSliceAsync(i, (s) => {
          if (s.status !== Office.AsyncResultStatus.Succeeded) return fail(s.error?.code);
          parts.push(Uint8Array.from(s.value.data as number[]));
          onProgress?.({ phase: NEXT_YEAR_EXCEL.progressRead, done: i + 1, total: file.sliceCount });
          next(i + 1);
        });
      };
      next(0);
    });
  });
}

export function toBase64(bytes: Uint8Array): string {
  let s = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

async function loadExcelJs(): Promise<ExcelJsLike> {
  const m = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: ExcelJsLike } & ExcelJsLike;
  return m.default ?? m;
}

/** Builds next year's plan from the open workbook's file and opens it as a new workbook. */
export async function createNextYearWorkbook(onProgress?: ProgressFn, lib: () => Promise<ExcelJsLike> = loadExcelJs): Promise<NextYearReport> {
  if (typeof Excel === "undefined" || !isApiSupported("1.8") || typeof Excel.createWorkbook !== "function") {
    throw new ExcelHostError("apiNotSupported", NEXT_YEAR_EXCEL.notSupported);
  }
  const bytes = await documentBytes(onProgress);
  onProgress?.({ phase: NEXT_YEAR_EXCEL.progressBuild, done: 0, total: 1 });
  const { nextYearXlsx } = await import(/* webpackChunkName: "next-year" */ "../adapters/exceljs/nextYear");
  const { bytes: out, plan } = await nextYearXlsx(await lib(), bytes);
  if (plan.problems.length) throw new ExcelHostError("noCards", plan.problems[0].message);
  onProgress?.({ phase: NEXT_YEAR_EXCEL.progressBuild, done: 1, total: 1 });
  try {
    await Excel.createWorkbook(toBase64(out));
  } catch (e) {
    const code = (e as { code?: unknown })?.code;
    throw new ExcelHostError("office", NEXT_YEAR_EXCEL.cannotCreate, typeof code === "string" ? code : undefined);
  }
  return { year: plan.year, objectives: plan.objectives, indicators: plan.indicators, toDefine: plan.toDefine.length, marked: plan.notes.length };
}
