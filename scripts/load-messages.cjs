// Loads one of the Italian message modules of src/messages/ (TypeScript) from a plain Node
// script such as webpack.config.js: esbuild (a dev dependency) bundles it in memory, in sync.
const path = require("path");
const Module = require("module");

function loadMessages(name) {
  const { buildSync } = require("esbuild");
  const file = path.join(__dirname, "..", "src", "messages", `${name}.ts`);
  const out = buildSync({ entryPoints: [file], bundle: true, write: false, format: "cjs", platform: "node", logLevel: "silent" });
  const m = new Module(file);
  m.filename = file;
  m._compile(out.outputFiles[0].text, file);
  return m.exports;
}

module.exports = { loadMessages };
