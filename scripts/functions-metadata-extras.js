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
  /** @param {{ file?: string, extras: Record<string, unknown>, baseUrl?: string }} options */
  constructor(options) {
    this.file = options.file || "functions.json";
    this.extras = options.extras;
    // The JSDoc's @helpurl is relative ("guida.html#funzioni-perf"): Excel needs an absolute
    // URL, so it is resolved against the add-in's base URL (the one the manifest points to).
    this.baseUrl = options.baseUrl;
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
        if (this.baseUrl) metadata.functions = resolveHelpUrls(metadata.functions, this.baseUrl);
        compilation.updateAsset(this.file, new sources.RawSource(JSON.stringify({ ...this.extras, ...metadata, ...this.extras }, null, 4)));
      });
    });
  }
}

/** Each function's relative helpUrl made absolute against `baseUrl`. */
function resolveHelpUrls(functions, baseUrl) {
  return (functions || []).map((f) => (f.helpUrl ? { ...f, helpUrl: new URL(f.helpUrl, baseUrl).href } : f));
}

module.exports = FunctionsMetadataExtrasPlugin;
module.exports.resolveHelpUrls = resolveHelpUrls;
