// The one zip reader of the .xlsx paths (ECMA-376 Part 2 packages are zip files, APPNOTE
// 6.3): the central directory (ZIP64 included), each entry's data located from its local
// header, a streaming inflate that stops as soon as an entry passes what it declared or a
// bound of src/core/limits.ts, and a small writer that copies entries as they are
// (compressed bytes untouched) or stores new ones. Used by the package check before ExcelJS
// (inspect.ts) and by the package-preserving writer's reader (package.ts): the same
// parsing, the same limits. Browser-safe: no Node modules.
import { Inflate } from "fflate";
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

export function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
export function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 2 ** 32;
}

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

// ---- central directory -----------------------------------------------------------

export function readCentralDirectory(b: Uint8Array, limits: Limits = LIMITS): ZipEntry[] {
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
  if (count > limits.maxEntries) throw new PackageError(PACKAGE.tooManyEntries(count, limits.maxEntries));
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

export function dataStart(b: Uint8Array, entry: ZipEntry): number {
  const o = entry.offset;
  if (o + 30 > b.length || u32(b, o) !== 0x04034b50) throw new PackageError(PACKAGE.badEntry(entry.name));
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  if (start + entry.compressedSize > b.length) throw new PackageError(PACKAGE.badEntry(entry.name));
  return start;
}

/** What the parts inflated so far produced (the package's total is bounded). */
export interface InflateBudget {
  total: number;
}

/**
 * Inflates one entry, 16 KiB of input at a time (at most ~16 MiB of output per step), and
 * stops as soon as its size passes what it declared or a limit. Returns the bytes only when
 * `keep`; otherwise only counts. `onChunk` sees the output as it comes (and may throw to stop).
 */
export function inflateEntry(b: Uint8Array, entry: ZipEntry, budget: InflateBudget, limits: Limits, keep: boolean, onChunk?: (chunk: Uint8Array, final: boolean) => void): Uint8Array | null {
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
  };
  const onData = (chunk: Uint8Array, final: boolean) => {
    produced += chunk.length;
    check();
    onChunk?.(chunk, final);
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

// ---- zip writer -----------------------------------------------------

let crcTable: Uint32Array | null = null;
export function crc32(data: Uint8Array): number {
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

export interface OutEntry {
  name: Uint8Array;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
}

/** 1 January 1980, the first MS-DOS date (a zero date is not a valid one). */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function writeZip(entries: OutEntry[]): Uint8Array {
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
    dv.setUint16(p + 12, DOS_DATE, true);
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
    dv.setUint16(p + 14, DOS_DATE, true);
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


/** An entry's stored (compressed) bytes, as they are in the file. */
export function rawData(b: Uint8Array, entry: ZipEntry): Uint8Array {
  const start = dataStart(b, entry);
  return b.subarray(start, start + entry.compressedSize);
}
