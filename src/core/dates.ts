// Excel's 1900 date system: serial 1 is 1900-01-01 and 60 is the phantom 1900-02-29,
// so serials from 61 on count days since 1899-12-30. Dates are whole days: a deadline
// met on its day is on time, so no time of day ever enters a comparison.
// Integer calendar arithmetic (proleptic Gregorian, days from civil dates), no Date
// objects: parsing dates is on the hot path of every recalculation.
const SERIAL_OF_1970 = 25_569;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function serialFromYmd(y: number, m: number, d: number): number {
  return daysFromCivil(y, m, d) + SERIAL_OF_1970;
}

export function ymdFromSerial(serial: number): { y: number; m: number; d: number } {
  const z = Math.floor(serial) - SERIAL_OF_1970 + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when y-m-d is a real calendar day. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]);
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
