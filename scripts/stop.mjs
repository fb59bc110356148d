// npm stop: stops the dev server `npm start` left running (by its recorded PID, and its
// process group), and removes the sideloaded add-in where `npm start` had sideloaded it.
import { spawnSync } from "node:child_process";
import { clearState, loadMessages, root, runningServer } from "./start.mjs";

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function main() {
  const m = await loadMessages();
  const server = runningServer();
  if (!server) {
    console.log(m.stop.notRunning);
    return;
  }
  if (server.stale) {
    clearState();
    console.log(m.stop.stale);
    return;
  }
  const { pid } = server;
  if (server.sideloaded) {
    console.log(m.stop.unregistering);
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    spawnSync(npx, ["--yes", "office-addin-debugging", "stop", "manifest.xml"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  }
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "ignore" });
  } else {
    // The server was started detached: it leads its own process group.
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, "SIGTERM");
      } catch {
        /* not a group, or already gone */
      }
    }
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        process.kill(pid, "SIGKILL");
      }
    }
  }
  clearState();
  console.log(m.stop.stopped(pid));
}

main().catch((e) => {
  console.error(e && e.message ? e.message : String(e));
  process.exit(1);
});
