// Build of the add-in after Microsoft's `yo office` shared-runtime template: one page
// (taskpane.html) hosts the task pane, the ribbon commands and the custom functions.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const BundleSizePlugin = require("./scripts/bundle-size.js");
const FunctionsMetadataExtrasPlugin = require("./scripts/functions-metadata-extras");
const { loadMessages } = require("./scripts/load-messages.cjs");
const GuidePlugin = require("./scripts/guide-plugin");

const devUrl = "https://localhost:3000/";
// The host the production manifest points to: PIANO_PROD_URL, required for a production
// build (no placeholder host: a manifest pointing to a host nobody owns must never ship).
// The tests build for https://piano.example.invalid/ (scripts/test-prod-url.cjs).
function productionUrl() {
  const m = loadMessages("build").build.prodUrl;
  const raw = (process.env.PIANO_PROD_URL || "").trim();
  const fail = (why) => {
    const e = new Error(`[piano] ${why}\n${m.help}`);
    e.stack = e.message;
    throw e;
  };
  if (!raw) fail(m.missing);
  let u;
  try {
    u = new URL(raw);
  } catch {
    fail(m.invalid(raw));
  }
  if (u.protocol !== "https:") fail(m.notHttps(raw));
  if (/^(localhost|127\.|\[::1\])/i.test(u.hostname)) fail(m.local(raw));
  if (u.search || u.hash) fail(m.queryOrHash(raw));
  return u.href.endsWith("/") ? u.href : u.href + "/";
}

async function httpsOptions() {
  // The dev certificate needs `office-addin-dev-certs install` (sudo on Linux). Without it
  // the dev server falls back to http so the browser preview still works.
  if (process.env.PIANO_HTTP === "1") return undefined;
  try {
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  } catch {
    console.warn("[piano] certificato di sviluppo non disponibile: servo in http (solo anteprima nel browser).");
    return undefined;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  let prodUrl;
  if (!dev) {
    try {
      prodUrl = productionUrl();
    } catch (e) {
      // Printed as is (webpack-cli would wrap it in brackets), before anything is built.
      console.error(e.message);
      process.exit(2);
    }
  }
  const https = env && env.WEBPACK_SERVE ? await httpsOptions() : undefined;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // The shared runtime loads functions.js and taskpane.js in one page: the pane depends on
      // the functions entry, so the engine both use (policy, rules, values, their messages) is
      // bundled once, in functions.js, with the one webpack runtime of the page — not a second
      // time in taskpane.js. functions.js still runs alone (it holds all it needs).
      taskpane: { import: ["./src/taskpane/index.tsx", "./src/taskpane/taskpane.html"], dependOn: "functions" },
      commands: "./src/commands/commands.ts",
      functions: "./src/functions/functions.ts",
      preview: ["./src/preview/index.tsx", "./src/preview/preview.html"],
    },
    // publicPath "": chunks load beside the page that asks for them (every page sits at the root
    // of dist/), so functions.js, which now holds the page's webpack runtime, never has to find
    // its own <script> to work out where it was served from.
    output: { path: path.resolve(__dirname, "dist"), clean: true, filename: "[name].js", publicPath: "" },
    resolve: { extensions: [".ts", ".tsx", ".js", ".html"] },
    performance: { hints: false },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // The dev server only transpiles: in watch mode ts-loader type-checks the functions file
          // with the metadata loader's appended code and reports bogus errors; `npm run lint`
          // and every production build type-check everything.
          use: { loader: "ts-loader", options: { configFile: "tsconfig.webpack.json", transpileOnly: dev } },
        },
        { test: /\.html$/, exclude: /node_modules/, use: "html-loader" },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext][query]" } },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      // PIANO.PESATA must receive the #N/A cells of n.d. indicators to skip them (see the plugin).
      new FunctionsMetadataExtrasPlugin({ file: "functions.json", extras: { allowErrorForDataTypeAny: true }, baseUrl: dev ? devUrl : prodUrl }),
      // The user guide (guida.html): what SupportUrl, the functions' @helpurl and the pane's link open.
      new GuidePlugin({ filename: "guida.html", metadata: "functions.json", namespace: "PIANO" }),
      // The shared-runtime page: functions.js first (small), so on a cold start the PIANO.*
      // cells compute before the ~600 KB task pane bundle is fetched and run. Deferred
      // scripts run in document order; "manual" keeps this order (the default follows the
      // entry order above).
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["functions", "commands", "taskpane"], chunksSortMode: "manual" }),
      new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/preview/preview.html", chunks: ["preview"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            // A file, not a glob: a glob at the project root makes copy-webpack-plugin watch the
            // whole root as a context, so the dev server's own log (node_modules/.cache/piano/
            // dev-server.log, written at each compilation) triggered the next one, forever.
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().split(devUrl).join(prodUrl);
            },
          },
          // The preview runs outside Office: it loads office.js from the local package,
          // which needs its file-mapping table beside it or Office.onReady never settles.
          { from: "node_modules/@microsoft/office-js/dist/office.js", to: "office/office.js", info: { minimized: true } },
          { from: "node_modules/@microsoft/office-js/dist/o15apptofilemappingtable.js", to: "office/o15apptofilemappingtable.js", info: { minimized: true } },
          { from: "assets/esempio-piano-2022.xlsx", to: "assets/esempio-piano-2022.xlsx", noErrorOnMissing: true },
        ],
      }),
      // Prints the task pane's initial JS size (gzip) and keeps ExcelJS out of it.
      ...(dev ? [] : [new BundleSizePlugin()]),
    ],
    // Nothing the build or the tools write is a source: never a reason to recompile.
    watchOptions: { ignored: ["**/node_modules/**", "**/.git/**", "**/dist/**", "**/lib/**", "**/test-results/**", "**/coverage/**", "**/*.log"] },
    devServer: {
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: https ? { type: "https", options: https } : { type: "http" },
      static: { directory: path.resolve(__dirname, "dist") },
      client: { overlay: false },
    },
  };
};
