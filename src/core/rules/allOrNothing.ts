// «tutto o niente»: 100% when the comparison holds, else 0% (numbers and day numbers alike).
import type { Operator } from "../types";
import { same, type NumericRule, type Raw } from "./common";

/** "=": equal or not (the default rule of "="). */
export const exact: NumericRule = (a, t) => {
  const achieved = same(a, t);
  return { score: achieved ? 1 : 0, achieved };
};

/** Met by the operator's direction: ≥, ≤ or =. */
export function allOrNothing(op: Operator, a: number, t: number): Raw {
  const achieved = same(a, t) || (op === ">=" ? a > t : op === "<=" ? a < t : false);
  return { score: achieved ? 1 : 0, achieved };
}
