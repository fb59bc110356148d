import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-results/**"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine must stay pure: no Office, no React, no Node I/O.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "window", "document"],
      "no-restricted-imports": ["error", { patterns: ["react*", "@fluentui/*", "exceljs", "fs", "path", "node:*", "**/excel/**", "**/taskpane/**", "**/functions/**", "**/adapters/**", "**/preview/**", "**/cli/**"] }],
    },
  },
  {
    // Only src/excel may touch the Office.js object model.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.ts"],
    rules: { "no-restricted-globals": ["error", "Excel"] },
  },
  {
    // The pane's components and logic reach the workbook only through WorkbookHost; Office
    // is handed in by the entry files (index.tsx, officeReady.ts, theme.ts), which keep it.
    files: ["src/taskpane/components/**/*.{ts,tsx}", "src/taskpane/useRunner.ts", "src/taskpane/policyForm.ts"],
    rules: { "no-restricted-globals": ["error", "Excel", "Office", "OfficeRuntime"] },
  },
  {
    // The host contract is neutral ground: pure types (and isUserFacingError) over core, no
    // Office, no React, and it imports neither side that implements or consumes it.
    files: ["src/host/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Excel", "OfficeRuntime", "CustomFunctions", "window", "document"],
      "no-restricted-imports": ["error", { patterns: ["react*", "@fluentui/*", "exceljs", "**/excel/**", "**/taskpane/**", "**/functions/**", "**/adapters/**", "**/preview/**", "**/cli/**"] }],
    },
  },
  {
    // The Office.js layer and the preview's host implement the contract from src/host; they
    // never reach into the task pane.
    files: ["src/excel/**/*.ts", "src/preview/previewHost.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/taskpane/**"] }] },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", console: "readonly", __dirname: "readonly", globalThis: "readonly", window: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
