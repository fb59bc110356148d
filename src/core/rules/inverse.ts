// «inverso»: lower is better, Target ÷ Stato. Stato 0 (or below) against a positive
// target is met and scores 100% (as PERFORM+): no ratio exists, and none is shown.
import { boundedRaw, same, type NumericRule } from "./common";

export const inverse: NumericRule = (a, t) => {
  const achieved = a <= t || same(a, t);
  if (a > 0 && t >= 0) return achieved ? boundedRaw(Math.max(1, t / a), true) : { score: t / a, achieved };
  return { score: achieved ? 1 : 0, achieved };
};
