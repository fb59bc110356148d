// Fluent UI v9 needs these browser APIs, which jsdom lacks.
if (!globalThis.ResizeObserver) {
  globalThis.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
}
if (!window.matchMedia) {
  window.matchMedia = (query) => ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent() { return false; } });
}
// jsdom has no TextDecoder/TextEncoder (the package reader decodes zip entries with them); Node's are the browser's.
if (!globalThis.TextDecoder || !globalThis.TextEncoder) {
  const util = require("node:util");
  globalThis.TextDecoder = globalThis.TextDecoder || util.TextDecoder;
  globalThis.TextEncoder = globalThis.TextEncoder || util.TextEncoder;
}
