// A 1-bit raster in the printer's own layout (rows of bytes, MSB = leftmost dot, 1 = black),
// so the bytes sent in GS v 0 and the preview PNG come from the very same buffer.
import { crc32, deflateSync } from 'node:zlib';

export interface Bitmap {
  width: number;
  height: number;
  bytesPerRow: number;
  /** height × bytesPerRow bytes; bit 7 of byte 0 is the top-left dot. */
  data: Uint8Array;
}

/** Luminance at or below this is ink. Plain threshold: dithering would fray the glyph edges. */
export const INK_THRESHOLD = 128;

/** Packs RGBA pixels (canvas ImageData) into a bitmap; transparent counts as paper. */
export function thresholdRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  const data = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < height; y++) {
    const rowIn = y * width * 4;
    const rowOut = y * bytesPerRow;
    for (let x = 0; x < width; x++) {
      const i = rowIn + x * 4;
      const a = rgba[i + 3]!;
      // Composite on white paper, then Rec. 601 luma in integers.
      const r = 255 - (((255 - rgba[i]!) * a) / 255);
      const g = 255 - (((255 - rgba[i + 1]!) * a) / 255);
      const b = 255 - (((255 - rgba[i + 2]!) * a) / 255);
      if ((r * 299 + g * 587 + b * 114) / 1000 < INK_THRESHOLD) data[rowOut + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, bytesPerRow, data };
}

export function getDot(bm: Bitmap, x: number, y: number): boolean {
  return ((bm.data[y * bm.bytesPerRow + (x >> 3)]! >> (7 - (x & 7))) & 1) === 1;
}

/** How many rows in [from, to) hold at least one black dot. */
export function inkRows(bm: Bitmap, from = 0, to = bm.height): number {
  let n = 0;
  for (let y = from; y < to; y++) {
    const row = bm.data.subarray(y * bm.bytesPerRow, (y + 1) * bm.bytesPerRow);
    if (row.some((b) => b !== 0)) n++;
  }
  return n;
}

function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typeAndBody = Buffer.concat([Buffer.from(type, 'ascii'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndBody) >>> 0);
  return Buffer.concat([len, typeAndBody, crc]);
}

/** A 1-bit grayscale PNG of the bitmap: exactly the dots the printer gets, nothing smoothed. */
export function bitmapToPng(bm: Bitmap): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(bm.width, 0);
  ihdr.writeUInt32BE(bm.height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grayscale
  const raw = Buffer.alloc((bm.bytesPerRow + 1) * bm.height);
  for (let y = 0; y < bm.height; y++) {
    const o = y * (bm.bytesPerRow + 1);
    raw[o] = 0; // filter: none
    for (let i = 0; i < bm.bytesPerRow; i++) raw[o + 1 + i] = ~bm.data[y * bm.bytesPerRow + i]! & 0xff; // PNG: 1 = white
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
