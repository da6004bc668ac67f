// A device-file printer (/dev/usb/lp0, COM3) in node-thermal-printer's interface shape. The
// library's File interface opens with 'w' (which creates a regular file when the device is
// missing) and retries for minutes in the background (a stale ticket prints much later).
// Here: the path must already be a character device or FIFO, it is opened without O_CREAT,
// and a cancelled job never writes.
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { PrintFailure, failureFrom } from './failure.js';
import type { ExecOptions } from './tcpInterface.js';

const WINDOWS = process.platform === 'win32';

export class DevicePrinterInterface {
  constructor(readonly path: string) {}

  getPrinterName(): string {
    return this.path;
  }

  /** Throws device_missing / not_a_device; never touches the file system otherwise. */
  async check(): Promise<void> {
    if (WINDOWS) return; // \\.\COM3 has no stat; open() below reports a missing port.
    let st;
    try {
      st = await stat(this.path);
    } catch (e) {
      throw failureFrom(e, 'device_missing');
    }
    if (!st.isCharacterDevice() && !st.isFIFO()) {
      throw new PrintFailure('not_a_device', `${this.path} is not a printer device`);
    }
  }

  async isPrinterConnected(): Promise<boolean> {
    return this.check().then(
      () => true,
      () => false,
    );
  }

  async execute(buffer: Buffer, options: ExecOptions = {}): Promise<Buffer> {
    const { signal } = options;
    if (options.waitForResponse) {
      // Checked before writing: the caller must not print and then call it a failure.
      throw new PrintFailure('no_response', 'a device file gives no status answers');
    }
    await this.check();
    // No O_CREAT (and 'r+' on Windows): opening a missing path fails instead of creating it.
    const flags = WINDOWS ? 'r+' : constants.O_WRONLY | constants.O_NOCTTY;
    const fh = await open(this.path, flags).catch((e: unknown) => {
      throw failureFrom(e, 'io_error');
    });
    try {
      // open() may have waited (a FIFO without reader, a busy port): if the job was cancelled
      // meanwhile, writing now would print a ticket nobody is waiting for.
      if (signal?.aborted) throw new PrintFailure('timeout', 'printer call cancelled');
      await fh.write(buffer);
    } catch (e) {
      throw failureFrom(e);
    } finally {
      await fh.close().catch(() => undefined);
    }
    return Buffer.alloc(0);
  }
}
