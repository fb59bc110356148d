// Reading an indicator's targets year by year: the operator (its own cell, else the one
// written in the target) and the values, for the preventivo checks, the JSON report,
// the summary and confronta.
import type { IndicatorInput, Operator, Value } from "../types";
import { parseOperator, splitOperator } from "../values";
import { describeValue } from "../rules";
import { ymdFromSerial } from "../dates";

export interface YearValue {
  year: number | undefined;
  value: Value;
  operator: Operator | null;
  address?: string;
}

/** The indicator's targets: one per year column, or the single Target column (year = plan year). */
export function indicatorTargets(input: IndicatorInput, planYear?: number): YearValue[] {
  const own = input.operator ? parseOperator(input.operator.value) : null;
  const cells = input.targets?.length ? input.targets : [{ year: planYear, cell: input.target }];
  return cells.map((t) => {
    const { operator, value } = splitOperator(t.cell);
    return { year: t.year, value, operator: own ?? operator, address: t.cell.address };
  });
}

/** JSON form of a value: number (fractions for percentages), ISO date, boolean, "n.d.", null when blank, the text when unreadable. */
export function jsonValue(v: Value): number | string | boolean | null {
  switch (v.kind) {
    case "number":
      return v.value;
    case "date":
      return isoFromSerialText(v.serial);
    case "bool":
      return v.value;
    case "na":
      return "n.d.";
    case "blank":
      return null;
    case "error":
      return v.code;
    case "unreadable":
      return v.text;
  }
}

function isoFromSerialText(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Italian text of a value ("12,5%", "30/06/2023", "si"). */
export function valueText(v: Value): string {
  return describeValue(v);
}

/** A comparable number for a value (dates as serials), or null. */
export function comparable(v: Value): number | null {
  if (v.kind === "number") return v.value;
  if (v.kind === "date") return v.serial;
  return null;
}
