// Office's errors become Italian messages with stable codes; English never reaches the user.
import { ExcelHostError, toHostError } from "../../src/excel/errors";
import { FakeOfficeError } from "./fakeExcel";

const ENGLISH = "The argument is invalid or missing or has an incorrect format.";

let consoleError: jest.SpyInstance;
beforeEach(() => (consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined)));
afterEach(() => consoleError.mockRestore());

test.each([
  ["InvalidOperationInCellEditMode", "cellEditing", /modalità di modifica/],
  ["AccessDenied", "protected", /protett/],
  ["ItemNotFound", "sheetMissing", /Verifica/],
  ["ApiNotFound", "apiNotSupported", /ExcelApi 1\.12/],
  ["RequestPayloadSizeLimitExceeded", "tooLarge", /limite/],
  ["Conflict", "busy", /occupato/],
])("%s → %s", (officeCode, code, message) => {
  const e = toHostError(new FakeOfficeError(officeCode, ENGLISH));
  expect(e).toBeInstanceOf(ExcelHostError);
  expect(e.code).toBe(code);
  expect(e.officeCode).toBe(officeCode);
  expect(e.message).toMatch(message);
  expect(e.message).not.toContain(ENGLISH);
});

test.each(["InvalidArgument", "GeneralException"])(
  "an Office code with no advice of its own (%s): Italian, names the code, says what to do, no English",
  (officeCode) => {
    const e = toHostError(new FakeOfficeError(officeCode, ENGLISH));
    expect(e.code).toBe("office");
    expect(e.officeCode).toBe(officeCode);
    expect(e.message).toContain(`(codice: ${officeCode})`);
    expect(e.message).toMatch(/^Excel non ha completato l'operazione/);
    expect(e.message).toMatch(/riprovare/i);
    expect(e.message).not.toContain(ENGLISH);
    expect(e.message.replace(`(codice: ${officeCode})`, "")).not.toMatch(/invalid|argument|incorrect|missing|exception/i);
    // The English detail goes to the console, for whoever investigates.
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0].join(" ")).toContain(ENGLISH);
  },
);

test("a plain JS error is an internal error: Italian, says to retry or report, no English", () => {
  const bug = new TypeError("Cannot read properties of undefined (reading 'values')");
  const e = toHostError(bug);
  expect(e).toBeInstanceOf(ExcelHostError);
  expect(e.code).toBe("internal");
  expect(e.officeCode).toBeUndefined();
  expect(e.message).toMatch(/errore interno/);
  expect(e.message).toMatch(/Riprovare/);
  expect(e.message).toMatch(/segnalarlo/);
  expect(e.message).not.toContain("Cannot read");
  expect(e.message).not.toContain("Excel ha rifiutato");
  expect(consoleError).toHaveBeenCalledWith(expect.any(String), bug);
});

test("an ExcelHostError passes through; anything else gets a generic Italian message", () => {
  const mine = new ExcelHostError("noCards", "x");
  expect(toHostError(mine)).toBe(mine);
  expect(consoleError).not.toHaveBeenCalled();
  const e = toHostError("boom");
  expect(e.code).toBe("office");
  expect(e.message).toBe("Si è verificato un errore imprevisto durante l'operazione in Excel.");
});
