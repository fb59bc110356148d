// `piano-perf`: the headless path. Reads an .xlsx package straight into the cell model
// (src/adapters/xlsx/grid.ts; ExcelJS only draws the add-in's own sheets and serves the
// commands that build whole workbooks), runs the same reader and engine as the add-in,
// prints an Italian report or JSON, and with --out saves a copy as the add-in would leave it. The input file is never written. Exit: 0 no errors, 1 errors
// in the plan, 2 unreadable file or wrong usage — always a message, never a stack trace;
// 141 (as a Unix tool killed by SIGPIPE) when the reader of the output goes away.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import seed from "../../assets/seed/pira-2022.json";
import { analyzeWorkbook } from "../core/reader";
import type { WorkbookGrid } from "../core/reader/grid";
import { buildExampleWorkbook, type SeedPlan } from "../adapters/exceljs";
import { addinOutput, FFLATE_CODEC, outputOutline, PackageError, XlsxPackage, type Codec } from "../adapters/xlsx";
import { gridFromPackage } from "../adapters/xlsx/grid";
import { CLI } from "../messages/cli";
import { DOCUMENT_CLI } from "../messages/document";
import { inspectPackage, PackageError as InspectError, type PackageInfo as InspectedPackage } from "../adapters/xlsx/inspect";
import { LimitError } from "../core/limits";
import { OUTPUT } from "../messages/output";
import { USER_DATA } from "../messages/userData";
import { toJsonReport, textReport } from "./report";
import { escapeControls } from "./terminal";
import { parsePolicy, type Policy } from "../core/policy";
import { POLICY_FILE } from "../messages/engine";
import { runDocumento, type CliIo } from "./commands/documento";
import { checkCsvPath, writeCsv } from "./commands/csv";
import type { Command, CommandContext } from "./commands/context";
import { nextYearCommand } from "./commands/nextYear";
import { compareCommand } from "./commands/compare";
import { cardPrintsOf, printLines, runStampa } from "./commands/stampa";
import { PRINT } from "../messages/print";
import { acceptForOutput, parseAcceptOption, type AcceptSelection } from "./commands/accept";
import { ACCEPT_CLI } from "../messages/rectifications";

/** Commands in their own modules (src/cli/commands), by name. */
const COMMANDS: Record<string, Command> = { "nuovo-anno": nextYearCommand, confronta: compareCommand };

const commandContext: CommandContext = {
  load: (file) => loadWorkbook(file, readInput(file)),
  readGrid: (file) => readGrid(file, readPackage(file, readInput(file))),
  save: (wb, file) => saveWorkbook(wb, file),
  sameFile: (a, b) => sameFile(a, b),
  usageError: (message) => new UsageError(message, true),
  stdout: (text) => process.stdout.write(text + "\n"),
};

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
  /** calcola --csv: the open-data CSV to write. */
  csv?: string;
  json: boolean;
  /** esempio: replace an existing file. */
  overwrite?: boolean;
  /** `--regole SMVP.json`: a body's SMVP file, used instead of the workbook's policy. */
  rules?: string;
  /** calcola --out --stampa: the card sheets of the copy prepared for printing. */
  print?: boolean;
  /** calcola --accetta-rettifiche[=FOGLIO!CELLA,…]: corrections accepted in the --out copy. */
  accept?: AcceptSelection;
}

/** Node's zlib (native) for the changed parts of the --out copy: the same DEFLATE as fflate's, several times faster. */
const NODE_CODEC: Codec = {
  deflateRaw: (data, level) => zlib.deflateRawSync(data, { level }),
  // zlib.crc32 is Node ≥ 20.15; before, fflate's.
  crc32: typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : FFLATE_CODEC.crc32,
};

/** Files above this size get progress lines on stderr. */
const LARGE_FILE_BYTES = 1_000_000;

export function parseArgs(argv: string[]): Args | "help" {
  if (!argv.length) throw new UsageError(CLI.noCommand, true);
  if (argv[0] === "--help" || argv[0] === "-h" || argv[0] === "aiuto") return "help";
  const [command, ...rest] = argv;
  if (command !== "verifica" && command !== "calcola" && command !== "esempio") throw new UsageError(CLI.unknownCommand(command), true);
  let file: string | undefined;
  let out: string | undefined;
  let csv: string | undefined;
  let json = false;
  let overwrite = false;
  let rules: string | undefined;
  let print = false;
  let accept: AcceptSelection | undefined;
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
    } else if (a === "--sovrascrivi") {
      if (command !== "esempio") throw new UsageError(CLI.optionNotAllowed(a, command), true);
      overwrite = true;
    } else if (a === "--regole" || a.startsWith("--regole=")) {
      if (command === "esempio") throw new UsageError(CLI.optionNotAllowed("--regole", command), true);
      const v = a === "--regole" ? rest[++i] : a.slice("--regole=".length);
      if (!v || v.startsWith("--")) throw new UsageError(POLICY_FILE.missingValue, true);
      rules = v;
    } else if (a === "--csv" || a.startsWith("--csv=")) {
      if (command !== "calcola") throw new UsageError(CLI.optionNotAllowed("--csv", command), true);
      const v = a === "--csv" ? rest[++i] : a.slice("--csv=".length);
      if (!v || v.startsWith("--")) throw new UsageError(DOCUMENT_CLI.csvMissingValue, true);
      csv = v;
    } else if (a === "--stampa") {
      if (command !== "calcola") throw new UsageError(CLI.optionNotAllowed(a, command), true);
      print = true;
    } else if (a === "--accetta-rettifiche" || a.startsWith("--accetta-rettifiche=")) {
      if (command !== "calcola") throw new UsageError(CLI.optionNotAllowed("--accetta-rettifiche", command), true);
      const parsed = parseAcceptOption(a);
      if ("bad" in parsed) throw new UsageError(ACCEPT_CLI.badCell(parsed.bad), true);
      accept = parsed.selection;
    } else if (a.startsWith("-") && a.length > 1) {
      throw new UsageError(CLI.unknownOption(a), true);
    } else if (file === undefined) {
      file = a;
    } else {
      throw new UsageError(CLI.extraArgument(a), true);
    }
  }
  if (!file) throw new UsageError(CLI.missingFile(command), true);
  if (print && !out) throw new UsageError(PRINT.cli.stampaNeedsOut, true);
  if (accept && !out) throw new UsageError(ACCEPT_CLI.needsOut, true);
  return { command, file, out, csv, json, ...(overwrite ? { overwrite } : {}), ...(rules ? { rules } : {}), ...(print ? { print } : {}), ...(accept ? { accept } : {}) };
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
  // Before ExcelJS inflates anything: what the file is, the size and cell limits (zip bombs,
  // huge merges), and the fixes ExcelJS needs (src/adapters/xlsx/inspect.ts).
  let pkg: InspectedPackage;
  try {
    pkg = inspectPackage(buffer);
  } catch (e) {
    if (e instanceof InspectError) throw new UsageError(e.forFile(file));
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    // A copy: ExcelJS never sees the caller's buffer, and nothing ever writes the input path.
    await wb.xlsx.load(Buffer.from(pkg.bytes) as unknown as ArrayBuffer);
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

/**
 * Where writing `file` must land: the file itself, or — for a symbolic link — the file the
 * link points to (the link stays a link). Refuses anything that is not a regular file
 * (devices such as /dev/full, FIFOs, sockets, directories). `mode` is the existing file's
 * permission bits (kept), undefined for a new file.
 */
export function outputTarget(file: string): { path: string; mode?: number; exists: boolean } {
  let p = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch {
      return { path: p, exists: false };
    }
    if (st.isSymbolicLink()) {
      p = path.resolve(path.dirname(p), fs.readlinkSync(p));
      continue;
    }
    if (!st.isFile()) throw new UsageError(OUTPUT.notRegular(file));
    return { path: p, mode: st.mode & 0o7777, exists: true };
  }
  throw new UsageError(OUTPUT.linkLoop(file));
}

/** Writes through a temporary file beside the target, so a failed write never leaves half a workbook. */
function saveBytes(data: Uint8Array, file: string): void {
  const target = outputTarget(file);
  const tmp = path.join(path.dirname(target.path), `.${path.basename(target.path)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: "wx", mode: target.mode ?? 0o666 });
    if (target.mode !== undefined) fs.chmodSync(tmp, target.mode);
    fs.renameSync(tmp, target.path);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing left to clean */
    }
    throw new UsageError(CLI.cannotWrite(file, (e as Error).message));
  }
}

async function saveWorkbook(wb: ExcelJS.Workbook, file: string): Promise<void> {
  saveBytes(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), file);
}

/** The package's cells in the reader's model; a part that cannot be read is the file's fault (exit 2). */
function readGrid(file: string, pkg: XlsxPackage): WorkbookGrid {
  try {
    return gridFromPackage(pkg);
  } catch (e) {
    if (e instanceof PackageError) throw new UsageError(CLI.corruptXlsx(file, e.message));
    throw e;
  }
}

/**
 * The file as a package, checked (what it is, the limits: see inspect.ts) and ready for the
 * package reader: its central directory read once, its parts inflated once. The input
 * buffer is only read.
 */
function readPackage(file: string, buffer: Buffer): XlsxPackage {
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let checked: InspectedPackage;
  try {
    checked = inspectPackage(bytes, undefined, { keepParts: true });
  } catch (e) {
    if (e instanceof InspectError) throw new UsageError(e.forFile(file));
    throw e;
  }
  try {
    const pkg = XlsxPackage.fromEntries(bytes, checked.entries, checked.parts);
    // The workbook part and its sheet list must be readable before anything else is.
    pkg.workbookPart();
    return pkg;
  } catch (e) {
    if (e instanceof PackageError) throw new UsageError(CLI.corruptXlsx(file, e.message));
    throw e;
  }
}

function cellCount(grid: WorkbookGrid): number {
  return grid.sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
}

/** When the summary is stamped: now, or SOURCE_DATE_EPOCH (seconds) for reproducible output. */
function buildTime(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}

/** File handling for the command modules under ./commands. */
const cliIo: CliIo = {
  usageError: (message, showUsage = false) => new UsageError(message, showUsage),
  readInput,
  readPackageGrid: (file, buffer) => {
    const pkg = readPackage(file, buffer);
    return { pkg, grid: readGrid(file, pkg) };
  },
  sameFile,
  readPolicyFile,
  writeAtomic: (file, data) => saveBytes(data, file),
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
};

async function run(argv: string[]): Promise<number> {
  if (argv[0] === "documento") return runDocumento(argv.slice(1), cliIo);
  if (argv[0] === "stampa") return runStampa(argv.slice(1), cliIo);
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, argv[0] ?? "") ? COMMANDS[argv[0]] : undefined;
  if (command) return command(argv.slice(1), commandContext);
  const args = parseArgs(argv);
  if (args === "help") {
    process.stdout.write(CLI.usage + "\n" + POLICY_FILE.usage + "\n");
    return 0;
  }
  if (args.command === "esempio") {
    if (!args.overwrite && existsOrLink(args.file)) throw new UsageError(OUTPUT.exampleExists(args.file));
    const wb = buildExampleWorkbook(new ExcelJS.Workbook(), seed as SeedPlan);
    await saveWorkbook(wb, args.file);
    process.stdout.write(CLI.example.written(args.file, wb.worksheets.length) + "\n");
    return 0;
  }
  if (args.out && sameFile(args.file, args.out)) throw new UsageError(CLI.outIsInput);
  if (args.csv) checkCsvPath(args.csv, args.file, args.out, cliIo);

  const policy = args.rules ? readPolicyFile(args.rules) : undefined;
  const buffer = readInput(args.file);
  const showProgress = buffer.length >= LARGE_FILE_BYTES || process.env.PIANO_PERF_PROGRESS === "1";
  const progress = showProgress ? (line: string) => process.stderr.write(line + "\n") : () => undefined;
  progress(CLI.progressRead(args.file, (buffer.length / 1e6).toLocaleString("it-IT", { maximumFractionDigits: 1 })));
  // The package itself is read (src/adapters/xlsx/grid.ts): the check reads the central
  // directory and inflates each part once, counting against the limits; the package reader
  // takes the cells from those parts, and the output is written into the same package. No
  // spreadsheet object model is built (ExcelJS's was most of a big plan's time and memory).
  const pkg = readPackage(args.file, buffer);
  let grid = readGrid(args.file, pkg);
  // Read: the parts' inflated bytes can go (the writer inflates again the few it edits).
  pkg.release();
  progress(CLI.progressAnalyze(cellCount(grid)));
  const analysis = analyzeWorkbook(grid, policy);
  const errors = analysis.problems.filter((p) => p.severity === "error").length;
  // Analysed: the output needs only the outline of the grid (the plan's cells can go), unless
  // the cards are prepared for printing from it.
  if (!args.print) grid = outputOutline(grid);

  let outcome: { written: number; summary: string; notes?: string[] } | null = null;
  // --accetta-rettifiche: the copy as written, with the corrections accepted (refused before anything is written).
  let accepted: ReturnType<typeof acceptForOutput> | null = null;
  if (args.command === "calcola" && args.out && analysis.cardCount > 0) {
    outputTarget(args.out); // refuse a device or a FIFO before any work
    if (args.accept) {
      accepted = acceptForOutput(analysis, args.accept, buildTime());
      if (accepted.unknown.length) throw new UsageError(ACCEPT_CLI.unknown(accepted.unknown));
    }
    const print = args.print ? cardPrintsOf(pkg, grid, analysis.plan) : undefined;
    const out = await addinOutput(pkg, grid, analysis, () => new ExcelJS.Workbook(), {
      codec: NODE_CODEC,
      source: path.basename(args.file),
      producedAt: buildTime(),
      ...(print ? { print } : {}),
      ...(accepted ? { after: accepted.analysis } : {}),
    });
    outcome = {
      written: out.written,
      summary: out.summary,
      notes: [...out.cutCells.map((c) => USER_DATA.summaryCellCut(out.summary, c.cell, c.length)), ...(print ? printLines(print, args.out) : []), ...(accepted ? [ACCEPT_CLI.done(accepted.accepted)] : [])],
    };
    progress(CLI.progressWrite(args.out));
    saveBytes(out.bytes, args.out);
  }

  const csvLine = args.csv && analysis.cardCount > 0 ? writeCsv(analysis, args.csv, cliIo) : null;

  if (args.json) {
    // With corrections accepted, the corrections as the copy now holds them.
    const report = toJsonReport(analysis);
    if (accepted) Object.assign(report, { rectifications: toJsonReport(accepted.analysis).rectifications, acceptedRectifications: toJsonReport(accepted.analysis).acceptedRectifications });
    process.stdout.write(JSON.stringify(report) + "\n");
  } else {
    process.stdout.write(textReport(analysis, { command: args.command, file: args.file, out: args.out, outcome }) + "\n");
    if (csvLine) process.stdout.write(csvLine + "\n");
  }
  return errors > 0 ? 1 : 0;
}

function existsOrLink(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function fail(message: string): number {
  process.stderr.write(message.split("\n").map(escapeControls).join("\n") + "\n");
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      return fail(e.showUsage ? `${e.message}\n\n${CLI.usage}` : e.message);
    }
    if (e instanceof LimitError) return fail(e.message);
    return fail(CLI.internalError(e instanceof Error ? e.message : String(e)));
  }
}

/** What a shell shows for a command killed by SIGPIPE (128 + 13), as `yes | head -1` leaves `yes`. */
export const EXIT_BROKEN_PIPE = 141;

/**
 * The reader of our output went away (`piano-perf verifica x.xlsx | head -3`): stop at once and
 * quietly, as Unix tools do on SIGPIPE — no stack trace, nothing more written. Node ignores
 * SIGPIPE and reports EPIPE as an 'error' event that, unhandled, crashes with a stack. Every
 * output file is written synchronously through a temporary file renamed whole (saveBytes), so
 * this handler never runs in the middle of one: an --out file is either complete or absent.
 */
function exitOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.exit(EXIT_BROKEN_PIPE);
  });
}
exitOnBrokenPipe(process.stdout);
exitOnBrokenPipe(process.stderr);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 2;
  },
);
