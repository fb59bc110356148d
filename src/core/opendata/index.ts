// Open data: the indicators as CSV (one row per indicator).
export * from "./csv";
