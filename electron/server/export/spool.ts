// One file of a batch while it is being written: its plaintext is hashed and counted on the
// way, and lands on disk only encrypted (AES-256-GCM under a key that lives in memory for
// this build alone). The tar header needs each file's size before its bytes, so the files are
// written first and then streamed into the archive; a crash leaves only ciphertext behind.
import { createCipheriv, createDecipheriv, createHash, randomBytes, type Hash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

const FLUSH_AT = 256 * 1024;
const READ_CHUNK = 1024 * 1024;

export class Spool {
  private readonly iv = randomBytes(12);
  private readonly cipher;
  private readonly out: WriteStream;
  private readonly hash: Hash = createHash('sha256');
  private pending: string[] = [];
  private pendingChars = 0;
  private tag: Buffer | null = null;
  bytes = 0;
  records = 0;

  constructor(
    readonly name: string,
    readonly path: string,
    private readonly key: Buffer,
  ) {
    this.cipher = createCipheriv('aes-256-gcm', key, this.iv);
    this.out = createWriteStream(path, { mode: 0o600 });
  }

  /**
   * Appends text. Returns a promise only when it flushed to disk and must wait for the disk
   * (backpressure); most calls only queue a string, with no promise to await.
   */
  write(text: string, records = 0): Promise<void> | null {
    this.records += records;
    this.pending.push(text);
    this.pendingChars += text.length;
    return this.pendingChars >= FLUSH_AT ? this.flush() : null;
  }

  private async flush(): Promise<void> {
    if (this.pendingChars === 0) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.out.write(this.cipher.update(chunk))) await once(this.out, 'drain');
  }

  async finish(): Promise<{ sha256: string; bytes: number; records: number }> {
    await this.flush();
    const last = this.cipher.final();
    this.tag = this.cipher.getAuthTag();
    this.out.end(last);
    await once(this.out, 'close');
    return { sha256: this.hash.digest('hex'), bytes: this.bytes, records: this.records };
  }

  /** The plaintext back, checked against the GCM tag at the end. */
  open(): Readable {
    if (!this.tag) throw new Error(`spool ${this.name} is not finished`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, this.iv);
    decipher.setAuthTag(this.tag);
    // 1 MiB reads instead of 64 KiB: every chunk travels through the tar packer, two stream
    // adapters and OpenPGP's stream code, whose per-chunk cost dominated at the default size.
    return createReadStream(this.path, { highWaterMark: READ_CHUNK }).pipe(decipher);
  }
}

export function spoolKey(): Buffer {
  return randomBytes(32);
}
