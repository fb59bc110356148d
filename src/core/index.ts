// The engine's public surface. Pure TypeScript: no Office, no UI, no I/O.
export * from "./types";
export * from "./policy";
export * from "./dates";
export * from "./format";
export * from "./values";
export * from "./rules";
export * from "./weighting";
export * from "./light";
export * from "./resources";
export * from "./missioni";
export * from "./indicator";
export * from "./validation";
export * from "./objective";
export * from "./rollups";
export * from "./plan";
