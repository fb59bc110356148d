// «rapporto»: higher is better, Stato ÷ Target; a non-positive target is met or not.
import { boundedRaw, same, type NumericRule } from "./common";

export const ratio: NumericRule = (a, t) => {
  const achieved = a >= t || same(a, t);
  if (t > 0 && a >= 0) return achieved ? boundedRaw(Math.max(1, a / t), true) : { score: a / t, achieved };
  return { score: achieved ? 1 : 0, achieved };
};
