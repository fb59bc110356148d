// npm start: builds and serves the add-in (webpack-dev-server, in the background, PID
// recorded for `npm stop`), then sideloads it into desktop Excel where
// office-addin-debugging can (Windows, macOS; fetched on demand with npx, deliberately not
// a dependency: its toolkit's native keytar does not build on a clean Linux). Otherwise —
// Linux, no Excel, or a failure — it prints the manifest path, how to sideload into Excel
// on the web, and the URL of the browser preview, which it opens if it can. Never needs
// sudo; never fails because there is no browser.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const stateDir = path.join(root, "node_modules", ".cache", "piano");
export const pidFile = path.join(stateDir, "dev-server.pid");
export const logFile = path.join(stateDir, "dev-server.log");
export const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const READY_TIMEOUT_S = 240;

/** The Italian strings of src/messages/ui.ts, compiled on the fly (esbuild is a dev dependency). */
export async function loadMessages() {
  const { build } = await import("esbuild");
  const out = await build({ entryPoints: [path.join(root, "src", "messages", "ui.ts")], bundle: true, write: false, format: "esm", platform: "node", logLevel: "silent" });
  const mod = await import("data:text/javascript;base64," + Buffer.from(out.outputFiles[0].text).toString("base64"));
  return mod.ui;
}

/** The recorded server, if its process is alive and still is our webpack server. */
export function runningServer() {
  if (!existsSync(pidFile)) return null;
  let state;
  try {
    state = JSON.parse(readFileSync(pidFile, "utf8"));
  } catch {
    return { stale: true };
  }
  const pid = Number(state.pid);
  if (!Number.isInteger(pid) || pid <= 0) return { stale: true };
  try {
    process.kill(pid, 0);
  } catch {
    return { stale: true, pid };
  }
  // Guard against a reused PID: on Linux the command line must still be webpack's.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline) && !readFileSync(cmdline, "utf8").includes("webpack")) return { stale: true, pid };
  return { pid, url: state.url, sideloaded: Boolean(state.sideloaded) };
}

export function clearState() {
  rmSync(pidFile, { force: true });
}

function probe(url) {
  return new Promise((resolve) => {
    const lib = url.startsWith("https") ? https : http;
    const req = lib.get(url, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
  });
}

/** The base URL once the server answers (http or https: webpack.config.js decides). */
async function waitForServer(child, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) return null;
    for (const proto of ["http", "https"]) {
      const base = `${proto}://localhost:${port}/`;
      if (await probe(base + "preview.html")) return base;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return null;
}

function tail(file, lines = 25) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function hasCommand(cmd) {
  const r = spawnSync(process.platform === "win32" ? "where" : "which", [cmd], { stdio: "ignore" });
  return r.status === 0;
}

/** Opens the URL in a browser if the machine has a way to; true when it tried. */
function openBrowser(url) {
  if (process.env.PIANO_NO_OPEN === "1") return false;
  try {
    if (process.platform === "win32") {
      spawn("cmd", ["/c", "start", "", url], { detached: true, stdio: "ignore" }).unref();
      return true;
    }
    if (process.platform === "darwin") {
      spawn("open", [url], { detached: true, stdio: "ignore" }).unref();
      return true;
    }
    // Linux: only with a graphical session, or xdg-open may start a text browser here.
    if (!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || !hasCommand("xdg-open")) return false;
    const child = spawn("xdg-open", [url], { detached: true, stdio: "ignore" });
    child.on("error", () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

function sideload(m) {
  console.log(m.start.sideloading);
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const r = spawnSync(npx, ["--yes", "office-addin-debugging", "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server-port", String(port)], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
    timeout: 10 * 60 * 1000,
  });
  return r.status === 0;
}

async function main() {
  const m = await loadMessages();
  let running = runningServer();
  if (running && running.stale) {
    clearState();
    running = null;
  }
  let base;
  let pid;
  if (running) {
    console.log(m.start.already(running.pid));
    pid = running.pid;
    base = (await waitForServer(null, 10)) ?? running.url;
  } else {
    console.log(m.start.building);
    mkdirSync(stateDir, { recursive: true });
    const out = openSync(logFile, "w");
    // Started as node + webpack's own bin (not through npx) so this PID is the server's.
    const child = spawn(process.execPath, [path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development"], {
      cwd: root,
      detached: true,
      stdio: ["ignore", out, out],
      env: { ...process.env },
    });
    pid = child.pid;
    writeFileSync(pidFile, JSON.stringify({ pid, url: null, startedAt: new Date().toISOString() }));
    base = await waitForServer(child, READY_TIMEOUT_S);
    if (!base) {
      const exited = child.exitCode !== null;
      console.error(exited ? m.start.failed(logFile) : m.start.timeout(READY_TIMEOUT_S, logFile));
      console.error(tail(logFile));
      if (!exited) {
        try {
          process.kill(-pid, "SIGTERM");
        } catch {
          /* already gone */
        }
      }
      clearState();
      process.exit(1);
    }
    child.unref();
    console.log(m.start.started(pid, base));
    console.log(m.start.log(logFile));
  }
  const previewUrl = base + "preview.html";
  console.log(base.startsWith("https") ? m.start.https : m.start.http);

  let sideloaded = false;
  if ((process.platform === "win32" || process.platform === "darwin") && base.startsWith("https")) {
    sideloaded = sideload(m);
    console.log(sideloaded ? m.start.sideloaded : m.start.sideloadFailed);
  } else if (process.platform === "linux") {
    console.log(m.start.linux);
  }
  writeFileSync(pidFile, JSON.stringify({ pid, url: base, sideloaded, startedAt: new Date().toISOString() }));

  if (!sideloaded) {
    console.log("");
    console.log(m.start.manifest(path.join(root, "manifest.xml")));
    console.log(m.start.webHeading);
    for (const line of m.start.webSteps) console.log("   " + line);
    console.log("");
    console.log(m.start.previewHeading);
    console.log("   " + previewUrl);
    console.log(openBrowser(previewUrl) ? m.start.opened : m.start.noOpener);
  }
  console.log(m.start.stopHint);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e && e.message ? e.message : String(e));
    process.exit(1);
  });
}
