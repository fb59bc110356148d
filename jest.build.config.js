// Build-output and browser tests: they read dist/ (run after `npm run build`, as
// `npm run test:build` does) and may start servers or a browser, hence the long timeout.
const tsJest = ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", moduleResolution: "node", esModuleInterop: true, isolatedModules: true } }];
module.exports = {
  displayName: "build",
  testEnvironment: "node",
  transform: { "^.+\\.(ts|tsx)$": tsJest },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.js" },
  testMatch: ["<rootDir>/test/build/**/*.test.ts", "<rootDir>/test/e2e/**/*.test.ts"],
  testTimeout: 180000,
  // Build-output tests share dist/ and the machine has 2 cores: one file at a time.
  maxWorkers: 1,
};
