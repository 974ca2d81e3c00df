#!/usr/bin/env node
// Draws the Teams app icons: appPackage/color.png (192x192) and appPackage/outline.png
// (32x32, white on transparent). The PNGs are committed; rerun this only to change them:
//   node scripts/make-icons.mjs
// The glyph is two overlapping speech bubbles (many voices, one chorus), drawn with
// signed distance functions and supersampled for smooth edges.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from './lib/png.mjs';

const OUT_DIR = fileURLToPath(new URL('../appPackage/', import.meta.url));

// --- signed distance helpers (negative inside), in glyph units 0..1 ---
const sdRoundBox = (x, y, x0, y0, x1, y1, r) => {
  const qx = Math.abs(x - (x0 + x1) / 2) - (x1 - x0) / 2 + r;
  const qy = Math.abs(y - (y0 + y1) / 2) - (y1 - y0) / 2 + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const sdCircle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
// Exact distance to a convex polygon (triangle here), after Inigo Quilez's sdPolygon.
const sdPolygon = (x, y, pts) => {
  let d = Infinity;
  let sign = 1;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [ax, ay] = pts[j], [bx, by] = pts[i];
    const ex = bx - ax, ey = by - ay, wx = x - ax, wy = y - ay;
    const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    d = Math.min(d, Math.hypot(wx - ex * t, wy - ey * t));
    const c1 = y >= ay, c2 = y < by, c3 = ex * wy > ey * wx;
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign;
  }
  return sign * d;
};

// Back bubble (upper left, tail down-left) and front bubble (lower right, tail down-right).
const backBubble = (x, y) =>
  Math.min(sdRoundBox(x, y, 0.0, 0.04, 0.66, 0.54, 0.16), sdPolygon(x, y, [[0.1, 0.44], [0.3, 0.44], [0.05, 0.7]]));
const frontBubble = (x, y) =>
  Math.min(sdRoundBox(x, y, 0.34, 0.36, 1.0, 0.84, 0.15), sdPolygon(x, y, [[0.68, 0.76], [0.88, 0.76], [0.95, 0.99]]));
const dots = (x, y) =>
  Math.min(sdCircle(x, y, 0.52, 0.6, 0.05), sdCircle(x, y, 0.67, 0.6, 0.05), sdCircle(x, y, 0.82, 0.6, 0.05));
const GAP = 0.06; // keeps the two bubbles readable where they overlap

/** true where the glyph is white */
function glyph(x, y) {
  const front = frontBubble(x, y);
  if (front <= 0) return dots(x, y) > 0;
  return backBubble(x, y) <= 0 && front > GAP;
}

/**
 * Render size x size RGBA. `paint(px, py)` gets sample coordinates in pixels and
 * returns [r, g, b, a] (0..255) or null for transparent; samples are averaged in
 * premultiplied space and stored straight, as PNG requires.
 */
function render(size, samples, paint) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = paint(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
          if (!c) continue;
          const alpha = c[3] / 255;
          r += c[0] * alpha; g += c[1] * alpha; b += c[2] * alpha; a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return rgba;
}

const WHITE = [255, 255, 255, 255];

function colorIcon() {
  const size = 192, inset = 46, box = size - 2 * inset, radius = 40;
  const top = [0x12, 0x86, 0x84], bottom = [0x0a, 0x55, 0x5a]; // deep teal, gentle vertical gradient
  return render(size, 4, (x, y) => {
    if (sdRoundBox(x, y, 0, 0, size, size, radius) > 0) return null;
    const gx = (x - inset) / box, gy = (y - inset) / box;
    if (glyph(gx, gy)) return WHITE;
    const t = y / size;
    return [...top.map((c, k) => Math.round(c + (bottom[k] - c) * t)), 255];
  });
}

function outlineIcon() {
  // Teams tints this icon itself: only white with alpha is allowed, everything else transparent.
  const size = 32, inset = 2, box = size - 2 * inset;
  const rgba = render(size, 8, (x, y) => (glyph((x - inset) / box, (y - inset) / box) ? WHITE : null));
  for (let i = 0; i < rgba.length; i += 4) rgba.set([255, 255, 255], i); // white even where alpha is 0
  return rgba;
}

writeFileSync(OUT_DIR + 'color.png', encodePng(192, 192, colorIcon()));
writeFileSync(OUT_DIR + 'outline.png', encodePng(32, 32, outlineIcon()));
console.log(`wrote ${OUT_DIR}color.png (192x192) and ${OUT_DIR}outline.png (32x32)`);
