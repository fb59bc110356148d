// The package check before ExcelJS sees a file (CLI and preview). ExcelJS inflates the whole
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
import { Inflate, inflateSync } from "fflate";
import { LIMITS, type Limits } from "../../core/limits";
import { PACKAGE } from "../../messages/limits";

/** A file the tool will not read; `message` says what the file is, after its name. */
export class PackageError extends Error {
  constructor(readonly what: string) {
    super(what);
    this.name = "PackageError";
  }
  /** The whole sentence, with the file's name first. */
  forFile(file: string): string {
    return PACKAGE.file(file, this.what);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  offset: number;
}

export interface PackageInfo {
  /** What ExcelJS should load: the input itself, or a fixed copy. */
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** Uncompressed bytes, cells (`<c>`), rows (`<row>`), cells under merged areas. */
  totalBytes: number;
  cells: number;
  rows: number;
  mergedCells: number;
  /** What was fixed for ExcelJS (for the tests and a progress line): "rels", "comments", "tableStyle". */
  fixes: string[];
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 2 ** 32;
}

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

// ---- zip central directory -----------------------------------------------------------

export function readCentralDirectory(b: Uint8Array): ZipEntry[] {
  // End of central directory: the last signature within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let o = b.length - 22; o >= Math.max(0, b.length - 22 - 65535); o--) {
    if (b[o] === 0x50 && b[o + 1] === 0x4b && b[o + 2] === 0x05 && b[o + 3] === 0x06) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw new PackageError(PACKAGE.truncated);
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator sits right before the EOCD and points to the ZIP64 EOCD record.
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) throw new PackageError(PACKAGE.truncated);
    const rec = u64(b, loc + 8);
    if (rec + 56 > b.length || u32(b, rec) !== 0x06064b50) throw new PackageError(PACKAGE.truncated);
    count = u64(b, rec + 32);
    cdSize = u64(b, rec + 40);
    cdOffset = u64(b, rec + 48);
  }
  if (cdOffset + cdSize > b.length) throw new PackageError(PACKAGE.truncated);
  if (count > LIMITS.maxEntries) throw new PackageError(PACKAGE.tooManyEntries(count, LIMITS.maxEntries));
  const entries: ZipEntry[] = [];
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > b.length || u32(b, o) !== 0x02014b50) throw new PackageError(PACKAGE.truncated);
    const flags = u16(b, o + 8);
    const method = u16(b, o + 10);
    const crc = u32(b, o + 16);
    let compressedSize = u32(b, o + 20);
    let size = u32(b, o + 24);
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    let offset = u32(b, o + 42);
    const nameBytes = b.subarray(o + 46, o + 46 + nameLen);
    const name = flags & 0x800 ? utf8.decode(nameBytes) : latin1.decode(nameBytes);
    // ZIP64 extended information: the 0xFFFFFFFF fields, in order.
    let e = o + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === 0xffffffff) {
          size = u64(b, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, p);
          p += 8;
        }
        if (offset === 0xffffffff) offset = u64(b, p);
      }
      e += 4 + len;
    }
    entries.push({ name, method, flags, crc, compressedSize, size, offset });
    o = extraEnd + commentLen;
  }
  return entries;
}

function dataStart(b: Uint8Array, entry: ZipEntry): number {
  const o = entry.offset;
  if (o + 30 > b.length || u32(b, o) !== 0x04034b50) throw new PackageError(PACKAGE.badEntry(entry.name));
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  if (start + entry.compressedSize > b.length) throw new PackageError(PACKAGE.badEntry(entry.name));
  return start;
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

function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}

/** Cells covered by an A1 range ("A1:XFD1048576"); 1 for a single cell, 0 when unreadable. */
export function rangeCells(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return 0;
  const c1 = colNumber(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? colNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

interface Budget {
  total: number;
  cells: number;
  rows: number;
}

/**
 * Inflates one entry, 16 KiB of input at a time (at most ~16 MiB of output per step), and
 * stops as soon as its size passes what it declared or a limit. Returns the bytes only when
 * `keep` (small XML parts we may rewrite); otherwise only counts.
 */
function inflateEntry(b: Uint8Array, entry: ZipEntry, budget: Budget, limits: Limits, keep: boolean, scanner: SheetScanner | null): Uint8Array | null {
  if (entry.flags & 1) throw new PackageError(PACKAGE.entryEncrypted(entry.name));
  const start = dataStart(b, entry);
  const src = b.subarray(start, start + entry.compressedSize);
  const kept: Uint8Array[] = [];
  let produced = 0;
  const check = () => {
    if (produced > entry.size) throw new PackageError(PACKAGE.sizeMismatch(entry.name));
    if (produced > limits.maxPartBytes) throw new PackageError(PACKAGE.tooBigPart(entry.name, limits.maxPartBytes));
    if (budget.total + produced > limits.maxTotalBytes) throw new PackageError(PACKAGE.tooBigTotal(limits.maxTotalBytes));
    if (produced > limits.ratioFloorBytes && produced / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      throw new PackageError(PACKAGE.ratio(entry.name, produced / Math.max(1, entry.compressedSize)));
    }
    if (scanner) {
      if (budget.cells + scanner.cells > limits.maxCells) throw new PackageError(PACKAGE.tooManyCells(budget.cells + scanner.cells, limits.maxCells));
      if (budget.rows + scanner.rows > limits.maxRows) throw new PackageError(PACKAGE.tooManyRows(budget.rows + scanner.rows, limits.maxRows));
    }
  };
  const onData = (chunk: Uint8Array, final: boolean) => {
    produced += chunk.length;
    check();
    if (scanner) scanner.push(chunk, final);
    if (keep) kept.push(chunk);
  };
  if (entry.method === 0) {
    for (let o = 0; o < src.length; o += 1 << 20) onData(src.subarray(o, Math.min(src.length, o + (1 << 20))), o + (1 << 20) >= src.length);
    if (src.length === 0) onData(new Uint8Array(0), true);
  } else if (entry.method === 8) {
    const inflater = new Inflate((chunk, final) => onData(chunk, final));
    const STEP = 16 * 1024;
    try {
      if (src.length === 0) inflater.push(new Uint8Array(0), true);
      for (let o = 0; o < src.length; o += STEP) inflater.push(src.subarray(o, Math.min(src.length, o + STEP)), o + STEP >= src.length);
    } catch (e) {
      if (e instanceof PackageError) throw e;
      throw new PackageError(PACKAGE.badEntry(entry.name));
    }
  } else {
    throw new PackageError(PACKAGE.unsupportedMethod(entry.name, entry.method));
  }
  if (produced !== entry.size) throw new PackageError(PACKAGE.sizeMismatch(entry.name));
  budget.total += produced;
  if (!keep) return null;
  if (kept.length === 1) return kept[0];
  const out = new Uint8Array(produced);
  let p = 0;
  for (const k of kept) {
    out.set(k, p);
    p += k.length;
  }
  return out;
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

// ---- zip writer (for the fixed copy) -----------------------------------------------------

let crcTable: Uint32Array | null = null;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface OutEntry {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
}

function writeZip(entries: OutEntry[]): Uint8Array {
  let total = 22;
  for (const e of entries) total += 30 + e.name.length + e.data.length + 46 + e.name.length;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(p);
    dv.setUint32(p, 0x04034b50, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 0x800, true);
    dv.setUint16(p + 8, e.method, true);
    dv.setUint32(p + 14, e.crc, true);
    dv.setUint32(p + 18, e.compressedSize, true);
    dv.setUint32(p + 22, e.size, true);
    dv.setUint16(p + 26, e.name.length, true);
    out.set(e.name, p + 30);
    out.set(e.data, p + 30 + e.name.length);
    p += 30 + e.name.length + e.data.length;
  }
  const cd = p;
  entries.forEach((e, i) => {
    dv.setUint32(p, 0x02014b50, true);
    dv.setUint16(p + 4, 20, true);
    dv.setUint16(p + 6, 20, true);
    dv.setUint16(p + 8, 0x800, true);
    dv.setUint16(p + 10, e.method, true);
    dv.setUint32(p + 16, e.crc, true);
    dv.setUint32(p + 20, e.compressedSize, true);
    dv.setUint32(p + 24, e.size, true);
    dv.setUint16(p + 28, e.name.length, true);
    dv.setUint32(p + 42, offsets[i], true);
    out.set(e.name, p + 46);
    p += 46 + e.name.length;
  });
  dv.setUint32(p, 0x06054b50, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - cd, true);
  dv.setUint32(p + 16, cd, true);
  return out;
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
export function inspectPackage(input: Uint8Array, limits: Limits = LIMITS): PackageInfo {
  if (input.length > limits.maxFileBytes) throw new PackageError(PACKAGE.tooBigFile(input.length, limits.maxFileBytes));
  if (isOle(input)) throw new PackageError(describeOle(input));
  if (input.length < 22 || input[0] !== 0x50 || input[1] !== 0x4b) throw new PackageError(PACKAGE.notZip);
  const entries = readCentralDirectory(input);
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
  const budget: Budget = { total: 0, cells: 0, rows: 0 };
  const parts = new Map<string, Uint8Array>();
  const mergesByPart = new Map<string, string[]>();
  let mergedCells = 0;
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    const keep = e.name.endsWith(".rels") || /^xl\/tables\/[^/]+\.xml$/.test(e.name) || e.name === "xl/workbook.xml";
    const scanner = isSheet ? new SheetScanner() : null;
    const data = inflateEntry(input, e, budget, limits, keep, scanner);
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
