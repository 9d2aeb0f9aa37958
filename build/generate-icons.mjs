#!/usr/bin/env node
/**
 * Draws the app icon (a white check mark on a green rounded square) at the sizes electron-builder
 * wants: Linux takes every `NxN.png` in this folder, Windows converts 256x256.png to .ico.
 * Run once after changing the design: `node build/generate-icons.mjs`; the PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const SIZES = [16, 32, 48, 64, 128, 256, 512];
const BACKGROUND = [11, 110, 79];
const SAMPLES = 4; // per axis: 16 samples per pixel for smooth edges

/** Distance from point p to segment ab, all in unit coordinates. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x, y) {
  const margin = 0.03;
  const radius = 0.2;
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

function onCheckMark(x, y) {
  const half = 0.055;
  return segmentDistance(x, y, 0.27, 0.52, 0.43, 0.68) <= half || segmentDistance(x, y, 0.43, 0.68, 0.74, 0.34) <= half;
}

function draw(size) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let check = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (insideRoundedSquare(x, y)) {
            square++;
            if (onCheckMark(x, y)) check++;
          }
        }
      }
      const n = SAMPLES * SAMPLES;
      const alpha = square / n;
      const white = square === 0 ? 0 : check / square;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(BACKGROUND[c] * (1 - white) + 255 * white);
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png);
}

for (const size of SIZES) {
  writeFileSync(new URL(`./icons/${size}x${size}.png`, import.meta.url), draw(size));
}
console.log(`icons: ${SIZES.map((s) => `${s}x${s}`).join(', ')} written to build/icons/`);
