// npm run bench: bundles every bench/*.bench.ts with esbuild and runs each in its own
// process, so one figure never warms up another's JIT.
import { readdirSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { build } from "esbuild";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const dir = path.join(root, "bench");
const only = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only))).sort();
// Inside the repo, so the bundles resolve their external packages from node_modules.
const out = path.join(root, "node_modules", ".cache", "piano-bench");
mkdirSync(out, { recursive: true });
let failed = 0;
for (const f of files) {
  const outfile = path.join(out, f.replace(/\.ts$/, ".cjs"));
  await build({ entryPoints: [path.join(dir, f)], bundle: true, platform: "node", target: "node20", format: "cjs", outfile, external: ["exceljs", "playwright-core"], logLevel: "error" });
  console.log(`\n== ${f}`);
  const r = spawnSync(process.execPath, ["--expose-gc", outfile], { stdio: "inherit", cwd: root });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
