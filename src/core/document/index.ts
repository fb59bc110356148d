// The PIRA document: model (pure data), builder and annex input. Rendered by src/adapters/docx.
export * from "./model";
export * from "./annex";
export { buildPiraDocument, inferPhase, type DocumentInput } from "./build";
