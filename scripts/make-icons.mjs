// Draws the add-in's icons (assets/icon-16/32/64/80.png) with Node built-ins only:
// a rasteriser with 4×4 supersampling and a minimal PNG writer (IHDR, IDAT via zlib, IEND).
// Run: node scripts/make-icons.mjs. The manifest test checks the files and their pixel sizes.
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 4;

// Colours (RGBA): Fluent brand blue tile, white bars, green "achieved" tick.
const BLUE = [15, 108, 189, 255];
const WHITE = [255, 255, 255, 255];
const GREEN = [84, 176, 62, 255];

/** The design in unit coordinates (0..1): each shape says whether a point is inside. */
function shapes() {
  const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
  // A thick polyline: inside when the distance to any segment is below half the width.
  const stroke = (points, width) => (x, y) => {
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i], [bx, by] = points[i + 1];
      const dx = bx - ax, dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2) return true;
    }
    return false;
  };
  return [
    { inside: roundedRect(0.02, 0.02, 0.98, 0.98, 0.18), color: BLUE },
    // Three ascending bars: the performance of the indicators.
    { inside: rect(0.16, 0.58, 0.32, 0.84), color: WHITE },
    { inside: rect(0.40, 0.44, 0.56, 0.84), color: WHITE },
    { inside: rect(0.64, 0.30, 0.80, 0.84), color: WHITE },
    // The tick above them: target achieved.
    { inside: stroke([[0.16, 0.26], [0.30, 0.38], [0.56, 0.12]], 0.09), color: GREEN },
  ];
}

function render(size) {
  const design = shapes();
  const px = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let pxX = 0; pxX < size; pxX++) {
      // Average premultiplied colour over n×n samples, painting shapes in order.
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (pxX + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let c = null;
          for (const s of design) if (s.inside(x, y)) c = s.color;
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 255; }
        }
      }
      const count = n * n;
      const i = (py * size + pxX) * 4;
      const alpha = a / count;
      // Un-premultiply so edges keep their colour and only lose opacity.
      px[i] = alpha ? Math.round((r / count) * 255 / alpha) : 0;
      px[i + 1] = alpha ? Math.round((g / count) * 255 / alpha) : 0;
      px[i + 2] = alpha ? Math.round((b / count) * 255 / alpha) : 0;
      px[i + 3] = Math.round(alpha);
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** RGBA 8-bit, non-interlaced; each scanline starts with filter byte 0 (None). */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const outDir = path.join(root, "assets");
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, render(size)));
  console.log(`scritto ${path.relative(root, file)} (${size}×${size})`);
}
