// Errors and data types as arguments, as Excel hands them to the PIANO.* functions.
//
// - allowErrorForDataTypeAny (set in functions.json) makes Excel call the function with an
//   error in any `any` parameter (docs/excel/custom-functions-json.md, "allowErrorForDataTypeAny":
//   "All parameters with the type any or any[][] can accept errors as input values"). Excel's own
//   functions return an incoming error unchanged, so SE.NON.DISP(…; …) / VAL.NON.DISP work:
//   outside PIANO.PESATA, an incoming error is the result. #NAME? and #REF! are input-only
//   errors (docs/excel/custom-functions-errors.md, the ErrorCode table): they come back as #VALUE!.
// - Data types (formatted numbers, Stocks and other entities) reach `any` parameters as
//   objects with `type` and `basicValue` (docs/excel/custom-functions-data-types-concepts.md;
//   Excel.DoubleCellValue / FormattedNumberCellValue / EntityCellValue): a formatted number is
//   its number; an entity has no value to score and is named, never «[object Object]».
import { loadExcel, errorCell, isCellError, type ExcelLike, type CellResult } from "./excel";

let excel: ExcelLike;
const call = (name: string, ...args: unknown[]) => excel.call(name, ...args);
beforeAll(async () => {
  excel = await loadExcel();
});

/** Excel's SE.NON.DISP (IFNA): the fallback when the value is #N/A. */
const ifna = (r: CellResult, fallback: CellResult) => (isCellError(r) && r.error === "#N/A" ? fallback : r);

describe("errori in ingresso", () => {
  test("PIANO.PERF(#N/D; \">=\"; 10) è #N/D, così SE.NON.DISP e VAL.NON.DISP funzionano", () => {
    const r = call("PIANO.PERF", errorCell("#N/A"), ">=", 10);
    expect(r).toMatchObject({ error: "#N/A" });
    expect(ifna(r, "n.d.")).toBe("n.d.");
    expect(call("PIANO.PERF", 10, ">=", errorCell("#N/A"))).toMatchObject({ error: "#N/A" });
  });

  test("ogni errore torna uguale; #NOME? e #RIF! (solo in ingresso) diventano #VALORE! che li nomina", () => {
    for (const code of ["#DIV/0!", "#NUM!", "#NULL!"]) {
      expect(call("PIANO.PERF", errorCell(code), ">=", 10)).toMatchObject({ error: code });
      expect(call("PIANO.SEMAFORO", errorCell(code))).toMatchObject({ error: code });
      expect(call("PIANO.VALORE", errorCell(code))).toMatchObject({ error: code });
      expect(call("PIANO.SCOSTAMENTO", 5, errorCell(code))).toMatchObject({ error: code });
    }
    expect(call("PIANO.PERF", errorCell("#VALUE!", "altro"), ">=", 10)).toMatchObject({ error: "#VALUE!" });
    expect(call("PIANO.PERF", errorCell("#REF!"), ">=", 10)).toEqual({ error: "#VALUE!", message: expect.stringMatching(/^stato: .*#REF!/) });
    expect(call("PIANO.PERF", 3, ">=", errorCell("#NAME?"))).toEqual({ error: "#VALUE!", message: expect.stringMatching(/^target: .*#NAME\?/) });
    // Excel.ErrorCellValue shape (type "Error", errorType) is read the same way.
    expect(call("PIANO.PERF", { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" }, ">=", 10)).toMatchObject({ error: "#DIV/0!" });
  });

  test("una catena PIANO.SEMAFORO(PIANO.PERF(…)) porta avanti l'errore", () => {
    const inner = call("PIANO.PERF", errorCell("#N/A"), ">=", 10);
    expect(call("PIANO.SEMAFORO", errorCell((inner as { error: string }).error))).toMatchObject({ error: "#N/A" });
  });

  test("PIANO.PESATA invece esclude le celle in errore e ricalcola i pesi", () => {
    expect(call("PIANO.PESATA", [[1], [errorCell("#DIV/0!")], [0.5]], [[0.5], [0.25], [0.5]])).toBeCloseTo(0.75, 12);
  });
});

describe("tipi di dati in ingresso", () => {
  const double = (v: number, numberFormat = "0%") => ({ type: "Double", basicValue: v, numberFormat });
  test("un numero formattato vale il suo numero", () => {
    expect(call("PIANO.PERF", double(3, "0.0"), ">=", double(10, "0.0"))).toBeCloseTo(0.3, 12);
    expect(call("PIANO.PERF", { type: "FormattedNumber", basicValue: 75, numberFormat: "0" }, ">=", 100)).toBeCloseTo(0.75, 12);
    expect(call("PIANO.SEMAFORO", double(0.95))).toBe("verde");
    expect(call("PIANO.VALORE", { type: "String", basicValue: "12,5%" })).toBeCloseTo(0.125, 12);
    expect(call("PIANO.PERF", { type: "String", basicValue: "n.d." }, ">=", 10)).toMatchObject({ error: "#N/A" });
    expect(call("PIANO.PESATA", [[double(1)], [double(0.5)]], [[double(0.5)], [double(0.5)]])).toBeCloseTo(0.75, 12);
    expect(call("PIANO.SCOSTAMENTO", double(12, "0"), double(10, "0"))).toBe(2);
  });

  test("un'entità (Azioni, Geografia) è nominata, mai «[object Object]»", () => {
    const stock = { type: "Entity", text: "Microsoft Corp", properties: { Prezzo: { type: "Double", basicValue: 410.5 } }, basicType: "Error", basicValue: "#VALUE!" };
    for (const r of [call("PIANO.PERF", stock, ">=", 10), call("PIANO.SEMAFORO", stock), call("PIANO.VALORE", stock), call("PIANO.SCOSTAMENTO", stock, 1)]) {
      expect(r).toMatchObject({ error: "#VALUE!" });
      const message = (r as { message: string }).message;
      expect(message).not.toMatch(/object Object/);
      expect(message).toMatch(/Microsoft Corp/);
      expect(message).toMatch(/tipo di dati/);
    }
    expect(call("PIANO.PESATA", [[stock]], [[0.5]])).toMatchObject({ error: "#VALUE!", message: expect.not.stringMatching(/object Object/) });
  });
});
