// `piano-perf … | head -3`: the reader of the output closes early. Node ignores SIGPIPE and
// reports EPIPE as an 'error' event on process.stdout/stderr which, unhandled, crashes with a
// stack trace (https://nodejs.org/api/process.html#a-note-on-process-io — pipes are synchronous
// on Linux; https://nodejs.org/api/errors.html#common-system-errors — EPIPE). The CLI must stop
// quietly as Unix tools do (status 141, as a process killed by SIGPIPE), and an --out file must
// be either whole or absent.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { seed, saveXlsx, tableWorkbook, TABLE_COLUMNS, tmpDir } from "../reader/helpers";
import type { SeedPlan } from "../../src/adapters/exceljs";

jest.setTimeout(60_000);

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "piano-perf.js");
/** Linux's default pipe buffer: an output above it blocks until the reader reads (pipe(7)). */
const PIPE_BUFFER = 65_536;
const env = { ...process.env, SOURCE_DATE_EPOCH: "1700000000" };
const noStack = (s: string) => {
  expect(s).not.toMatch(/EPIPE/);
  expect(s).not.toMatch(/\n\s+at .+:\d+:\d+|Error:|node:internal|node:events/);
};

/**
 * `piano-perf ARGS | head -n 1` in bash: a real pipe (spawn's own stdio are socket pairs, whose
 * buffer is larger), stderr collected, the CLI's own exit status.
 */
function pipedIntoHead(args: string[]) {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = `${[process.execPath, bin, ...args].map(quote).join(" ")} | head -n 1; exit \${PIPESTATUS[0]}`;
  const r = spawnSync("bash", ["-c", script], { cwd: root, env, encoding: "utf8" });
  return { code: r.status, firstLine: r.stdout.replace(/\n$/, ""), stderr: r.stderr };
}

/**
 * Runs the CLI with `stream` piped into a reader that destroys its end after the first line
 * (the progress lines on stderr are written apart, so the next one meets the closed end); the
 * other stream is collected whole.
 */
function runClosingAfterFirstLine(args: string[], stream: "stdout" | "stderr", extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; firstLine: string; other: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...env, ...extraEnv } });
    const closing = child[stream];
    const other = stream === "stdout" ? child.stderr : child.stdout;
    let seen = "";
    let firstLine = "";
    let otherText = "";
    closing.setEncoding("utf8");
    closing.on("data", (chunk: string) => {
      if (firstLine) return;
      seen += chunk;
      const nl = seen.indexOf("\n");
      if (nl >= 0) {
        firstLine = seen.slice(0, nl);
        closing.destroy(); // the reader goes away, as `head -1` does
      }
    });
    other.setEncoding("utf8");
    other.on("data", (chunk: string) => (otherText += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, firstLine, other: otherText }));
  });
}

const dir = tmpDir("piano-perf-pipe-");
const big = path.join(dir, "grande.xlsx");

beforeAll(async () => {
  const b = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.mjs")], { cwd: root, encoding: "utf8" });
  if (b.status !== 0) throw new Error(b.stderr);
  // The seed four times over, every declared performance off by a little: a warning and a
  // correction line per indicator, a report well above the pipe buffer.
  const plan: SeedPlan = {
    ...seed,
    obiettivi: [1, 2, 3, 4].flatMap((copy) =>
      seed.obiettivi.map((o) => ({
        ...o,
        obiettivoOperativo: `${o.obiettivoOperativo} (copia ${copy})`,
        indicatori: o.indicatori.map((i) => ({ ...i, performance: "1%" })),
      })),
    ),
  };
  await saveXlsx(tableWorkbook(plan, TABLE_COLUMNS), big);
});

it("the report is larger than the pipe buffer, so a reader that closes early breaks the pipe", () => {
  const full = spawnSync(process.execPath, [bin, "verifica", big], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  expect(full.stderr).toBe("");
  expect(Buffer.byteLength(full.stdout)).toBeGreaterThan(2 * PIPE_BUFFER);
});

it("stops quietly when stdout's reader closes after the first line: no stack trace, no EPIPE", () => {
  const r = pipedIntoHead(["verifica", big]);
  expect(r.firstLine).toBe(`Piano Performance — verifica di ${big}`);
  noStack(r.stderr);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(141);
});

it("with --out: the copy is written whole before the report, and nothing half-written is left", () => {
  // Same name in two folders: the copies differ only in generated ids (the data bar's GUID).
  for (const d of ["intero", "interrotto"]) fs.mkdirSync(path.join(dir, d));
  const whole = path.join(dir, "intero", "copia.xlsx");
  const full = spawnSync(process.execPath, [bin, "calcola", big, "--out", whole], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  expect(full.stderr).toBe("");
  const out = path.join(dir, "interrotto", "copia.xlsx");
  const r = pipedIntoHead(["calcola", big, "--out", out]);
  expect(r.firstLine).toContain("Piano Performance");
  noStack(r.stderr);
  expect(r.code).toBe(141);
  // The interrupted run's copy is a whole workbook, read back as the uninterrupted one.
  const verified = (f: string) => spawnSync(process.execPath, [bin, "verifica", f, "--json"], { cwd: root, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const [a, b] = [verified(whole), verified(out)];
  expect(b.stderr).toBe("");
  expect(b.stdout.length).toBeGreaterThan(PIPE_BUFFER);
  expect(b.stdout).toBe(a.stdout);
  expect(fs.readdirSync(path.dirname(out))).toEqual(["copia.xlsx"]);
});

it("stops quietly when stderr's reader closes after the first progress line, before any --out is written", async () => {
  const out = path.join(dir, "interrotta.xlsx");
  const r = await runClosingAfterFirstLine(["calcola", big, "--out", out], "stderr", { PIANO_PERF_PROGRESS: "1" });
  expect(r.firstLine).toContain(path.basename(big));
  expect(r.code).toBe(141);
  expect(r.other).toBe(""); // stopped before the report
  expect(fs.existsSync(out)).toBe(false);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});
