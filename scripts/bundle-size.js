// Webpack plugin: after a production build, prints the task pane's initial JavaScript
// (every script taskpane.html loads), raw and gzipped, against the 200 KB gzip target,
// and fails the build if ExcelJS ever ends up in it (it belongs to the preview's lazy chunk).
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const TARGET_GZIP_KB = 200;

class BundleSizePlugin {
  constructor(options = {}) {
    // Entry points loaded by taskpane.html (shared runtime: pane, ribbon commands, functions).
    this.page = options.page || ["taskpane", "commands", "functions"];
    this.forbidden = options.forbidden || /[\\/]node_modules[\\/]exceljs[\\/]/;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tap("BundleSizePlugin", (compilation) => {
      const kb = (n) => (n / 1024).toFixed(1);
      const files = new Set();
      const offenders = new Set();
      for (const name of this.page) {
        const ep = compilation.entrypoints.get(name);
        if (!ep) continue;
        for (const chunk of ep.chunks) {
          for (const f of chunk.files) if (f.endsWith(".js")) files.add(f);
          for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const res = m.resource || (m.rootModule && m.rootModule.resource) || "";
            if (this.forbidden.test(res)) offenders.add(res);
          }
        }
      }
      let raw = 0;
      let gz = 0;
      const rows = [];
      for (const f of [...files].sort()) {
        // After emit webpack keeps only sizes in memory: read what was written.
        const file = path.join(compilation.outputOptions.path, f);
        const ofs = compiler.outputFileSystem;
        let buf;
        try {
          buf = Buffer.from(ofs && ofs.readFileSync ? ofs.readFileSync(file) : fs.readFileSync(file));
        } catch {
          continue;
        }
        const g = zlib.gzipSync(buf, { level: 9 }).length;
        raw += buf.length;
        gz += g;
        rows.push(`    ${f}: ${kb(buf.length)} KB (gzip ${kb(g)} KB)`);
      }
      const ok = gz / 1024 <= TARGET_GZIP_KB;
      console.log(`\n[piano] JavaScript iniziale del riquadro (taskpane.html): ${kb(raw)} KB, gzip ${kb(gz)} KB — obiettivo ≤ ${TARGET_GZIP_KB} KB gzip: ${ok ? "rispettato" : "SUPERATO"}`);
      for (const r of rows) console.log(r);
      if (offenders.size > 0) {
        compilation.errors.push(new Error(`[piano] ExcelJS è finito nel bundle del riquadro: ${[...offenders].join(", ")}`));
      }
    });
  }
}

module.exports = BundleSizePlugin;
module.exports.TARGET_GZIP_KB = TARGET_GZIP_KB;
