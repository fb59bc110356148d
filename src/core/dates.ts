// Excel's 1900 date system: serial 1 is 1900-01-01 and 60 is the phantom 1900-02-29,
// so serials from 61 on count days since 1899-12-30. Dates are whole days: a deadline
// met on its day is on time, so no time of day ever enters a comparison.
const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

export function serialFromYmd(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / MS_PER_DAY);
}

export function ymdFromSerial(serial: number): { y: number; m: number; d: number } {
  const t = new Date(EPOCH + Math.floor(serial) * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** True when y-m-d is a real calendar day. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Day number within `year`: 1 January = 1; days of later years keep counting (16/01 next year = 381). */
let cachedYear = NaN;
let cachedStart = NaN;

export function dayOfPlanYear(serial: number, year: number): number {
  if (year !== cachedYear) {
    cachedStart = serialFromYmd(year, 1, 1);
    cachedYear = year;
  }
  return Math.floor(serial) - cachedStart + 1;
}

/** Plausible date serials: 1900-01-01 … 9999-12-31. */
export function isPlausibleSerial(n: number): boolean {
  return n >= 1 && n <= 2_958_465;
}

/** Two-digit years are read in the 2000s up to 69 ("23/09/22" → 2022), as Excel does up to 29 and offices do in practice. */
export function expandYear(y: number, digits: number): number {
  if (digits > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}
