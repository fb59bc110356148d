// What a `piano-perf` command module gets from main.ts: file reading and saving with the
// CLI's checks and messages, and the output streams. Commands live in src/cli/commands/.
import type { WorkbookGrid } from "../../core/reader/grid";
import type ExcelJS from "exceljs";
import { CLI } from "../../messages/cli";

export interface CommandContext {
  /** Reads and parses an .xlsx (exit 2 with an Italian message when it cannot). */
  load(file: string): Promise<ExcelJS.Workbook>;
  /** Reads an .xlsx package into the reader's cell model, marks read (the package reader, as `calcola`). */
  readGrid(file: string): WorkbookGrid;
  /** Saves through a temporary file; never the input. */
  save(workbook: ExcelJS.Workbook, file: string): Promise<void>;
  sameFile(a: string, b: string): boolean;
  /** A usage error: message (and the usage text), exit 2. */
  usageError(message: string): Error;
  stdout(text: string): void;
}

/** A command: its arguments after the command name; resolves to the exit code. */
export type Command = (args: string[], ctx: CommandContext) => Promise<number>;

/** Splits `FILE… [--json] [--out X]`; unknown options are usage errors. */
export function parseCommandArgs(args: string[], ctx: CommandContext, allowed: { out?: boolean; json?: boolean }): { files: string[]; out?: string; json: boolean } {
  const files: string[] = [];
  let out: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json" && allowed.json) json = true;
    else if ((a === "--out" || a.startsWith("--out=")) && allowed.out) {
      const v = a === "--out" ? args[++i] : a.slice("--out=".length);
      if (!v || v.startsWith("--")) throw ctx.usageError(OUT_MISSING);
      out = v;
    } else if (a.startsWith("-") && a.length > 1) throw ctx.usageError(UNKNOWN(a));
    else files.push(a);
  }
  return { files, out, json };
}

const OUT_MISSING = CLI.outMissingValue;
const UNKNOWN = (a: string) => CLI.unknownOption(a);
