// Excel's hard limits the fake enforces.
// Request and response payloads: 5 MB (Excel on the web). Source: docs/concepts/resource-limits-and-performance-optimization.md

export const LIMIT_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** What each queued action adds to a request besides its values: its object path and
 *  method, about 100–250 bytes in Office.js's request JSON (as measured for this project's
 *  issue 9); the fake takes a middle value. */
export const ACTION_PATH_BYTES = 170;
