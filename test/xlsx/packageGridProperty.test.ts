// A property over random sheets: whatever ExcelJS writes — numbers of any size, texts with
// entities, control characters, `_xHHHH_`-looking text, emoji and non-Latin letters, booleans,
// errors, dates, percentages, formulas with and without a result, rich text, merged areas,
// formatted empty cells — the package reader and the ExcelJS reader give the same cell model.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { bytesOf, differences, viaExcelJs, viaPackage } from "./readers";

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("A & B <c> \"d\" 'e'", "_x0041_ letterale", "riga\nnuova", "tab\tqui", "Città è più", "😀 emoji", "Ελληνικά", "   spazi   ", "=1+1", "0,5", "15%"),
);

interface Cell {
  value: unknown;
  numFmt?: string;
}

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ({ value: n })),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => ({ value: n, numFmt: "0%" })),
  fc.integer({ min: 1, max: 60_000 }).map((d) => ({ value: new Date(Date.UTC(1899, 11, 30) + d * 86_400_000), numFmt: "dd/mm/yyyy" })),
  text.map((s) => ({ value: s })),
  fc.boolean().map((b) => ({ value: b })),
  fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!").map((e) => ({ value: { error: e } as ExcelJS.CellErrorValue })),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean()).map(([n, calc]) => ({ value: (calc ? { formula: `A1*${n}`, result: n } : { formula: `B2+${n}` }) as ExcelJS.CellFormulaValue })),
  fc.tuple(text, text).map(([a, b]) => ({ value: { richText: [{ text: a }, { font: { bold: true }, text: b }] } as ExcelJS.CellRichTextValue })),
  fc.constant({ value: null, numFmt: "0.00%" }),
);

const sheetArb = fc.record({
  cells: fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), cell), { maxLength: 40 }),
  merge: fc.option(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 10 })), { nil: undefined }),
  state: fc.constantFrom("visible", "hidden", "veryHidden") as fc.Arbitrary<"visible" | "hidden" | "veryHidden">,
});

describe("the package reader and the ExcelJS reader agree on random sheets", () => {
  it("cell model equal", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const wb = new ExcelJS.Workbook();
        sheets.forEach((s, k) => {
          const ws = wb.addWorksheet(`Foglio ${k + 1}`, { state: s.state });
          if (s.merge) ws.mergeCells(s.merge[0], s.merge[1], s.merge[0] + 1, s.merge[1] + 2);
          for (const [r, c, v] of s.cells) {
            const target = ws.getCell(r, c);
            if (target.type === ExcelJS.ValueType.Merge) continue;
            target.value = v.value as ExcelJS.CellValue;
            if (v.numFmt) target.numFmt = v.numFmt;
          }
        });
        const bytes = await bytesOf(wb);
        expect(differences(await viaExcelJs(bytes), viaPackage(bytes))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
