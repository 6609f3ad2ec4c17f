// Draws the extension icon (images/icon.png, 128x128): a check mark over two
// overlapping pages on a teal rounded square. No image library: PNG by hand.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const size = 128;
const pixels = new Uint8Array(size * size * 4);
const blend = (x, y, [r, g, b], alpha) => {
  if (x < 0 || y < 0 || x >= size || y >= size || alpha <= 0) return;
  const i = (y * size + x) * 4;
  const a = Math.min(1, alpha);
  const old = pixels[i + 3] / 255;
  const out = a + old * (1 - a);
  for (const [k, v] of [[0, r], [1, g], [2, b]]) pixels[i + k] = Math.round((v * a + pixels[i + k] * old * (1 - a)) / (out || 1));
  pixels[i + 3] = Math.round(out * 255);
};
// Coverage of a pixel by a shape, 4x4 supersampled.
const fill = (inside, color) => {
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    let hits = 0;
    for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
    blend(x, y, color, hits / 16);
  }
};
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.max(x0 + r, Math.min(x1 - r, x));
  const cy = Math.max(y0 + r, Math.min(y1 - r, y));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};
fill(roundRect(4, 4, 124, 124, 24), [17, 110, 120]);
fill(roundRect(26, 22, 80, 92, 6), [200, 230, 232]);
fill(roundRect(44, 34, 100, 106, 6), [255, 255, 255]);
for (let i = 0; i < 4; i++) fill(roundRect(54, 46 + i * 10, 90, 50 + i * 10, 2), [170, 190, 195]);
fill((x, y) => segment(56, 84, 72, 100, 12)(x, y) || segment(72, 100, 110, 56, 12)(x, y), [240, 160, 40]);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) Buffer.from(pixels.subarray(y * size * 4, (y + 1) * size * 4)).copy(raw, y * (size * 4 + 1) + 1);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, png);
console.log(`${file}: ${png.length} bytes`);
