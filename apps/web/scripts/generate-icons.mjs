// Writes the PWA icons in public/: a cream rice barn (lumbung) on the theme green.
// Run once after changing the design: `node apps/web/scripts/generate-icons.mjs`. The PNGs are
// committed, so builds need no image tooling.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const green = [0x14, 0x53, 0x2d];
const cream = [0xf7, 0xf5, 0xef];
const gold = [0xd9, 0xa4, 0x41];
const publicDir = new URL('../public/', import.meta.url);

/** Colour of the pixel at (x, y) of the unit square, barn scaled by `scale` around the centre. */
function colourAt(x, y, scale) {
  const u = (x - 0.5) / scale + 0.5;
  const v = (y - 0.5) / scale + 0.5;
  const inRoof = v >= 0.18 && v <= 0.46 && Math.abs(u - 0.5) <= (v - 0.18) * (0.36 / 0.28);
  const inBody = v > 0.46 && v <= 0.82 && u >= 0.24 && u <= 0.76;
  const inDoor = v > 0.6 && v <= 0.82 && u >= 0.42 && u <= 0.58;
  if (inDoor) return gold;
  if (inRoof || inBody) return cream;
  return green;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function png(size, scale) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour RGB
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y += 1) {
    const rowStart = y * (1 + size * 3); // each row starts with filter byte 0 (none)
    for (let x = 0; x < size; x += 1) {
      const [r, g, b] = colourAt((x + 0.5) / size, (y + 0.5) / size, scale);
      rows.set([r, g, b], rowStart + 1 + x * 3);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(new URL('icons/icon-192.png', publicDir), png(192, 1));
writeFileSync(new URL('icons/icon-512.png', publicDir), png(512, 1));
// Maskable icons may be cropped to a circle: keep the barn inside the central safe zone.
writeFileSync(new URL('icons/icon-maskable-512.png', publicDir), png(512, 0.75));
console.log('icons written to', publicDir.pathname);
