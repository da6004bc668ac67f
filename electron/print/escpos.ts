// ESC/POS byte sequences we build ourselves: the raster in GS v 0 bands, QR via GS ( k with
// the real byte length, and the DLE EOT real-time status queries and their answers.
import type { Bitmap } from './bitmap.js';

export const ESC_INIT = Buffer.from([0x1b, 0x40]); // ESC @: clear leftovers of any earlier job
/** Feed past the cutter, then full cut (GS V 66 n: feed n dots and cut). */
export const FEED_AND_CUT = Buffer.from([0x1d, 0x56, 0x42, 0x60]);

/**
 * Most printers buffer one command at a time; a whole ticket in one GS v 0 (up to 100 KB)
 * overflows cheap ones, so the raster goes in bands of at most this many rows.
 */
export const MAX_BAND_ROWS = 256;

/** GS v 0 m=0 commands, one per band of at most maxRows rows, in order. */
export function rasterBands(bm: Bitmap, maxRows = MAX_BAND_ROWS): Buffer[] {
  if (maxRows < 1 || maxRows > MAX_BAND_ROWS) throw new RangeError('band rows must be 1..256');
  const out: Buffer[] = [];
  for (let top = 0; top < bm.height; top += maxRows) {
    const rows = Math.min(maxRows, bm.height - top);
    const head = Buffer.from([0x1d, 0x76, 0x30, 0x00, bm.bytesPerRow & 0xff, bm.bytesPerRow >> 8, rows & 0xff, rows >> 8]);
    const body = bm.data.subarray(top * bm.bytesPerRow, (top + rows) * bm.bytesPerRow);
    out.push(Buffer.concat([head, body]));
  }
  return out;
}

/**
 * QR through the printer's own encoder (GS ( k, function 165/167/169/180/181). The store
 * command declares the byte length of the UTF-8 data, not the JS string length (the bug in
 * node-thermal-printer's printQR for anything non-ASCII).
 */
export function qrCommands(data: string, opts: { moduleSize?: number; ecc?: 'L' | 'M' | 'Q' | 'H' } = {}): Buffer {
  const bytes = Buffer.from(data, 'utf8');
  if (bytes.length === 0 || bytes.length > 7089) throw new RangeError('QR data must be 1..7089 bytes');
  const size = Math.min(16, Math.max(1, opts.moduleSize ?? 6));
  const ecc = { L: 48, M: 49, Q: 50, H: 51 }[opts.ecc ?? 'M'];
  const fn = (cn: number, fnId: number, ...params: number[]): Buffer => {
    const len = params.length + 2; // cn and fn count in pL
    return Buffer.from([0x1d, 0x28, 0x6b, len & 0xff, len >> 8, cn, fnId, ...params]);
  };
  const storeLen = bytes.length + 3;
  return Buffer.concat([
    fn(49, 65, 50, 0), // model 2
    fn(49, 67, size),
    fn(49, 69, ecc),
    Buffer.from([0x1d, 0x28, 0x6b, storeLen & 0xff, storeLen >> 8, 49, 80, 48]),
    bytes,
    fn(49, 81, 48), // print the stored symbol
  ]);
}

/** DLE EOT n: n=1 printer status, n=2 offline cause, n=4 roll paper sensor. */
export type StatusQuery = 1 | 2 | 4;
export function dleEot(n: StatusQuery): Buffer {
  return Buffer.from([0x10, 0x04, n]);
}

export interface PrinterFlags {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  error: boolean;
}

/** Every DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear; anything else is noise. */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Decodes the three answers (to n=1, 2, 4, in that order). */
export function parseStatus(n1: number, n2: number, n4: number): PrinterFlags {
  if (![n1, n2, n4].every(isStatusByte)) throw new Error('not a DLE EOT status answer');
  return {
    offline: (n1 & 0x08) !== 0,
    coverOpen: (n2 & 0x04) !== 0,
    paperOut: (n2 & 0x20) !== 0 || (n4 & 0x60) === 0x60,
    paperNearEnd: (n4 & 0x0c) === 0x0c,
    error: (n2 & 0x40) !== 0,
  };
}

/** The reason to refuse or fail a print, most specific first; null when the printer is ready. */
export function blockingReason(f: PrinterFlags): 'cover_open' | 'paper_out' | 'printer_error' | 'offline' | null {
  if (f.coverOpen) return 'cover_open';
  if (f.paperOut) return 'paper_out';
  if (f.error) return 'printer_error';
  if (f.offline) return 'offline';
  return null;
}
