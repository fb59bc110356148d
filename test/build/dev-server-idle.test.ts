// `npm start` rebuilt forever (issue 9: 6,372 compilations in an hour, idle): a glob copy
// pattern at the project root ("manifest*.xml") made webpack watch the whole root, and the
// dev server's own log, written inside it at each compilation, set off the next one. This
// starts the dev server as `npm start` does (node + webpack's bin, log file inside the
// project), leaves it idle for 30 s and expects exactly one compilation.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const IDLE_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

const compilations = (log: string) => (log.match(/compiled (successfully|with \d+ warnings?|with \d+ errors?)/g) ?? []).length;

describe("webpack dev server, left idle", () => {
  // A folder inside the project, as npm start's node_modules/.cache/piano/ is, but not one
  // of watchOptions.ignored: the fix must not depend on ignoring it.
  const stateDir = path.join(root, ".piano-idle-test");
  const logFile = path.join(stateDir, "dev-server.log");
  let child: ChildProcess | null = null;

  afterAll(() => {
    if (child && child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  test("compiles once and then stays quiet for 30 s", async () => {
    fs.mkdirSync(stateDir, { recursive: true });
    const out = fs.openSync(logFile, "w");
    const port = await freePort();
    child = spawn(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development", "--port", String(port)], {
      cwd: root,
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env, PIANO_HTTP: "1" },
    });
    const read = () => fs.readFileSync(logFile, "utf8");
    const deadline = Date.now() + 150_000;
    while (compilations(read()) === 0) {
      if (child.exitCode !== null) throw new Error(`dev server exited ${child.exitCode}:\n${read()}`);
      if (Date.now() > deadline) throw new Error(`no compilation in 150 s:\n${read().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    // The server answers (it is the real thing, not a crashed process).
    const res = await fetch(`http://localhost:${port}/taskpane.html`);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const log = read();
    expect(child.exitCode).toBeNull();
    expect(compilations(log)).toBe(1);
  }, 240_000);
});
