// Webpack plugin: emits the user guide (guida.html) from src/guide/render.ts, with the
// functions as the metadata plugin generated them (functions.json: names, descriptions,
// arguments) and the labels from the reader (src/core/reader/labels.ts). The manifest's
// SupportUrl, the functions' helpUrl and the pane's link point to it.
const { Compilation, sources } = require("webpack");
const { loadTs } = require("./load-messages.cjs");

const pluginName = "GuidePlugin";

class GuidePlugin {
  /** @param {{ filename?: string, metadata?: string, namespace?: string }} options */
  constructor(options = {}) {
    this.filename = options.filename || "guida.html";
    this.metadata = options.metadata || "functions.json";
    this.namespace = options.namespace || "PIANO";
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      compilation.hooks.processAssets.tap({ name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const { exports, inputs } = loadTs("src/guide/render.ts");
        for (const f of inputs) compilation.fileDependencies.add(f);
        const asset = compilation.getAsset(this.metadata);
        const functions = asset ? JSON.parse(asset.source.source().toString()).functions : [];
        const list = functions.map((f) => ({
          name: f.name,
          description: f.description || "",
          parameters: (f.parameters || []).map((p) => ({ name: p.name, description: p.description, optional: Boolean(p.optional) })),
        }));
        compilation.emitAsset(this.filename, new sources.RawSource(exports.renderGuide(list, this.namespace)));
      });
    });
  }
}

module.exports = GuidePlugin;
