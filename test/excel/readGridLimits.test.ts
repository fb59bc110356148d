// Issue 14 in Excel: a sheet with values at A1 and XFD1048576 has a used range of 17 billion
// cells (Office.js getUsedRange(valuesOnly) spans from the first to the last value); reading
// it in blocks would never end. readWorkbookGrid refuses it before reading any cell, with the
// same Italian message as the CLI and the preview.
import { gridFromWorkbook } from "../../src/excel/readGrid";
import { isUserFacingError } from "../../src/host/workbookHost";
import { FakeExcel } from "./fakeExcel";

test("a used range beyond LIMITS.maxSheetBoxCells is refused before any cell is read", async () => {
  const fake = new FakeExcel({ apiVersion: "1.13" });
  const s = fake.addSheet("Piano");
  s.set("A1", "Missione");
  s.set("XFD1048576", "lontano");
  const uninstall = fake.install();
  try {
    const err = await Excel.run(async (ctx) => gridFromWorkbook(ctx)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(isUserFacingError(err)).toBe(true);
    expect((err as Error).message).toContain("Il foglio «Piano» ha valori sparsi su A1:XFD1048576");
    expect((err as Error).message).toContain("La cella più lontana è XFD1048576");
  } finally {
    uninstall();
  }
});
