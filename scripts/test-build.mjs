// `npm run test:build`: the production build for the test host, then the build-output and
// browser tests (jest.build.config.js) on it. PIANO_PROD_URL, if set, wins over the test host.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const { TEST_PROD_URL } = require("./test-prod-url.cjs");
const env = { ...process.env, PIANO_PROD_URL: process.env.PIANO_PROD_URL || TEST_PROD_URL };

function node(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

console.log(`[test] build di produzione per ${env.PIANO_PROD_URL}`);
node([path.join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"]);
node([path.join(root, "node_modules", "jest", "bin", "jest.js"), "-c", "jest.build.config.js", ...process.argv.slice(2)]);
