// Office's errors become Italian messages with stable codes.
import { ExcelHostError, toHostError } from "../../src/excel/errors";
import { FakeOfficeError } from "./fakeExcel";

test.each([
  ["InvalidOperationInCellEditMode", "cellEditing", /modalità di modifica/],
  ["AccessDenied", "protected", /protett/],
  ["ItemNotFound", "sheetMissing", /Verifica/],
  ["ApiNotFound", "apiNotSupported", /ExcelApi 1\.12/],
  ["RequestPayloadSizeLimitExceeded", "tooLarge", /limite/],
  ["Conflict", "busy", /occupato/],
  ["GeneralException", "office", /Excel ha rifiutato.*GeneralException/],
])("%s → %s", (officeCode, code, message) => {
  const e = toHostError(new FakeOfficeError(officeCode, "english detail"));
  expect(e).toBeInstanceOf(ExcelHostError);
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
});

test("an ExcelHostError passes through; anything else gets a generic Italian message", () => {
  const mine = new ExcelHostError("noCards", "x");
  expect(toHostError(mine)).toBe(mine);
  expect(toHostError("boom").message).toBe("Si è verificato un errore imprevisto durante l'operazione in Excel.");
});
