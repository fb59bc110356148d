// `piano-perf confronta PREVENTIVO.xlsx CONSUNTIVO.xlsx [--json]`: what changed between the
// two plans (src/core/compare.ts). Exit 0 whatever the differences (they are the answer).
import { gridFromExcelJs } from "../../adapters/exceljs";
import { analyzeWorkbook } from "../../core/reader";
import { comparePlans } from "../../core/compare";
import { COMPARE_CLI } from "../../messages/phasesCli";
import { parseCommandArgs, type Command } from "./context";

export const compareCommand: Command = async (args, ctx) => {
  const { files, json } = parseCommandArgs(args, ctx, { json: true });
  if (files.length !== 2) throw ctx.usageError(COMPARE_CLI.twoFiles);
  const [a, b] = await Promise.all(files.map(async (f) => analyzeWorkbook(gridFromExcelJs(await ctx.load(f)))));
  const diffs = comparePlans(a, b);
  if (json) {
    ctx.stdout(JSON.stringify({ before: { file: files[0], phase: a.phase ?? null, year: a.year ?? null }, after: { file: files[1], phase: b.phase ?? null, year: b.year ?? null }, differences: diffs }));
  } else {
    ctx.stdout(COMPARE_CLI.report(files[0], files[1], a, b, diffs));
  }
  return 0;
};
