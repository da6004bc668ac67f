// Workbook bombs for the import tests and bench (issue 17 item 3), built at run time so no
// binary fixture is committed: a real exported workbook whose "choices" sheet is replaced by
// millions of identical rows. The rows are deflated once per 1 MiB block and the block's
// compressed bytes repeated (each block ends with a full flush, so it refers to nothing
// before it), which is how a few hundred KB unpack to hundreds of MB.
import { constants, crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { FormDefinition } from '../../electron/core/forms/definition.js';
import { exportWorkbook } from '../../electron/server/forms/xlsform.js';

interface ZipPart {
  name: string;
  /** The deflated bytes. */
  compressed: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size written in the headers (a lying zip states less than the truth). */
  declaredSize?: number;
}

/** A zip of deflated parts (no zip64: every size stays below 4 GiB). */
export function writeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.compressed);
    centrals.push(central, name);
    offset += local.length + name.length + p.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function part(name: string, data: Buffer): ZipPart {
  return { name, compressed: deflateRawSync(data), crc: crc32(data), size: data.length };
}

/** The parts of a (small) zip, inflated. */
export function unzipParts(zip: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      const out: { name: string; data: Buffer }[] = [];
      z.on('entry', (e: yauzl.Entry) => {
        z.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => {
            out.push({ name: e.fileName, data: Buffer.concat(chunks) });
            z.readEntry();
          });
        });
      });
      z.on('end', () => resolve(out));
      z.readEntry();
    });
  });
}

/** `rows` identical rows as sheet XML, deflated by repeating one flushed 1 MiB block. */
function bombSheet(rows: number, declaredRows: number): ZipPart {
  // No r="…" attributes (they are optional): identical rows compress about 400 to 1.
  const row = '<row><c><v>1</v></c></row>';
  const perBlock = Math.floor((1024 * 1024) / row.length);
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:A${declaredRows}"/><sheetData>`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const block = Buffer.from(row.repeat(perBlock));
  const flushed = (b: Buffer) => deflateRawSync(b, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const blockZ = flushed(block);
  const blocks = Math.floor(rows / perBlock);
  const rest = Buffer.from(row.repeat(rows - blocks * perBlock));
  const chunks = [flushed(head), ...Array<Buffer>(blocks).fill(blockZ), flushed(rest), deflateRawSync(tail)];
  let crc = crc32(head);
  for (let i = 0; i < blocks; i++) crc = crc32(block, crc);
  crc = crc32(rest, crc);
  crc = crc32(tail, crc);
  return { name: '', compressed: Buffer.concat(chunks), crc, size: head.length + blocks * block.length + rest.length + tail.length };
}

export interface BombOptions {
  rows: number;
  /** The dimension the sheet declares (default: the true row count). */
  declaredRows?: number;
  /** Headers state this uncompressed size instead of the truth. */
  lieAboutSize?: number;
}

/** An exported workbook of `def` whose "choices" sheet holds `rows` rows. */
export async function workbookBomb(def: FormDefinition, o: BombOptions): Promise<Buffer> {
  const parts = await unzipParts(await exportWorkbook(def));
  // exportWorkbook writes survey, choices, settings in that order: sheet2 is "choices".
  return writeZip(
    parts.map((p) => {
      if (p.name !== 'xl/worksheets/sheet2.xml') return part(p.name, p.data);
      const bomb = bombSheet(o.rows, o.declaredRows ?? o.rows);
      return { ...bomb, name: p.name, ...(o.lieAboutSize !== undefined ? { declaredSize: o.lieAboutSize } : {}) };
    }),
  );
}
