#!/usr/bin/env node
/**
 * Writes the add-in's PNG icons into assets/ (no dependencies: shapes are rasterised with supersampling and the PNG
 * is encoded with node's zlib). Run `node scripts/make-icons.js` after changing the design; the output is
 * deterministic, so the committed PNGs only change when this script does.
 *
 *   icon-{16,32,64,80}.png   the add-in icon: a teal rounded square with a white euro sign
 *   check-{16,32,80}.png     the "Kontrolli" ribbon button: the same square with a white check mark
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const OUT_DIR = path.join(__dirname, "..", "assets");
const BACKGROUND = [0x0f, 0x7b, 0x6c]; // teal
const FOREGROUND = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8;

// ---------- PNG encoding ----------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** @param {number} size @param {Uint8Array} rgba size*size*4 bytes */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------- shapes (unit square coordinates, y down) ----------

function roundedSquare(inset, radius) {
  return (x, y) => {
    const lo = inset + radius;
    const hi = 1 - inset - radius;
    const dx = Math.max(lo - x, 0, x - hi);
    const dy = Math.max(lo - y, 0, y - hi);
    return dx * dx + dy * dy <= radius * radius && x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset;
  };
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

/** A polyline stroked with round caps and joins. */
function stroke(points, width) {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      if (distanceToSegment(x, y, points[i - 1], points[i]) <= width / 2) return true;
    }
    return false;
  };
}

/**
 * The euro sign: a ring open towards the right plus two horizontal bars. At 16 and 32 px the bars sit on whole pixel
 * rows (one and two pixels high), otherwise they blur into the ring.
 */
function euro(size) {
  const small = size <= 16;
  const cx = small ? 0.6 : 0.57;
  const cy = 0.5;
  const outer = small ? 0.37 : 0.27;
  const weight = small ? 0.125 : size <= 32 ? 0.1 : 0.085;
  const inner = outer - weight;
  const gap = ((small ? 45 : 50) * Math.PI) / 180; // half-angle of the opening on the right
  const barHalf = small ? 0.5 / 16 : size === 32 ? 1 / 32 : weight * 0.42;
  const barCentres = small ? [6.5 / 16, 9.5 / 16] : size === 32 ? [13 / 32, 19 / 32] : [0.44, 0.56];
  const barLeft = small ? 1 / 16 : size === 32 ? 6 / 32 : 0.19;
  const barRight = small ? 10 / 16 : 0.6;
  return (x, y) => {
    const r = Math.hypot(x - cx, y - cy);
    const angle = Math.abs(Math.atan2(y - cy, x - cx));
    if (r <= outer && r >= inner && angle >= gap) return true;
    return barCentres.some((by) => x >= barLeft && x <= barRight && Math.abs(y - by) <= barHalf);
  };
}

function checkMark(weight) {
  return stroke(
    [
      [0.27, 0.52],
      [0.44, 0.68],
      [0.74, 0.34],
    ],
    weight,
  );
}

// ---------- rasterising ----------

function render(size, glyph) {
  const background = roundedSquare(size <= 16 ? 0 : 0.03, 0.2);
  const rgba = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (background(x, y)) {
            bg++;
            if (glyph(x, y)) fg++;
          }
        }
      }
      const alpha = bg / (n * n);
      const fgShare = bg === 0 ? 0 : fg / bg;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        rgba[i + c] = Math.round(BACKGROUND[c] * (1 - fgShare) + FOREGROUND[c] * fgShare);
      }
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

/** Strokes get relatively heavier at small sizes so that they stay legible. */
function checkWeightFor(size) {
  return size <= 16 ? 0.14 : size <= 32 ? 0.11 : 0.095;
}

const ICONS = [
  ...[16, 32, 64, 80].map((size) => ({ name: `icon-${size}.png`, size, glyph: euro(size) })),
  ...[16, 32, 80].map((size) => ({ name: `check-${size}.png`, size, glyph: checkMark(checkWeightFor(size)) })),
];

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const { name, size, glyph } of ICONS) {
  const file = path.join(OUT_DIR, name);
  fs.writeFileSync(file, encodePng(size, render(size, glyph)));
  console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
}
