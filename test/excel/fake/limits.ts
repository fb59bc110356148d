// Excel's hard limits the fake enforces.
// Request and response payloads: 5 MB (Excel on the web). Source: docs/concepts/resource-limits-and-performance-optimization.md

export const LIMIT_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
