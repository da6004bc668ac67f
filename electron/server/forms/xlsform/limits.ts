// Checks an uploaded workbook's size before anything parses it (issue 17 item 3).
//
// An .xlsx is a zip of XML files, and XML of repeated rows compresses a thousandfold: a 326 KB
// upload can hold 5 million rows, and parsing it whole took 3 GB and stalled the hall's event
// loop. So before ExcelJS sees the bytes:
//  1. the zip's central directory (yauzl, nothing inflated): entry count, each entry's declared
//     size and compression ratio, the declared total;
//  2. each sheet's XML is inflated as a stream (yauzl refuses an entry that inflates past its
//     declared size, so the directory cannot lie): its declared `<dimension ref="A1:F5000001"/>`
//     is read from the first bytes, and its `<row>` elements are counted as they stream past,
//     stopping at the first row past the limit. Nothing of a sheet is kept in memory.
// Only a workbook within every limit is handed to ExcelJS, whose whole-file parse is then bounded.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { WorkbookError } from './cells.js';

export const WORKBOOK_LIMITS = {
  /** Rows per sheet, the header row included. */
  maxRows: 2000,
  maxEntries: 100,
  /** Uncompressed bytes of one entry, and of all together (a 2 000-row form sheet is ~2 MB). */
  maxEntryBytes: 8 * 1024 * 1024,
  maxTotalBytes: 16 * 1024 * 1024,
  /** Uncompressed ÷ compressed above this, for an entry past ratioFloorBytes, is a bomb. */
  maxRatio: 100,
  ratioFloorBytes: 256 * 1024,
  /** workbook.xml and its relationships are read whole; they are small in any real workbook. */
  maxIndexBytes: 1024 * 1024,
} as const;

const whole = (message: string): WorkbookError => ({ sheet: '', row: 0, column: '', message });
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip))),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream))));
}

async function readSmall(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await openEntry(zip, entry)) {
    size += (chunk as Buffer).length;
    if (size > WORKBOOK_LIMITS.maxIndexBytes) throw new Error('index too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The last row of a `ref` such as "A1:F5000001" (or "B7"), or null when it names none. */
export function lastRowOfRef(ref: string): number | null {
  const m = /([A-Z]{1,3})?(\d{1,9})$/i.exec(ref.trim());
  return m ? Number(m[2]) : null;
}

/**
 * Streams one sheet's XML: refuses a declared dimension or a row past the limit, stopping the
 * stream there. Returns the problem, or null when the sheet is within the limits.
 */
export async function checkSheetRows(stream: Readable, sheet: string, maxRows: number): Promise<WorkbookError | null> {
  const tooMany = (): WorkbookError => ({ sheet, row: maxRows, column: '', message: `At most ${maxRows} rows per sheet.` });
  let carry = '';
  let head = '';
  let dimensionSeen = false;
  let rows = 0;
  try {
    for await (const chunk of stream) {
      // Tags and attribute values we look at are ASCII; latin1 keeps byte offsets simple.
      let text = carry + (chunk as Buffer).toString('latin1');
      if (!dimensionSeen && head.length < 64 * 1024) {
        head += text;
        const dim = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(head);
        if (dim) {
          dimensionSeen = true;
          const last = lastRowOfRef(dim[1]!);
          if (last !== null && last > maxRows) return tooMany();
        } else if (/<(?:\w+:)?sheetData\b/.test(head)) {
          dimensionSeen = true;
        }
      }
      // Keep an unfinished tag for the next chunk (bounded: a tag is never that long).
      const lastOpen = text.lastIndexOf('<');
      if (lastOpen >= 0 && text.indexOf('>', lastOpen) === -1 && text.length - lastOpen < 4096) {
        carry = text.slice(lastOpen);
        text = text.slice(0, lastOpen);
      } else {
        carry = '';
      }
      for (const m of text.matchAll(/<(?:\w+:)?row\b([^>]*)>/g)) {
        rows++;
        const r = /\br="(\d{1,12})"/.exec(m[1]!);
        if (rows > maxRows || (r && Number(r[1]) > maxRows)) return tooMany();
      }
    }
  } finally {
    stream.destroy();
  }
  return null;
}

/**
 * Checks a workbook upload against WORKBOOK_LIMITS without parsing it. Returns the problems
 * (empty when the workbook may be parsed); a file that is not a zip at all is left to the
 * parser, which says so.
 */
export async function checkWorkbookLimits(bytes: Buffer, limits: typeof WORKBOOK_LIMITS = WORKBOOK_LIMITS): Promise<WorkbookError[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    return [whole('Not a readable .xlsx workbook.')];
  }
  try {
    if (zip.entryCount > limits.maxEntries) return [whole(`The workbook holds ${zip.entryCount} files; at most ${limits.maxEntries}.`)];
    const entries = await listEntries(zip);
    let total = 0;
    for (const e of entries) {
      total += e.uncompressedSize;
      if (e.uncompressedSize > limits.maxEntryBytes) return [whole(`"${e.fileName.slice(0, 80)}" unpacks to ${MB(e.uncompressedSize)}; at most ${MB(limits.maxEntryBytes)} per part.`)];
      if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
        return [whole(`"${e.fileName.slice(0, 80)}" is compressed ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} to 1; a real workbook is not.`)];
      }
    }
    if (total > limits.maxTotalBytes) return [whole(`The workbook unpacks to ${MB(total)}; at most ${MB(limits.maxTotalBytes)}.`)];

    // Sheet names come from workbook.xml, their files from its relationships.
    const byName = new Map(entries.map((e) => [e.fileName.replace(/^\/+/, ''), e]));
    const book = byName.get('xl/workbook.xml');
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    if (!book || !rels) return [];
    const targets = new Map<string, string>();
    for (const m of (await readSmall(zip, rels)).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const id = /\bId="([^"]*)"/.exec(m[1]!)?.[1];
      const target = /\bTarget="([^"]*)"/.exec(m[1]!)?.[1];
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    for (const m of (await readSmall(zip, book)).matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1] ?? '';
      const id = /\br:id="([^"]*)"/.exec(m[1]!)?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[1]!)?.[1];
      const entry = id ? byName.get((targets.get(id) ?? '').replace(/\/\.\//g, '/')) : undefined;
      if (!entry) continue;
      const problem = await checkSheetRows(await openEntry(zip, entry), decodeXml(name), limits.maxRows);
      if (problem) return [problem];
    }
    return [];
  } catch {
    // An entry that inflates past its declared size, or a broken stream: not a workbook we read.
    return [whole('Not a readable .xlsx workbook.')];
  } finally {
    zip.close();
  }
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_a, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}
