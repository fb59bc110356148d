// Webpack plugin: after a production build, prints the task pane's initial JavaScript
// (every script taskpane.html loads: the entry points' files and each local <script src> of the page), raw and gzipped, and fails the build when it is over
// the gzip budget below (the pane must open fast inside Excel) or when ExcelJS ends up in
// it (it belongs to the preview's lazy chunk), or docx (the document download's lazy chunk). Messages come from src/messages/ui.ts.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

// Everything the page loads at start, functions.js included. The engine is bundled once (the pane
// depends on the functions entry, see webpack.config.js) and the reading/analysing runs, the
// heavy panels and the libraries load on demand.
const TARGET_GZIP_KB = 200;

/** ui.bundle from src/messages/ui.ts, bundled on the fly (webpack's config is plain JS). */
function loadMessages() {
  const { buildSync } = require("esbuild");
  const entry = path.join(__dirname, "..", "src", "messages", "ui.ts");
  const out = buildSync({ entryPoints: [entry], bundle: true, write: false, format: "cjs", platform: "node", logLevel: "silent" });
  const mod = { exports: {} };
  new Function("module", "exports", "require", out.outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports.ui.bundle;
}

class BundleSizePlugin {
  constructor(options = {}) {
    // Entry points loaded by taskpane.html (shared runtime: pane, ribbon commands, functions).
    this.page = options.page || ["taskpane", "commands", "functions"];
    // Large libraries the pane loads on demand: ExcelJS (preview) and docx (the PIRA document download).
    this.forbidden = options.forbidden || /[\\/]node_modules[\\/](exceljs|docx)[\\/]/;
    this.limitKb = options.limitKb ?? TARGET_GZIP_KB;
    // The page itself: every local <script src> it has is counted too, whatever the entry
    // points say (a script added to the template by hand is still loaded at start).
    this.html = options.html || "taskpane.html";
    this.log = options.log || ((line) => console.log(line));
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      const m = loadMessages();
      const kb = (n) => (n / 1024).toFixed(1);
      const files = new Set();
      const offenders = new Set();
      for (const name of this.page) {
        const ep = compilation.entrypoints.get(name);
        if (!ep) continue;
        for (const chunk of ep.chunks) {
          for (const f of chunk.files) if (f.endsWith(".js")) files.add(f);
          for (const mod of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const res = mod.resource || (mod.rootModule && mod.rootModule.resource) || "";
            if (this.forbidden.test(res)) offenders.add(res);
          }
        }
      }
      const ofs = compiler.outputFileSystem;
      const read = (f) => {
        // After emit webpack keeps only sizes in memory: read what was written.
        const file = path.join(compilation.outputOptions.path, f);
        return Buffer.from(ofs && ofs.readFileSync ? ofs.readFileSync(file) : fs.readFileSync(file));
      };
      if (compilation.getAsset && compilation.getAsset(this.html)) {
        const html = read(this.html).toString("utf8");
        for (const m of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) {
          const src = m[1];
          if (/^([a-z]+:)?\/\//i.test(src)) continue; // office.js from Microsoft's CDN: not ours to size
          files.add(src.replace(/^\.?\//, "").replace(/[?#].*$/, ""));
        }
      }
      let raw = 0;
      let gz = 0;
      const rows = [];
      for (const f of [...files].sort()) {
        let buf;
        try {
          buf = read(f);
        } catch {
          // A file that cannot be measured would make the total look smaller than it is.
          compilation.errors.push(new Error(m.unreadable(f)));
          continue;
        }
        const g = zlib.gzipSync(buf, { level: 9 }).length;
        raw += buf.length;
        gz += g;
        rows.push(m.file(f, kb(buf.length), kb(g)));
      }
      const ok = gz / 1024 <= this.limitKb;
      this.log("\n" + m.total(kb(raw), kb(gz), this.limitKb, ok));
      for (const r of rows) this.log(r);
      if (!ok) compilation.errors.push(new Error(m.tooLarge(kb(gz), this.limitKb)));
      if (offenders.size > 0) compilation.errors.push(new Error(m.forbidden([...offenders].join(", "))));
    });
  }
}

module.exports = BundleSizePlugin;
module.exports.TARGET_GZIP_KB = TARGET_GZIP_KB;
