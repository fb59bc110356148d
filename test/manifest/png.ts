// Reads a PNG's header for the icon checks: signature, chunk CRCs, IHDR size, and that the
// image data inflates to exactly the bytes its header announces (so a truncated or
// mislabelled file fails, not only a missing one).
import { inflateSync } from "node:zlib";

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export function readPng(file: Buffer): PngInfo {
  if (file.length < 8 || !file.subarray(0, 8).equals(SIGNATURE)) throw new Error("firma PNG assente");
  let off = 8;
  let info: PngInfo | null = null;
  let interlace = 0;
  const idat: Buffer[] = [];
  let sawEnd = false;
  while (off < file.length) {
    const len = file.readUInt32BE(off);
    const type = file.toString("ascii", off + 4, off + 8);
    const data = file.subarray(off + 8, off + 8 + len);
    const crc = file.readUInt32BE(off + 8 + len);
    if (crc32(file.subarray(off + 4, off + 8 + len)) !== crc) throw new Error(`CRC errato nel blocco ${type}`);
    if (type === "IHDR") {
      info = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8], colorType: data[9] };
      interlace = data[12];
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") {
      sawEnd = true;
      break;
    }
    off += 12 + len;
  }
  if (!info) throw new Error("blocco IHDR assente");
  if (!sawEnd) throw new Error("blocco IEND assente");
  if (interlace === 0 && info.bitDepth === 8 && CHANNELS[info.colorType]) {
    const expected = info.height * (info.width * CHANNELS[info.colorType] + 1);
    const raw = inflateSync(Buffer.concat(idat));
    if (raw.length !== expected) throw new Error(`dati immagine: ${raw.length} byte invece di ${expected}`);
  }
  return info;
}
