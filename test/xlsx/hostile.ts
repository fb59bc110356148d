// Hostile and odd workbooks for the package check (issue 14), generated in the tests: zip
// bombs built from byte-aligned deflate blocks (zlib full flush: each block is independent,
// so one compressed block repeated K times inflates to K times its text in milliseconds),
// sheets spanning XFD1048576, huge merges, openpyxl's absolute relationship targets,
// encrypted (OLE) files, .ods-like and plain zips.
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { unzipSync, zipSync, strToU8, strFromU8 } from "fflate";

export interface RawEntry {
  name: string;
  /** Compressed bytes (method 8) or the bytes (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  /** Declared uncompressed size (may lie). */
  size: number;
  crc?: number;
}

/** A zip written by hand, so sizes can be declared as we like. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x800, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(e.crc ?? 0, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(Math.min(e.size, 0xffffffff), 22);
    h.writeUInt16LE(name.length, 26);
    locals.push(h, name, Buffer.from(e.data));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc ?? 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(Math.min(e.size, 0xffffffff), 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A raw deflate block of `text`, byte-aligned and independent (Z_FULL_FLUSH), not final. */
function block(text: string): Buffer {
  const d = zlib.deflateRawSync(Buffer.from(text), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  return d;
}

/** Deflate data inflating to head + body×times + tail, built in milliseconds. */
export function repeatedDeflate(head: string, body: string, times: number, tail: string): { data: Buffer; size: number } {
  const h = block(head);
  const b = block(body);
  const t = zlib.deflateRawSync(Buffer.from(tail), { level: 9 });
  const parts: Buffer[] = [h];
  for (let i = 0; i < times; i++) parts.push(b);
  parts.push(t);
  return { data: Buffer.concat(parts), size: Buffer.byteLength(head) + Buffer.byteLength(body) * times + Buffer.byteLength(tail) };
}

/** A small valid workbook (ExcelJS) as its parts, to tamper with. */
export async function baseParts(build?: (wb: ExcelJS.Workbook) => void): Promise<Record<string, Uint8Array>> {
  const wb = new ExcelJS.Workbook();
  if (build) build(wb);
  else wb.addWorksheet("Foglio1").getCell("A1").value = "Missione";
  return unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
}

export function zipParts(parts: Record<string, Uint8Array>): Buffer {
  return Buffer.from(zipSync(parts, { level: 6 }));
}

export const text = (u: Uint8Array) => strFromU8(u);
export const bytes = (s: string) => strToU8(s);

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const ROW = '<row r="1"><c r="A1" t="n"><v>1</v></c><c r="B1" t="n"><v>2</v></c><c r="C1" t="n"><v>3</v></c><c r="D1" t="n"><v>4</v></c></row>';
const SHEET_TAIL = "</sheetData></worksheet>";

/**
 * A workbook whose sheet1.xml inflates to `targetBytes` (honest sizes unless `declaredSize`):
 * every other part is a normal ExcelJS part.
 */
export async function zipBomb(targetBytes: number, declaredSize?: number, kind: "blank" | "rows" = "blank"): Promise<Buffer> {
  const parts = await baseParts();
  // Blank: whitespace between elements (deflate's best ratio, ~1000:1); rows: real cells (~250:1).
  const body = kind === "blank" ? " ".repeat(1 << 20) : ROW.repeat(Math.ceil((1 << 20) / ROW.length));
  const times = Math.max(1, Math.round(targetBytes / body.length));
  const sheet = repeatedDeflate(SHEET_HEAD, body, times, SHEET_TAIL);
  const entries: RawEntry[] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (name === "xl/worksheets/sheet1.xml") entries.push({ name, data: sheet.data, method: 8, size: declaredSize ?? sheet.size });
    else entries.push({ name, data: zlib.deflateRawSync(Buffer.from(data)), method: 8, size: data.length, crc: zlib.crc32 ? zlib.crc32(Buffer.from(data)) : undefined });
  }
  return rawZip(entries);
}

/** Replaces (or adds) parts of a base workbook. */
export async function tampered(edit: (parts: Record<string, Uint8Array>) => void, build?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const parts = await baseParts(build);
  edit(parts);
  return zipParts(parts);
}

/** A merge over the given range added to sheet1 (after sheetData, as ECMA-376 orders it). */
export function addMerge(parts: Record<string, Uint8Array>, ref: string): void {
  const name = "xl/worksheets/sheet1.xml";
  const xml = text(parts[name]);
  const merged = /<mergeCells\b/.test(xml)
    ? xml.replace(/<mergeCells[^>]*>/, (m) => `${m}<mergeCell ref="${ref}"/>`)
    : xml.replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
  parts[name] = bytes(merged);
}

/** An OLE compound file with the given stream names in its directory (enough for detection). */
export function oleFile(streams: string[]): Buffer {
  const b = Buffer.alloc(512 * 3);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 24);
  b.writeUInt16LE(3, 26);
  b.writeUInt16LE(0xfffe, 28);
  b.writeUInt16LE(9, 30);
  // Directory sector 0 (file offset 512): Root Entry, then the streams.
  const names = ["Root Entry", ...streams];
  names.forEach((n, i) => {
    const o = 512 + i * 128;
    b.write(n, o, "utf16le");
    b.writeUInt16LE((n.length + 1) * 2, o + 64);
    b[o + 66] = i === 0 ? 5 : 2;
  });
  return b;
}
