// Unit, workbook and UI tests. Build-output and browser tests live in jest.build.config.js.
const tsJest = ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", moduleResolution: "node", esModuleInterop: true, isolatedModules: true } }];
const common = {
  // Workbook, LibreOffice and UI tests on a 2-core machine: generous per-test time (speed is measured in `npm run bench`).
  testTimeout: 60_000,
  transform: { "^.+\\.(ts|tsx)$": tsJest },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.js" },
};
module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      // Build-output and browser tests need dist/ and run from jest.build.config.js.
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/build/", "<rootDir>/test/e2e/"],
      setupFiles: ["<rootDir>/test/setup/custom-functions-stub.js"],
    },
    {
      ...common,
      displayName: "ui",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      setupFiles: ["<rootDir>/test/setup/jsdom-polyfills.js"],
    },
  ],
};
