// Phase and plan-year decisions across the sheets of a workbook.
import type { Problem } from "../types";
import { READER } from "../../messages/workbook";

/** The year a sheet's headers carry, and the header cell it came from. */
export interface SheetYear {
  year: number;
  sheet: string;
  cell: string;
}

/** The plan year: the first sheet's; a sheet with another year is a warning (pushed to `problems`). */
export function planYear(years: SheetYear[], problems: Problem[]): number | undefined {
  const year = years[0]?.year;
  const other = years.find((y) => y.year !== year);
  if (year !== undefined && other) {
    problems.push({ code: "READER_MIXED_YEARS", severity: "warning", message: READER.mixedYears(year, other.year, other.sheet), sheet: other.sheet, cell: other.cell });
  }
  return year;
}
