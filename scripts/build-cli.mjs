// Bundles the headless command (src/cli) into lib/cli.cjs; runs on `npm install` (prepare).
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { existsSync } from "node:fs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "src", "cli", "main.ts");
if (!existsSync(entry)) process.exit(0);
await build({ entryPoints: [entry], bundle: true, platform: "node", target: "node20", format: "cjs", outfile: path.join(root, "lib", "cli.cjs"), external: ["exceljs"], logLevel: "warning" });
