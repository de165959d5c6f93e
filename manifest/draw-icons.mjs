// Draws the two Teams app icons (color.png 192x192, outline.png 32x32) with Node.js built-ins only, so the
// icons are our own and can be regenerated without an image editor: `node manifest/draw-icons.mjs [folder]`
// (default: next to this script; a test draws into a temporary folder and compares the pixels).
//
// The motif is a shield: a white shield with a ring in the background colour on color.png, and the same shape
// as a white outline on outline.png. Teams wants the outline icon white on a fully transparent background, so
// that icon is drawn without anti-aliasing (every pixel is opaque white or fully transparent).

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

// Keep in sync with accentColor in manifest.json (a test checks that they match).
const BACKGROUND = [0x0b, 0x4f, 0x6c];
const WHITE = [0xff, 0xff, 0xff];

const outDir = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));

// A shield in unit coordinates: x in [-1, 1] (centre 0), y in [0, 1] from top to bottom. The top edge dips by
// `dip` towards the middle; the sides run straight down to 45 % of the height and then curve in to a point.
function inShield(x, y, dip) {
  const top = dip * (1 - x * x);
  if (y < top || y > 1) {
    return false;
  }
  const shoulder = 0.45;
  if (y <= shoulder) {
    return Math.abs(x) <= 1;
  }
  const t = (y - shoulder) / (1 - shoulder);
  return Math.abs(x) <= 1 - t * t;
}

// The shield placed in a square image: centred, `height` pixels tall, as wide as `widthRatio` of its height.
function shieldAt(size, height, widthRatio, dip) {
  const halfWidth = (height * widthRatio) / 2;
  const top = (size - height) / 2;
  const centre = size / 2;
  return (px, py) => inShield((px - centre) / halfWidth, (py - top) / height, dip);
}

// Renders `size` x `size` RGBA pixels; `cover(px, py)` returns the colour ([r, g, b] or null for transparent)
// at a point. `samples` x `samples` points per pixel give smooth edges; 1 gives hard edges.
function render(size, samples, background, cover) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = cover(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples) ?? background;
          if (colour) {
            sum[0] += colour[0];
            sum[1] += colour[1];
            sum[2] += colour[2];
            sum[3] += 255;
          }
        }
      }
      const n = samples * samples;
      const offset = (y * size + x) * 4;
      const alpha = sum[3] / n;
      // Colour channels are averaged over the covered samples only (straight, not premultiplied, alpha).
      const covered = sum[3] / 255;
      pixels[offset] = covered ? Math.round(sum[0] / covered) : 0;
      pixels[offset + 1] = covered ? Math.round(sum[1] / covered) : 0;
      pixels[offset + 2] = covered ? Math.round(sum[2] / covered) : 0;
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

// zlib.crc32 exists from Node 20.15/22.2; the table keeps the script working on older versions.
function crc32(buffer) {
  if (typeof zlib.crc32 === 'function') {
    return zlib.crc32(buffer) >>> 0;
  }
  let c = 0xffffffff;
  for (const byte of buffer) {
    c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// An 8-bit RGBA PNG; every scanline uses filter type 0 (None), which keeps the writer trivial.
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// color.png: Teams shows the colour icon on its own background, so the symbol stays inside the central area
// (about 120 px of 192) and the rest is the accent colour.
function drawColor() {
  const size = 192;
  const outer = shieldAt(size, 124, 0.82, 0.06);
  const ringOuter = shieldAt(size, 100, 0.82, 0.06);
  const ringInner = shieldAt(size, 84, 0.82, 0.06);
  return png(size, render(size, 4, BACKGROUND, (x, y) => {
    if (ringInner(x, y)) {
      return WHITE;
    }
    if (ringOuter(x, y)) {
      return BACKGROUND;
    }
    return outer(x, y) ? WHITE : BACKGROUND;
  }));
}

// outline.png: a 2-pixel white shield outline with a small solid shield inside, on transparency. The top edge
// is straight here: at 32 pixels without anti-aliasing a curved edge turns into ragged steps.
function drawOutline() {
  const size = 32;
  const outer = shieldAt(size, 28, 0.82, 0);
  const hole = shieldAt(size, 22, 0.82, 0);
  const inner = shieldAt(size, 14, 0.82, 0);
  return png(size, render(size, 1, null, (x, y) => {
    if (inner(x, y)) {
      return WHITE;
    }
    if (hole(x, y)) {
      return null;
    }
    return outer(x, y) ? WHITE : null;
  }));
}

writeFileSync(join(outDir, 'color.png'), drawColor());
writeFileSync(join(outDir, 'outline.png'), drawOutline());
console.log(`wrote color.png and outline.png to ${outDir}`);
