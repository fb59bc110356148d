// npm run screenshot: refreshes the README's picture (docs/screenshot-taskpane.png) from the
// browser test's latest run. The tests only write under test-results/ (git-ignored), so the
// tracked image changes only when someone asks for it.
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { loadMessages, root } from "./start.mjs";

// The preview with the example's results, taken by test/e2e/preview.test.ts.
export const SOURCE = path.join("test-results", "preview-calcola.png");
export const TARGET = path.join("docs", "screenshot-taskpane.png");

const m = await loadMessages();
const from = path.join(root, SOURCE);
if (!existsSync(from)) {
  console.error(m.screenshot.missing(SOURCE));
  process.exit(1);
}
mkdirSync(path.join(root, path.dirname(TARGET)), { recursive: true });
copyFileSync(from, path.join(root, TARGET));
console.log(m.screenshot.updated(SOURCE, TARGET));
