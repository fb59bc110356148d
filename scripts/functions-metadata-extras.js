// Webpack plugin: adds to the generated functions.json the top-level properties that the
// JSDoc generator (custom-functions-metadata) cannot express. The one we need is
// allowErrorForDataTypeAny: without it Excel does not call a function whose `any` range
// holds an error cell, so =PIANO.PESATA over a card with an n.d. indicator (its PIANO.PERF
// cell shows #N/A) would itself show #N/A instead of skipping it and reweighting.
// Microsoft documents the property for hand-written metadata only; patching the generated
// file after the metadata plugin has emitted it keeps the JSDoc as the single source.
const { Compilation, sources } = require("webpack");

const pluginName = "FunctionsMetadataExtrasPlugin";

class FunctionsMetadataExtrasPlugin {
  /** @param {{ file?: string, extras: Record<string, unknown> }} options */
  constructor(options) {
    this.file = options.file || "functions.json";
    this.extras = options.extras;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap(pluginName, (compilation) => {
      compilation.hooks.processAssets.tap({ name: pluginName, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.file);
        // No asset: the metadata plugin reported errors and the build fails with them.
        if (!asset) return;
        // The metadata plugin adds its asset to child compilations too (html-webpack-plugin's);
        // only the main compilation may emit it, or watch rebuilds report a conflict.
        if (compilation.compiler.isChild()) {
          compilation.deleteAsset(this.file);
          return;
        }
        const metadata = JSON.parse(asset.source.source().toString());
        compilation.updateAsset(this.file, new sources.RawSource(JSON.stringify({ ...this.extras, ...metadata, ...this.extras }, null, 4)));
      });
    });
  }
}

module.exports = FunctionsMetadataExtrasPlugin;
