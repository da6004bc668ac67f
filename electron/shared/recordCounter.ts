// Counts the records of a batch file while its bytes stream past, so the hall's verify-batch
// and the district's intake check a manifest's counts the same way without holding the file:
// JSON Lines count lines; CSV counts rows outside quotes, less the header and the Chinese
// label row; any other file is one record. The CSV's first bytes are checked for the BOM.
import { CSV_BOM } from '../core/export/csv.js';

const BOM = Buffer.from(CSV_BOM, 'utf8');

export class RecordCounter {
  private quoted = false;
  private lines = 0;
  private first = true;
  /** False when a CSV does not start with the UTF-8 BOM. */
  bomOk = true;

  constructor(private readonly kind: 'csv' | 'jsonl' | 'other') {}

  push(chunk: Buffer): void {
    if (this.kind === 'other') return;
    if (this.first && this.kind === 'csv') this.bomOk = chunk.subarray(0, 3).equals(BOM);
    this.first = false;
    for (const b of chunk) {
      if (this.kind === 'csv' && b === 0x22) this.quoted = !this.quoted;
      else if (b === 0x0a && !this.quoted) this.lines += 1;
    }
  }

  records(): number {
    if (this.kind === 'csv') return Math.max(0, this.lines - 2);
    if (this.kind === 'jsonl') return this.lines;
    return 1;
  }
}
