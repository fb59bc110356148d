// The package check before ExcelJS sees a file (CLI and preview). The zip itself is read by
// zip.ts (the one reader, also the package writer's): here, what the file is and the bounds. ExcelJS inflates the whole
// zip in memory and builds one object per cell, per merged cell, per row: a 3 MB zip bomb or
// a merge A1:XFD1048576 exhausts the process before any of our code runs. Here, from the zip
// central directory and then a streaming inflate that counts as it goes, we:
//   - say what the file is when it is not a workbook (encrypted, .xls, .ods, .docx, plain zip);
//   - enforce src/core/limits.ts on declared and actual sizes, ratio, entries, cells, rows,
//     merged areas — each inflate stops as soon as a bound is passed;
//   - give ExcelJS a copy it can read: relationship targets made relative (openpyxl writes
//     "/xl/…"), comment and VML parts under the names ExcelJS looks for, and table parts
//     without a style (LibreOffice) given an empty one, since ExcelJS fails on them.
// The input bytes are never modified: when a fix is needed a new package is built (the parts
// we do not touch are copied compressed, as they are). Browser-safe: no Node modules.
import { inflateSync } from "fflate";
import { LIMITS, type Limits } from "../../core/limits";
import { columnNumber } from "../../core/reader/grid";
import { PACKAGE } from "../../messages/limits";
import { crc32, dataStart, inflateEntry, PackageError, readCentralDirectory, u16, writeZip, type InflateBudget, type OutEntry, type ZipEntry } from "./zip";

export { PackageError, readCentralDirectory, type ZipEntry } from "./zip";

export interface PackageInfo {
  /** What ExcelJS should load: the input itself, or a fixed copy. */
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** Uncompressed bytes, cells (`<c>`), rows (`<row>`), cells under merged areas. */
  totalBytes: number;
  cells: number;
  rows: number;
  mergedCells: number;
  /** What was fixed for ExcelJS (for the tests and a progress line): "rels", "comments", "tableStyle", "drawing". */
  fixes: string[];
  /**
   * With `keepParts` (the package reader's check, src/adapters/xlsx/grid.ts): the XML parts as
   * inflated while counting, and `bytes` is the input itself (no copy fixed for ExcelJS).
   */
  parts?: Map<string, Uint8Array>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");
const utf8Encoder = new TextEncoder();

// ---- OLE compound files (.xls, encrypted .xlsx) ---------------------------------------

/** Whether a CFB directory entry with this name exists (UTF-16LE name, 128-byte aligned entry). */
function oleHasStream(b: Uint8Array, name: string): boolean {
  const nameBytes = (name.length + 1) * 2;
  const first = name.charCodeAt(0);
  // Directory entries start on 128-byte boundaries (sectors are 512 or 4096 bytes).
  for (let o = 512; o + 128 <= b.length; o += 128) {
    if (b[o] !== first || b[o + 1] !== 0) continue;
    if (u16(b, o + 64) !== nameBytes) continue;
    let ok = true;
    for (let i = 1; i < name.length && ok; i++) ok = u16(b, o + 2 * i) === name.charCodeAt(i);
    if (ok) return true;
  }
  return false;
}

function describeOle(b: Uint8Array): string {
  if (oleHasStream(b, "EncryptedPackage") || oleHasStream(b, "EncryptionInfo")) return PACKAGE.encrypted;
  if (oleHasStream(b, "Workbook") || oleHasStream(b, "Book")) return PACKAGE.oldXls;
  return PACKAGE.otherOle;
}

// ---- what a zip that is not a workbook is ---------------------------------------------

function describeZip(b: Uint8Array, entries: ZipEntry[]): string | null {
  const names = new Set(entries.map((e) => e.name));
  if (names.has("xl/workbook.xml")) return null;
  const mimetype = entries.find((e) => e.name === "mimetype");
  if (mimetype && (mimetype.method === 0 || mimetype.method === 8) && mimetype.size < 200) {
    const raw = b.subarray(dataStart(b, mimetype), dataStart(b, mimetype) + mimetype.compressedSize);
    let text = "";
    try {
      text = latin1.decode(mimetype.method === 0 ? raw : inflateSync(raw, { out: new Uint8Array(mimetype.size) }));
    } catch {
      /* unreadable: not an OpenDocument file then */
    }
    if (text.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return PACKAGE.ods;
    if (text.startsWith("application/vnd.oasis.opendocument")) return PACKAGE.odf;
  }
  if (names.has("content.xml") && names.has("META-INF/manifest.xml")) return PACKAGE.odf;
  if (names.has("xl/workbook.bin")) return PACKAGE.xlsb;
  if (names.has("word/document.xml")) return PACKAGE.docx;
  if (names.has("ppt/presentation.xml")) return PACKAGE.pptx;
  return PACKAGE.plainZip(entries.filter((e) => !e.name.endsWith("/")).slice(0, 3).map((e) => e.name));
}

// ---- counting inflate ------------------------------------------------------------------

/** Counts `<c>`, `<row>` and merged areas in a worksheet's XML, chunk by chunk. */
class SheetScanner {
  cells = 0;
  rows = 0;
  merges: string[] = [];
  private carry: Uint8Array | null = null;

  push(chunk: Uint8Array, final: boolean): void {
    let b = chunk;
    if (this.carry) {
      const joined = new Uint8Array(this.carry.length + chunk.length);
      joined.set(this.carry);
      joined.set(chunk, this.carry.length);
      b = joined;
      this.carry = null;
    }
    const n = b.length;
    for (let i = b.indexOf(60); i >= 0 && i < n; i = b.indexOf(60, i + 1)) {
      // Tag name: letters, digits, '_', '-', '.', and a namespace prefix before ':'.
      let j = i + 1;
      let start = j;
      while (j < n) {
        const ch = b[j];
        if (ch === 58) start = j + 1;
        else if (!((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 45 || ch === 46)) break;
        j++;
      }
      if (j >= n) {
        if (!final) this.carry = b.slice(i);
        return;
      }
      const len = j - start;
      if (len === 1 && b[start] === 99) this.cells++;
      else if (len === 3 && b[start] === 114 && b[start + 1] === 111 && b[start + 2] === 119) this.rows++;
      else if (len === 9 && b[start] === 109 && latin1.decode(b.subarray(start, j)) === "mergeCell") {
        const end = b.indexOf(62, j);
        if (end < 0) {
          if (!final) this.carry = b.slice(i);
          return;
        }
        const m = /\bref\s*=\s*["']([^"']+)["']/.exec(latin1.decode(b.subarray(j, end)));
        if (m) this.merges.push(m[1]);
        i = end;
      }
    }
  }
}

/** Cells covered by an A1 range ("A1:XFD1048576"); 1 for a single cell, 0 when unreadable. */
export function rangeCells(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return 0;
  const c1 = columnNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

// ---- fixes for ExcelJS -----------------------------------------------------------------

const decodeXmlAttr = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The part a .rels file describes: "xl/worksheets/_rels/sheet1.xml.rels" → "xl/worksheets/sheet1.xml". */
function relsSource(relsName: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsName);
  return m ? m[1] + m[2] : "";
}

function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

/** A relative reference from `fromDir` ("xl/worksheets/") to `target` ("xl/comments1.xml"). */
export function relativeTarget(fromDir: string, target: string): string {
  const from = fromDir.split("/").filter(Boolean);
  const to = target.split("/").filter(Boolean);
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => ".."), ...to.slice(k)].join("/");
}

/** Resolves a relative target against a directory: ("xl/worksheets/", "../comments1.xml") → "xl/comments1.xml". */
export function resolveTarget(fromDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromDir.split("/").filter(Boolean);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

const REL_COMMENTS = /\/comments$/;
const REL_VML = /\/vmlDrawing$/;

interface FixState {
  parts: Map<string, Uint8Array>;
  renames: Map<string, string>;
  fixes: Set<string>;
  names: Set<string>;
}

function freeName(names: Set<string>, make: (k: number) => string): string {
  for (let k = 1; ; k++) {
    const n = make(k);
    if (!names.has(n)) {
      names.add(n);
      return n;
    }
  }
}

/** Rewrites one .rels part: absolute targets made relative; comments and VML parts renamed where ExcelJS looks for them. */
function fixRels(name: string, text: string, st: FixState): string {
  const dir = dirOf(relsSource(name));
  return text.replace(/<Relationship\b[^>]*>/g, (tag) => {
    if (/\bTargetMode\s*=\s*["']External["']/.test(tag)) return tag;
    const tm = /\bTarget\s*=\s*(["'])([^"']*)\1/.exec(tag);
    if (!tm) return tag;
    const type = /\bType\s*=\s*["']([^"']*)["']/.exec(tag)?.[1] ?? "";
    const target = decodeXmlAttr(tm[2]);
    let resolved = resolveTarget(dir, target);
    let changed = target.startsWith("/");
    if (REL_COMMENTS.test(type) && !/^xl\/comments\d+\.xml$/.test(resolved) && st.names.has(resolved)) {
      const to = st.renames.get(resolved) ?? freeName(st.names, (k) => `xl/comments${k}.xml`);
      st.renames.set(resolved, to);
      resolved = to;
      changed = true;
      st.fixes.add("comments");
    } else if (REL_VML.test(type) && !/^xl\/drawings\/vmlDrawing\d+\.vml$/.test(resolved) && st.names.has(resolved)) {
      const to = st.renames.get(resolved) ?? freeName(st.names, (k) => `xl/drawings/vmlDrawing${k}.vml`);
      st.renames.set(resolved, to);
      resolved = to;
      changed = true;
      st.fixes.add("comments");
    }
    if (!changed) return tag;
    st.fixes.add("rels");
    const rel = relativeTarget(dir, resolved).replace(/&/g, "&amp;");
    return tag.slice(0, tm.index) + `Target="${rel}"` + tag.slice(tm.index + tm[0].length);
  });
}

/** A table part without <tableStyleInfo> (LibreOffice): ExcelJS cannot write it back. */
function fixTable(text: string, st: FixState): string {
  if (/<(?:\w+:)?tableStyleInfo\b/.test(text)) return text;
  const m = /<\/(\w+:)?table\s*>\s*$/.exec(text);
  if (!m) return text;
  st.fixes.add("tableStyle");
  const prefix = m[1] ?? "";
  const info = `<${prefix}tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/>`;
  // tableStyleInfo comes after tableColumns and before extLst (ECMA-376 CT_Table).
  const ext = new RegExp(`<${prefix}extLst\\b`).exec(text);
  const at = ext ? ext.index : m.index;
  return text.slice(0, at) + info + text.slice(at);
}

const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/**
 * A drawing part in the default namespace (openpyxl writes `<wsDr xmlns="…spreadsheetDrawing">`,
 * unprefixed): ExcelJS matches tag names literally (`xdr:wsDr`) and fails on it («Cannot read
 * properties of undefined (reading 'anchors')»). Its copy gets the `xdr:` prefix on the
 * unprefixed elements — or, when another default namespace is declared inside, an empty
 * drawing (ExcelJS then sees no images there; the package writer keeps the original anyway).
 */
function fixDrawing(text: string, st: FixState): string {
  const root = /<([A-Za-z_][\w.-]*:)?wsDr\b[^>]*>/.exec(text);
  if (!root || root[1] || !root[0].includes(`xmlns="${XDR_NS}"`)) return text;
  st.fixes.add("drawing");
  if ((text.match(/\sxmlns\s*=/g) ?? []).length > 1) return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"/>`;
  return text.replace(`xmlns="${XDR_NS}"`, `xmlns:xdr="${XDR_NS}"`).replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name.includes(":") ? m : `<${slash}xdr:${name}`));
}

// ---- the check ---------------------------------------------------------------------------

function isOle(b: Uint8Array): boolean {
  return b.length >= 8 && OLE_MAGIC.every((x, i) => b[i] === x);
}

/** Sheet part → sheet name, from xl/workbook.xml and its relationships. */
function sheetNames(parts: Map<string, Uint8Array>): Map<string, string> {
  const out = new Map<string, string>();
  const wb = parts.get("xl/workbook.xml");
  const rels = parts.get("xl/_rels/workbook.xml.rels");
  if (!wb || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of utf8.decode(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1];
    const t = /\bTarget\s*=\s*["']([^"']+)["']/.exec(m[0])?.[1];
    if (id && t) targets.set(id, resolveTarget("xl/", decodeXmlAttr(t)));
  }
  for (const m of utf8.decode(wb).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const id = /\b(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(m[0].replace(/\bsheetId\s*=\s*"[^"]*"/, ""))?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(part, decodeXmlAttr(name));
  }
  return out;
}

/**
 * Checks a file meant to be an .xlsx; throws PackageError (Italian, says what the file is or
 * which bound it passes) or returns what ExcelJS should load.
 */
export function inspectPackage(input: Uint8Array, limits: Limits = LIMITS, options: { keepParts?: boolean } = {}): PackageInfo {
  if (input.length > limits.maxFileBytes) throw new PackageError(PACKAGE.tooBigFile(input.length, limits.maxFileBytes));
  if (isOle(input)) throw new PackageError(describeOle(input));
  if (input.length < 22 || input[0] !== 0x50 || input[1] !== 0x4b) throw new PackageError(PACKAGE.notZip);
  const entries = readCentralDirectory(input, limits);
  if (entries.length > limits.maxEntries) throw new PackageError(PACKAGE.tooManyEntries(entries.length, limits.maxEntries));
  const notWorkbook = describeZip(input, entries);
  if (notWorkbook) throw new PackageError(notWorkbook);

  // Declared sizes first: refused without inflating a byte.
  let declared = 0;
  for (const e of entries) {
    if (e.size > limits.maxPartBytes) throw new PackageError(PACKAGE.tooBigPart(e.name, limits.maxPartBytes));
    if (e.size > limits.ratioFloorBytes && e.size / Math.max(1, e.compressedSize) > limits.maxRatio) throw new PackageError(PACKAGE.ratio(e.name, e.size / Math.max(1, e.compressedSize)));
    declared += e.size;
  }
  if (declared > limits.maxTotalBytes) throw new PackageError(PACKAGE.tooBigTotal(limits.maxTotalBytes));

  // Then the actual sizes, counting cells and rows as the sheets inflate.
  const budget: InflateBudget & { cells: number; rows: number } = { total: 0, cells: 0, rows: 0 };
  const parts = new Map<string, Uint8Array>();
  const mergesByPart = new Map<string, string[]>();
  let mergedCells = 0;
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    // keepParts: the XML the package reader reads next (not images, VBA or other binaries).
    const keep = (options.keepParts && /\.(xml|rels)$/i.test(e.name)) || e.name.endsWith(".rels") || /^xl\/(tables|drawings)\/[^/]+\.xml$/.test(e.name) || e.name === "xl/workbook.xml";
    const scanner = isSheet ? new SheetScanner() : null;
    const data = inflateEntry(
      input,
      e,
      budget,
      limits,
      keep,
      scanner
        ? (chunk, final) => {
            scanner.push(chunk, final);
            if (budget.cells + scanner.cells > limits.maxCells) throw new PackageError(PACKAGE.tooManyCells(budget.cells + scanner.cells, limits.maxCells));
            if (budget.rows + scanner.rows > limits.maxRows) throw new PackageError(PACKAGE.tooManyRows(budget.rows + scanner.rows, limits.maxRows));
          }
        : undefined,
    );
    if (data) parts.set(e.name, data);
    if (scanner) {
      budget.cells += scanner.cells;
      budget.rows += scanner.rows;
      if (scanner.merges.length) mergesByPart.set(e.name, scanner.merges);
    }
  }
  let huge: { part: string; ref: string; cells: number } | null = null;
  for (const [part, refs] of mergesByPart) {
    for (const ref of refs) {
      const n = rangeCells(ref);
      mergedCells += n;
      if (n > limits.maxMergeCells && !huge) huge = { part, ref, cells: n };
    }
  }
  if (huge) {
    const sheet = sheetNames(parts).get(huge.part) ?? huge.part;
    throw new PackageError(PACKAGE.hugeMerge(sheet, huge.ref, huge.cells, limits.maxMergeCells));
  }
  if (budget.cells + mergedCells > limits.maxCells) throw new PackageError(PACKAGE.tooManyCells(budget.cells + mergedCells, limits.maxCells));

  // The package reader reads the parts as they are: no fixes.
  if (options.keepParts) return { bytes: input, entries, totalBytes: budget.total, cells: budget.cells, rows: budget.rows, mergedCells, fixes: [], parts };

  // Fixes for ExcelJS, on a copy.
  const st: FixState = { parts: new Map(), renames: new Map(), fixes: new Set(), names: new Set(entries.map((e) => e.name)) };
  for (const [name, data] of parts) {
    let text: string | null = null;
    if (name.endsWith(".rels")) {
      const before = utf8.decode(data);
      const after = fixRels(name, before, st);
      if (after !== before) text = after;
    } else if (name.startsWith("xl/tables/")) {
      const before = utf8.decode(data);
      const after = fixTable(before, st);
      if (after !== before) text = after;
    } else if (name.startsWith("xl/drawings/")) {
      const before = utf8.decode(data);
      const after = fixDrawing(before, st);
      if (after !== before) text = after;
    }
    if (text !== null) st.parts.set(name, utf8Encoder.encode(text));
  }
  const info = { entries, totalBytes: budget.total, cells: budget.cells, rows: budget.rows, mergedCells, fixes: [...st.fixes] };
  if (st.parts.size === 0 && st.renames.size === 0) return { bytes: input, ...info };

  const out: OutEntry[] = [];
  for (const e of entries) {
    const changed = st.parts.get(e.name);
    const name = utf8Encoder.encode(st.renames.get(e.name) ?? e.name);
    if (changed) {
      out.push({ name, method: 0, crc: crc32(changed), compressedSize: changed.length, size: changed.length, data: changed });
    } else {
      const start = dataStart(input, e);
      out.push({ name, method: e.method, crc: e.crc, compressedSize: e.compressedSize, size: e.size, data: input.subarray(start, start + e.compressedSize) });
    }
  }
  return { bytes: writeZip(out), ...info };
}
