// Draws the app icons (resources/icons/icon.png 1024×1024, tray.png 32×32) with no image library:
// shapes as signed distance functions, anti-aliased per pixel, written as PNG with node:zlib.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const outDir = resolve(import.meta.dirname, '..', 'resources', 'icons');

// ---- PNG -------------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}
/** RGBA pixels (Uint8Array, width*height*4) → PNG file bytes. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Shapes (design units: a 1024×1024 canvas) -----------------------------------------------
const length = (x, y) => Math.hypot(x, y);
function roundedBox(px, py, cx, cy, halfWidth, halfHeight, radius) {
  const qx = Math.abs(px - cx) - halfWidth + radius;
  const qy = Math.abs(py - cy) - halfHeight + radius;
  return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}
/** A stroke of width `thickness` along a circle arc from angle `from` to `to` (radians, y down), round caps. */
function arc(px, py, cx, cy, radius, thickness, from, to) {
  let angle = Math.atan2(py - cy, px - cx);
  while (angle < from) angle += 2 * Math.PI;
  if (angle <= to) return Math.abs(length(px - cx, py - cy) - radius) - thickness / 2;
  const cap = (a) => length(px - (cx + radius * Math.cos(a)), py - (cy + radius * Math.sin(a)));
  return Math.min(cap(from), cap(to)) - thickness / 2;
}

/** A headset: headband, two ear cups, a microphone boom — white on a calm blue tile. */
function headset(px, py, bold) {
  const w = bold ? 1.6 : 1; // thicker strokes where the icon is tiny
  const band = arc(px, py, 512, 540, 262, 58 * w, Math.PI, 2 * Math.PI);
  const leftCup = roundedBox(px, py, 262, 600, 62 * (bold ? 1.25 : 1), 120, 48);
  const rightCup = roundedBox(px, py, 762, 600, 62 * (bold ? 1.25 : 1), 120, 48);
  const boom = arc(px, py, 452, 700, 190, 34 * w, Math.PI / 2, Math.PI);
  const mic = roundedBox(px, py, 512, 890, 74, 36 * (bold ? 1.3 : 1), 36 * (bold ? 1.3 : 1));
  return Math.min(band, leftCup, rightCup, boom, mic);
}

function render(size, { margin, cornerRadius, bold }) {
  const rgba = new Uint8Array(size * size * 4);
  const unitsPerPixel = 1024 / size;
  const coverage = (distanceInUnits) => Math.min(1, Math.max(0, 0.5 - distanceInUnits / unitsPerPixel));
  const top = [64, 132, 232]; // calm blue, lighter at the top
  const bottom = [36, 92, 184];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = (x + 0.5) * unitsPerPixel;
      const py = (y + 0.5) * unitsPerPixel;
      const half = 512 - margin;
      const tile = coverage(roundedBox(px, py, 512, 512, half, half, cornerRadius));
      const glyph = coverage(headset(px, py, bold));
      const t = py / 1024;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        const blue = top[c] * (1 - t) + bottom[c] * t;
        rgba[i + c] = Math.round(blue * (1 - glyph) + 255 * glyph);
      }
      rgba[i + 3] = Math.round(255 * tile);
    }
  }
  return encodePng(size, size, rgba);
}

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'icon.png'), render(1024, { margin: 64, cornerRadius: 200, bold: false }));
writeFileSync(join(outDir, 'tray.png'), render(32, { margin: 0, cornerRadius: 192, bold: true }));
console.log(`Wrote icon.png and tray.png to ${outDir}`);
