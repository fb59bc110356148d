// `piano-perf nuovo-anno FILE.xlsx --out NUOVO.xlsx`: next year's plan from this year's
// workbook (src/core/nextYear.ts), written to a new file; the input is never written.
import { gridFromExcelJs } from "../../adapters/exceljs";
import { applyNextYear } from "../../adapters/exceljs/nextYear";
import { planNextYear } from "../../core/nextYear";
import { NEXT_YEAR_CLI } from "../../messages/phasesCli";
import { parseCommandArgs, type Command } from "./context";

export const nextYearCommand: Command = async (args, ctx) => {
  const { files, out, json } = parseCommandArgs(args, ctx, { out: true, json: true });
  if (files.length !== 1) throw ctx.usageError(files.length ? NEXT_YEAR_CLI.oneFile : NEXT_YEAR_CLI.missingFile);
  if (!out) throw ctx.usageError(NEXT_YEAR_CLI.missingOut);
  const [file] = files;
  if (ctx.sameFile(file, out)) throw ctx.usageError(NEXT_YEAR_CLI.outIsInput);
  const wb = await ctx.load(file);
  const plan = planNextYear(gridFromExcelJs(wb));
  if (plan.problems.length) {
    ctx.stdout(json ? JSON.stringify({ written: false, problems: plan.problems }) : plan.problems.map((p) => p.message).join("\n"));
    return 1;
  }
  applyNextYear(wb, plan);
  await ctx.save(wb, out);
  if (json) {
    ctx.stdout(JSON.stringify({ written: true, out, fromYear: plan.fromYear, year: plan.year, objectives: plan.objectives, indicators: plan.indicators, toDefine: plan.toDefine, toUpdate: plan.notes.map((n) => ({ sheet: n.sheet, cell: n.address, field: n.field ?? null, kind: n.kind ?? "update" })) }));
  } else {
    ctx.stdout(NEXT_YEAR_CLI.report(file, out, plan));
  }
  return 0;
};
