import fc from "fast-check";
import { serialFromYmd, ymdFromSerial, isValidYmd, dayOfPlanYear } from "../../src/core";

// An independent oracle: JavaScript's own UTC calendar.
const viaDate = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

describe("Excel date serials", () => {
  it("match Excel on known days", () => {
    expect(serialFromYmd(2022, 6, 30)).toBe(44742);
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(serialFromYmd(2024, 2, 29)).toBe(45351);
    expect(ymdFromSerial(44742)).toEqual({ y: 2022, m: 6, d: 30 });
    expect(dayOfPlanYear(serialFromYmd(2023, 1, 16), 2022)).toBe(381);
  });
  it("round-trip and agree with the JavaScript calendar from 1900 to 9999", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (t) => {
        const y = t.getUTCFullYear(), m = t.getUTCMonth() + 1, d = t.getUTCDate();
        const s = serialFromYmd(y, m, d);
        expect(s).toBe(viaDate(y, m, d));
        expect(ymdFromSerial(s)).toEqual({ y, m, d });
        expect(isValidYmd(y, m, d)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
  it("reject days that do not exist", () => {
    expect(isValidYmd(2022, 2, 29)).toBe(false);
    expect(isValidYmd(2024, 2, 29)).toBe(true);
    expect(isValidYmd(1900, 2, 29)).toBe(false);
    expect(isValidYmd(2000, 2, 29)).toBe(true);
    expect(isValidYmd(2022, 4, 31)).toBe(false);
    expect(isValidYmd(2022, 13, 1)).toBe(false);
    expect(isValidYmd(2022, 0, 1)).toBe(false);
  });
});
