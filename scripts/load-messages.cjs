// Loads a TypeScript module of src/ (the Italian messages, the guide's renderer) from a plain
// Node script such as webpack.config.js: esbuild (a dev dependency) bundles it in memory, in
// sync. Returns its exports and the source files it is made of (for watch dependencies).
const path = require("path");
const Module = require("module");

const root = path.join(__dirname, "..");

function loadTs(relative) {
  const { buildSync } = require("esbuild");
  const file = path.join(root, relative);
  const out = buildSync({ entryPoints: [file], bundle: true, write: false, format: "cjs", platform: "node", logLevel: "silent", metafile: true });
  const m = new Module(file);
  m.filename = file;
  m._compile(out.outputFiles[0].text, file);
  return { exports: m.exports, inputs: Object.keys(out.metafile.inputs).map((f) => path.resolve(root, f)) };
}

function loadMessages(name) {
  return loadTs(path.join("src", "messages", `${name}.ts`)).exports;
}

module.exports = { loadMessages, loadTs };
