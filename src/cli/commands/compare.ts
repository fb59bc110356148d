// `piano-perf confronta PREVENTIVO.xlsx CONSUNTIVO.xlsx [--json]`: what changed between the
// two plans (src/core/compare.ts). Exit 0 whatever the differences (they are the answer).
import { analyzeWorkbook } from "../../core/reader";
import { comparePlansReport } from "../../core/compare";
import { COMPARE } from "../../messages/phases";
import { COMPARE_CLI } from "../../messages/phasesCli";
import { parseCommandArgs, type Command } from "./context";

export const compareCommand: Command = async (args, ctx) => {
  const { files, json } = parseCommandArgs(args, ctx, { json: true });
  if (files.length !== 2) throw ctx.usageError(COMPARE_CLI.twoFiles);
  const [a, b] = files.map((f) => analyzeWorkbook(ctx.readGrid(f)));
  const c = comparePlansReport(a, b);
  if (json) {
    const notices = c.targetsCompared ? [] : [COMPARE.noCommonYear(files[0], c.targetYears.before, files[1], c.targetYears.after)];
    ctx.stdout(
      JSON.stringify({
        before: { file: files[0], phase: a.phase ?? null, year: a.year ?? null, targetYears: c.targetYears.before },
        after: { file: files[1], phase: b.phase ?? null, year: b.year ?? null, targetYears: c.targetYears.after },
        targetsCompared: c.targetsCompared,
        comparedYears: c.targetYears.common,
        differences: c.differences,
        notices,
      }),
    );
  } else {
    ctx.stdout(COMPARE_CLI.report(files[0], files[1], a, b, c));
  }
  return 0;
};
