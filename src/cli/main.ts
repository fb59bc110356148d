// `piano-perf`: the headless path. Reads an .xlsx with ExcelJS, runs the same reader and
// engine as the add-in, prints an Italian report or JSON, and with --out saves a copy as
// the add-in would leave it. The input file is never written. Exit: 0 no errors, 1 errors
// in the plan, 2 unreadable file or wrong usage — always a message, never a stack trace.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import seed from "../../assets/seed/pira-2022.json";
import { analysisAfterWrites, analyzeWorkbook, type WorkbookAnalysis } from "../core/reader";
import type { WorkbookGrid } from "../core/reader/grid";
import { applyWrites, buildExampleWorkbook, gridFromExcelJs, writeSummarySheet, type SeedPlan } from "../adapters/exceljs";
import { CLI } from "../messages/cli";
import { toJsonReport, textReport } from "./report";
import { parsePolicy, type Policy } from "../core/policy";
import { POLICY_FILE } from "../messages/engine";

/** A failure the user can act on: message printed (with the usage when `showUsage`), exit code 2. */
class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
  }
}

interface Args {
  command: "verifica" | "calcola" | "esempio";
  file: string;
  out?: string;
  json: boolean;
  /** `--regole SMVP.json`: a body's SMVP file, used instead of the workbook's policy. */
  rules?: string;
}

/** Files above this size get progress lines on stderr. */
const LARGE_FILE_BYTES = 1_000_000;

export function parseArgs(argv: string[]): Args | "help" {
  if (!argv.length) throw new UsageError(CLI.noCommand, true);
  if (argv[0] === "--help" || argv[0] === "-h" || argv[0] === "aiuto") return "help";
  const [command, ...rest] = argv;
  if (command !== "verifica" && command !== "calcola" && command !== "esempio") throw new UsageError(CLI.unknownCommand(command), true);
  let file: string | undefined;
  let out: string | undefined;
  let json = false;
  let rules: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--json") {
      if (command === "esempio") throw new UsageError(CLI.optionNotAllowed(a, command), true);
      json = true;
    } else if (a === "--out" || a.startsWith("--out=")) {
      if (command !== "calcola") throw new UsageError(CLI.optionNotAllowed("--out", command), true);
      const v = a === "--out" ? rest[++i] : a.slice("--out=".length);
      if (!v || v.startsWith("--")) throw new UsageError(CLI.outMissingValue, true);
      out = v;
    } else if (a === "--regole" || a.startsWith("--regole=")) {
      if (command === "esempio") throw new UsageError(CLI.optionNotAllowed("--regole", command), true);
      const v = a === "--regole" ? rest[++i] : a.slice("--regole=".length);
      if (!v || v.startsWith("--")) throw new UsageError(POLICY_FILE.missingValue, true);
      rules = v;
    } else if (a.startsWith("-") && a.length > 1) {
      throw new UsageError(CLI.unknownOption(a), true);
    } else if (file === undefined) {
      file = a;
    } else {
      throw new UsageError(CLI.extraArgument(a), true);
    }
  }
  if (!file) throw new UsageError(CLI.missingFile(command), true);
  return { command, file, out, json, ...(rules ? { rules } : {}) };
}

function readInput(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(CLI.fileNotFound(file));
  }
  if (!stat.isFile()) throw new UsageError(CLI.notAFile(file));
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(CLI.cannotRead(file, (e as Error).message));
  }
}

async function loadWorkbook(file: string, buffer: Buffer): Promise<ExcelJS.Workbook> {
  // Tell the usual wrong files apart before ExcelJS gives a cryptic zip error.
  if (buffer.length >= 8 && buffer.readUInt32BE(0) === 0xd0cf11e0) throw new UsageError(CLI.oldXls(file));
  if (buffer.length < 4 || buffer[0] !== 0x50 || buffer[1] !== 0x4b) throw new UsageError(CLI.notXlsx(file));
  const wb = new ExcelJS.Workbook();
  try {
    // A copy: ExcelJS never sees the caller's buffer, and nothing ever writes the input path.
    await wb.xlsx.load(Buffer.from(buffer) as unknown as ArrayBuffer);
  } catch (e) {
    throw new UsageError(CLI.corruptXlsx(file, (e as Error).message));
  }
  return wb;
}

/** Reads a body's SMVP file; an unreadable or invalid one stops with the Italian errors (exit 2). */
function readPolicyFile(file: string): Policy {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(POLICY_FILE.cannotRead(file, (e as Error).message));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(POLICY_FILE.notJson(file, (e as Error).message));
  }
  const checked = parsePolicy(raw);
  if (!checked.ok) throw new UsageError(POLICY_FILE.invalid(file, checked.errors));
  return checked.policy;
}

function sameFile(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Writes through a temporary file, so a failed write never leaves half a workbook. */
async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing left to clean */
    }
    throw new UsageError(CLI.cannotWrite(file, (e as Error).message));
  }
}

function cellCount(grid: WorkbookGrid): number {
  return grid.sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
}

/**
 * Leaves `wb` as the add-in would: computed performances written, the summary sheet built
 * (from the workbook as written, so a second run gives the same summary) and the settings
 * sheet listing the sheets the add-in owns.
 */
export function finishWorkbook(wb: ExcelJS.Workbook, analysis: WorkbookAnalysis): { written: number; summary: string } {
  const written = applyWrites(wb, analysis.writes);
  return { written, summary: writeSummarySheet(wb, analysisAfterWrites(analysis)) };
}

async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args === "help") {
    process.stdout.write(CLI.usage + "\n" + POLICY_FILE.usage + "\n");
    return 0;
  }
  if (args.command === "esempio") {
    const wb = buildExampleWorkbook(new ExcelJS.Workbook(), seed as SeedPlan);
    await saveWorkbook(wb, args.file);
    process.stdout.write(CLI.example.written(args.file, wb.worksheets.length) + "\n");
    return 0;
  }
  if (args.out && sameFile(args.file, args.out)) throw new UsageError(CLI.outIsInput);

  const policy = args.rules ? readPolicyFile(args.rules) : undefined;
  const buffer = readInput(args.file);
  const showProgress = buffer.length >= LARGE_FILE_BYTES || process.env.PIANO_PERF_PROGRESS === "1";
  const progress = showProgress ? (line: string) => process.stderr.write(line + "\n") : () => undefined;
  progress(CLI.progressRead(args.file, (buffer.length / 1e6).toLocaleString("it-IT", { maximumFractionDigits: 1 })));
  const wb = await loadWorkbook(args.file, buffer);
  const grid = gridFromExcelJs(wb);
  progress(CLI.progressAnalyze(cellCount(grid)));
  const analysis = analyzeWorkbook(grid, policy);
  const errors = analysis.problems.filter((p) => p.severity === "error").length;

  let outcome: { written: number; summary: string } | null = null;
  if (args.command === "calcola" && args.out && analysis.cardCount > 0) {
    outcome = finishWorkbook(wb, analysis);
    progress(CLI.progressWrite(args.out));
    await saveWorkbook(wb, args.out);
  }

  if (args.json) {
    process.stdout.write(JSON.stringify(toJsonReport(analysis)) + "\n");
  } else {
    process.stdout.write(textReport(analysis, { command: args.command, file: args.file, out: args.out, outcome }) + "\n");
  }
  return errors > 0 ? 1 : 0;
}

function fail(message: string): number {
  process.stderr.write(message + "\n");
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      return fail(e.showUsage ? `${e.message}\n\n${CLI.usage}` : e.message);
    }
    return fail(CLI.internalError(e instanceof Error ? e.message : String(e)));
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
