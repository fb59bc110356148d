// `piano-perf documento FILE.xlsx --out PIRA.docx [--ente NOME] [--fase consuntivo|preventivo]`:
// the PIRA document generated from the workbook (same reader and engine as the add-in).
// Exit 0 written, 1 written but the plan has errors (or no card: nothing written), 2 wrong
// usage or unreadable file — always an Italian message.
import type { XlsxPackage } from "../../adapters/xlsx";
import path from "node:path";
import { analyzeWorkbook } from "../../core/reader";
import type { WorkbookGrid } from "../../core/reader/grid";
import { piraDocx } from "../../adapters/docx";
import { DOCUMENT_CLI } from "../../messages/document";
import type { DocumentPhase } from "../../messages/document";
import { CLI } from "../../messages/cli";
import type { Policy } from "../../core/policy";

/** What the command needs from main.ts (file handling and its error type), passed in to avoid a cycle. */
export interface CliIo {
  usageError(message: string, showUsage?: boolean): Error;
  readInput(file: string): Buffer;
  /** The file as a checked package (its parts inflated once) and its cells in the reader's model, marks read. */
  readPackageGrid(file: string, buffer: Buffer): { pkg: XlsxPackage; grid: WorkbookGrid };
  sameFile(a: string, b: string): boolean;
  /** Reads and checks `--regole SMVP.json` (Italian usage error when unreadable). */
  readPolicyFile(file: string): Policy;
  /** Writes through a temporary file (never half a file). */
  writeAtomic(file: string, data: Uint8Array): void;
  stdout(line: string): void;
  stderr(line: string): void;
}

export interface DocumentoArgs {
  file: string;
  out: string;
  ente?: string;
  phase?: DocumentPhase;
  /** `--regole SMVP.json`, as for verifica and calcola. */
  rules?: string;
}

export function parseDocumentoArgs(rest: string[], io: Pick<CliIo, "usageError">): DocumentoArgs {
  let file: string | undefined;
  let out: string | undefined;
  let ente: string | undefined;
  let phase: DocumentPhase | undefined;
  let rules: string | undefined;
  // "--opt value" or "--opt=value".
  const take = (i: number, option: string, example: string): { v: string; next: number } => {
    const a = rest[i];
    const inline = a.startsWith(`${option}=`);
    const v = inline ? a.slice(option.length + 1) : rest[i + 1];
    if (!v || v.startsWith("--")) throw io.usageError(DOCUMENT_CLI.missingValue(option, example), true);
    return { v, next: inline ? i : i + 1 };
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const name = a.startsWith("--") ? a.split("=")[0] : a;
    if (name === "--out") {
      ({ v: out, next: i } = take(i, "--out", "PIRA.docx"));
    } else if (name === "--ente") {
      ({ v: ente, next: i } = take(i, "--ente", '"Camera di Commercio di …"'));
    } else if (name === "--regole") {
      ({ v: rules, next: i } = take(i, "--regole", "SMVP.json"));
    } else if (name === "--fase") {
      const t = take(i, "--fase", "consuntivo");
      i = t.next;
      const v = t.v.toLowerCase();
      if (v !== "consuntivo" && v !== "preventivo") throw io.usageError(DOCUMENT_CLI.badPhase(t.v), true);
      phase = v;
    } else if (a.startsWith("-") && a.length > 1) {
      throw io.usageError(a === "--json" ? CLI.optionNotAllowed(a, "documento") : CLI.unknownOption(a), true);
    } else if (file === undefined) {
      file = a;
    } else {
      throw io.usageError(CLI.extraArgument(a), true);
    }
  }
  if (!file) throw io.usageError(CLI.missingFile("documento"), true);
  if (!out) throw io.usageError(DOCUMENT_CLI.outRequired, true);
  if (!/\.docx$/i.test(out)) throw io.usageError(DOCUMENT_CLI.outNotDocx(out), true);
  return { file, out, ente, phase, ...(rules ? { rules } : {}) };
}

export async function runDocumento(rest: string[], io: CliIo): Promise<number> {
  const args = parseDocumentoArgs(rest, io);
  if (io.sameFile(args.file, args.out)) throw io.usageError(CLI.outIsInput);
  const policy = args.rules ? io.readPolicyFile(args.rules) : undefined;
  const { grid } = io.readPackageGrid(args.file, io.readInput(args.file));
  const analysis = analyzeWorkbook(grid, policy);
  if (analysis.cardCount === 0) {
    io.stderr(DOCUMENT_CLI.noCards(args.file));
    return 1;
  }
  const { bytes, rectifications, overrides, accepted } = await piraDocx(analysis, {
    ente: args.ente,
    phase: args.phase,
    source: path.basename(args.file),
    generatedAt: new Date(),
  });
  io.writeAtomic(args.out, bytes);
  const indicators = analysis.result.objectives.reduce((n, o) => n + o.indicators.length, 0);
  const errors = analysis.problems.filter((p) => p.severity === "error").length;
  io.stdout(DOCUMENT_CLI.documentWritten(args.out, analysis.result.objectives.length, indicators));
  io.stdout(DOCUMENT_CLI.annexLine(rectifications, overrides, accepted));
  if (errors) io.stdout(DOCUMENT_CLI.documentWarnings(errors));
  return errors > 0 ? 1 : 0;
}
