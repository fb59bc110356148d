// Every user-facing string lives under src/messages: one module, one file per layer,
// so translations and wording are reviewed in one place.
export * from "./engine";
export * from "./workbook";
export * from "./excel";
export * from "./functions";
export * from "./ui";
export * from "./cli";
export * from "./document";
export * from "./print";
