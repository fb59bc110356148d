// «scostamento»: lower is better, 2 − Stato ÷ Target (GZOOM's reflection "C").
import { boundedRaw, same, type NumericRule } from "./common";

export const reflection: NumericRule = (a, t) => {
  const achieved = a <= t || same(a, t);
  if (t > 0) {
    const r = boundedRaw(2 - a / t, achieved);
    return r.score < (achieved ? 1 : 0) ? { score: achieved ? 1 : 0, achieved } : r;
  }
  return { score: achieved ? 1 : 0, achieved };
};
