// A network printer "interface" in node-thermal-printer's own shape (execute(buffer, options)),
// handed to ThermalPrinter as an object. We keep the socket in our hands because the library's
// Network interface cannot be cancelled: after a timeout its socket would keep writing and the
// ticket could come out later, after staff already reprinted it.
import net from 'node:net';
import { PrintFailure, failureFrom } from './failure.js';

export interface ExecOptions {
  /** Wait for the printer's answer (DLE EOT status bytes) before resolving. */
  waitForResponse?: boolean;
  /** How many answer bytes to wait for (default 1). */
  responseBytes?: number;
  /** Aborting destroys the socket at once, so nothing more reaches the printer. */
  signal?: AbortSignal;
}

export class TcpPrinterInterface {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {}

  getPrinterName(): string {
    return `tcp://${this.host}:${this.port}`;
  }

  async isPrinterConnected(): Promise<boolean> {
    try {
      await this.execute(Buffer.alloc(0), {});
      return true;
    } catch {
      return false;
    }
  }

  /** One connection per call: write everything, optionally read responseBytes, close. */
  execute(buffer: Buffer, options: ExecOptions = {}): Promise<Buffer> {
    const want = options.waitForResponse ? Math.max(1, options.responseBytes ?? 1) : 0;
    const signal = options.signal;
    return new Promise<Buffer>((resolve, reject) => {
      const sock = net.connect({ host: this.host, port: this.port });
      sock.setNoDelay(true);
      let got = Buffer.alloc(0);
      let settled = false;
      const finish = (err: PrintFailure | null, data?: Buffer): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        sock.destroy();
        if (err) reject(err);
        else resolve(data ?? Buffer.alloc(0));
      };
      const onAbort = (): void => finish(new PrintFailure('timeout', 'printer call cancelled'));
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      sock.once('connect', () => {
        sock.write(buffer, (err) => {
          if (err) finish(failureFrom(err));
          else if (want === 0) finish(null);
        });
      });
      sock.on('data', (d: Buffer) => {
        got = Buffer.concat([got, d]);
        if (want > 0 && got.length >= want) finish(null, got.subarray(0, want));
      });
      sock.once('error', (e) => finish(failureFrom(e)));
      // A printer that hangs up without answering has not confirmed anything.
      sock.once('close', () => finish(new PrintFailure(want > 0 ? 'no_response' : 'connection_reset', 'printer closed the connection')));
    });
  }
}
