// The summary model moved to src/core/summary/ (one module per block and concern); this
// path stays for the code that imports it from the reader.
export * from "../summary";
