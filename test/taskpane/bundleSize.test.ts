// The production build's budget for the task pane (scripts/bundle-size.js): a real webpack
// compile of small entries, so the test sees what `npm run build` would do with them.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import webpack from "webpack";
import { ui } from "../../src/messages/ui";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const BundleSizePlugin = require("../../scripts/bundle-size.js") as {
  new (o: { limitKb?: number; log?: (line: string) => void }): webpack.WebpackPluginInstance;
  TARGET_GZIP_KB: number;
};

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "piano-bundle-"));
  // ~40 KB of random text: gzip cannot shrink it much, so its gzip size is predictable.
  const blob = crypto.randomBytes(30_000).toString("base64");
  fs.writeFileSync(path.join(dir, "pane.js"), `export const blob = ${JSON.stringify(blob)};\nconsole.log(blob.length);\n`);
  fs.writeFileSync(path.join(dir, "commands.js"), `console.log("comandi");\n`);
  fs.writeFileSync(path.join(dir, "preview.js"), `import("./lazy.js").then((m) => console.log(m.x));\n`);
  fs.writeFileSync(path.join(dir, "lazy.js"), `export const x = ${JSON.stringify(blob)};\n`);
  fs.mkdirSync(path.join(dir, "node_modules", "exceljs"), { recursive: true });
  fs.writeFileSync(path.join(dir, "node_modules", "exceljs", "index.js"), `module.exports = { Workbook: function () {} };\n`);
  fs.writeFileSync(path.join(dir, "withExceljs.js"), `const x = require("exceljs");\nconsole.log(x.Workbook);\n`);
  fs.mkdirSync(path.join(dir, "node_modules", "docx"), { recursive: true });
  fs.writeFileSync(path.join(dir, "node_modules", "docx", "index.js"), `module.exports = { Document: function () {} };\n`);
  fs.writeFileSync(path.join(dir, "withDocx.js"), `const d = require("docx");\nconsole.log(d.Document);\n`);
  fs.writeFileSync(path.join(dir, "lazyDocx.js"), `import("docx").then((d) => console.log(d.Document));\n`);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Emits a page (taskpane.html) with these script tags, as HtmlWebpackPlugin would. */
function pagePlugin(scripts: string[]): webpack.WebpackPluginInstance {
  return {
    apply(compiler: webpack.Compiler) {
      compiler.hooks.thisCompilation.tap("page", (compilation) => {
        compilation.hooks.processAssets.tap({ name: "page", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
          const tags = scripts.map((s) => `<script defer="defer" src="${s}"></script>`).join("");
          compilation.emitAsset("taskpane.html", new webpack.sources.RawSource(`<!doctype html><html><head>${tags}</head><body></body></html>`));
        });
      });
    },
  };
}

async function build(entry: Record<string, string>, limitKb?: number, extra: webpack.WebpackPluginInstance[] = []): Promise<{ failed: boolean; errors: string[]; log: string[] }> {
  const log: string[] = [];
  const compiler = webpack({
    mode: "none",
    context: dir,
    entry,
    output: { path: path.join(dir, "dist"), clean: true, filename: "[name].js" },
    plugins: [new BundleSizePlugin({ limitKb, log: (l) => log.push(l) }), ...extra],
    infrastructureLogging: { level: "none" },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err) : resolve(s))));
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  // hasErrors() is what makes webpack-cli exit non-zero.
  return { failed: stats.hasErrors(), errors: stats.compilation.errors.map((e) => e.message), log };
}

describe("BundleSizePlugin", () => {
  test("the budget is 200 KB gzip", () => {
    expect(BundleSizePlugin.TARGET_GZIP_KB).toBe(200);
  });

  test("within budget: prints the size in Italian, the build succeeds", async () => {
    const { failed, errors, log } = await build({ taskpane: "./pane.js", commands: "./commands.js" });
    expect(errors).toEqual([]);
    expect(failed).toBe(false);
    expect(log.join("\n")).toMatch(/JavaScript iniziale del riquadro \(taskpane\.html\): [\d.]+ KB, gzip [\d.]+ KB — obiettivo ≤ 200 KB gzip: rispettato/);
    expect(log.some((l) => l.includes("taskpane.js:"))).toBe(true);
    expect(log.some((l) => l.includes("commands.js:"))).toBe(true);
  });

  test("over budget: the build fails with an Italian message, and still prints the size", async () => {
    const { failed, errors, log } = await build({ taskpane: "./pane.js", commands: "./commands.js" }, 10);
    expect(failed).toBe(true);
    expect(log.join("\n")).toMatch(/obiettivo ≤ 10 KB gzip: SUPERATO/);
    expect(errors).toHaveLength(1);
    const gzipKb = /gzip ([\d.]+) KB —/.exec(log.join("\n"))![1];
    expect(Number(gzipKb)).toBeGreaterThan(10);
    expect(errors[0]).toBe(ui.bundle.tooLarge(gzipKb, 10));
  });

  test("only what taskpane.html loads counts: the preview and its lazy chunks do not", async () => {
    const { errors, log } = await build({ taskpane: "./commands.js", preview: "./preview.js" }, 10);
    expect(errors).toEqual([]);
    expect(log.join("\n")).not.toMatch(/preview|lazy/);
  });

  test("every local script taskpane.html loads counts, also one that is not an entry of the page; the CDN's office.js does not", async () => {
    const page = pagePlugin(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "preview.js", "taskpane.js"]);
    const { failed, errors, log } = await build({ taskpane: "./commands.js", preview: "./pane.js" }, 10, [page]);
    expect(log.some((l) => l.includes("preview.js:"))).toBe(true);
    expect(log.join("\n")).not.toMatch(/office\.js/);
    // The random 40 KB the page loads by hand put it over a 10 KB budget.
    expect(failed).toBe(true);
    expect(errors).toHaveLength(1);
  });

  test("ExcelJS in the pane's bundle fails the build", async () => {
    const { failed, errors } = await build({ taskpane: "./withExceljs.js" });
    expect(failed).toBe(true);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("ExcelJS è finito nel bundle del riquadro");
  });

  test("docx in the pane's initial bundle fails the build; loaded with import() it does not", async () => {
    const eager = await build({ taskpane: "./withDocx.js" });
    expect(eager.failed).toBe(true);
    expect(eager.errors).toHaveLength(1);
    expect(eager.errors[0]).toContain("docx è finito nel bundle del riquadro");
    const lazy = await build({ taskpane: "./lazyDocx.js" });
    expect(lazy.errors).toEqual([]);
  });
});
