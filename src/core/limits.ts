// What the add-in's file paths (CLI, preview) accept: the bounds of any plausible plan, with
// room to spare, and below what the libraries can hold in memory. The largest real plan we
// know (the 2022 PIRA repeated 400 times: 54,400 indicators, ~925k cells, 3.5 MB) fits well
// inside. Beyond them the file is refused with a message before anything heavy happens, in
// seconds and well under 2 GB whatever the input (zip bombs, sheets spanning XFD1048576).
// The README states them (section «Limiti»); src/adapters/xlsx/inspect.ts and
// src/adapters/exceljs/grid.ts enforce them.

export const LIMITS = {
  /** Size of the .xlsx file itself. */
  maxFileBytes: 100 * 1024 * 1024,
  /** Parts (files) inside the package. */
  maxEntries: 10_000,
  /** Uncompressed size of one part (a sheet's XML, the shared strings…). */
  maxPartBytes: 400 * 1024 * 1024,
  /** Uncompressed size of the whole package. */
  maxTotalBytes: 600 * 1024 * 1024,
  /** Compression ratio of one part, checked once the part exceeds ratioFloorBytes: even
   *  very repetitive sheet XML stays far below it; zip bombs are far above. */
  maxRatio: 400,
  ratioFloorBytes: 8 * 1024 * 1024,
  /** Cells written in the package (`<c>` elements) plus cells covered by merged areas,
   *  over all sheets: what the spreadsheet library creates one object for. */
  maxCells: 1_500_000,
  /** Rows written in the package (`<row>` elements), over all sheets. */
  maxRows: 1_500_000,
  /** One merged area: a card's title or text box spans a few hundred cells at most. */
  maxMergeCells: 100_000,
  /** The rectangle the reader scans on one sheet (from the first to the last cell holding a value). */
  maxSheetBoxCells: 4_000_000,
  /** The same, over all sheets. */
  maxWorkbookBoxCells: 8_000_000,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

/** A workbook beyond LIMITS: the message is Italian and says what to do; CLI exit 2. */
export class LimitError extends Error {
  readonly userFacing = true as const;
  constructor(message: string) {
    super(message);
    this.name = "LimitError";
  }
}
