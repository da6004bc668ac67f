// The print tests' one comparison: a ticket preview PNG against the raster the ESC/POS peer
// decoded from what the printer was sent, dot for dot (a dark pixel is a printed dot).
import { PNG } from 'pngjs';
import type { PeerRaster } from '../print/escposPeer.js';

/** The preview's size, and how many dots differ from the printout (counted only when the sizes match). */
export function comparePreview(png: Buffer, raster: PeerRaster): { width: number; height: number; differing: number } {
  const img = PNG.sync.read(png);
  let differing = 0;
  if (img.width === raster.width && img.height === raster.height) {
    for (let i = 0; i < raster.dots.length; i++) if ((img.data[i * 4]! < 128 ? 1 : 0) !== raster.dots[i]) differing++;
  }
  return { width: img.width, height: img.height, differing };
}
