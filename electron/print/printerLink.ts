// One printer, driven through node-thermal-printer: its buffer collects our own ESC/POS bytes
// (append), execute() sends them through our cancellable interface objects. Calls are
// serialized: many printers accept a single connection, and the library has one buffer.
import ntp from 'node-thermal-printer';
import type { PrinterAddress } from './address.js';
import type { Bitmap } from './bitmap.js';
import { DevicePrinterInterface } from './deviceInterface.js';
import { ESC_INIT, FEED_AND_CUT, dleEot, isStatusByte, parseStatus, rasterBands, type PrinterFlags } from './escpos.js';
import { PrintFailure, withDeadline } from './failure.js';
import { TcpPrinterInterface, type ExecOptions } from './tcpInterface.js';

const { ThermalPrinter, PrinterTypes } = ntp;

export interface LinkTimeouts {
  /** One DLE EOT round trip (three queries). */
  statusMs: number;
  /** Sending a whole ticket and getting the status answer that follows it. */
  jobMs: number;
}

export const DEFAULT_TIMEOUTS: LinkTimeouts = { statusMs: 1200, jobMs: 15000 };

const STATUS_QUERIES = Buffer.concat([dleEot(1), dleEot(2), dleEot(4)]);

export class PrinterLink {
  private readonly printer: InstanceType<typeof ThermalPrinter>;
  private readonly iface: TcpPrinterInterface | DevicePrinterInterface;
  private chain: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(
    readonly address: PrinterAddress,
    readonly timeouts: LinkTimeouts = DEFAULT_TIMEOUTS,
  ) {
    this.iface = address.kind === 'tcp' ? new TcpPrinterInterface(address.host, address.port) : new DevicePrinterInterface(address.path);
    // The library accepts an interface object in place of an address string.
    this.printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: this.iface as unknown as string, width: 48 });
  }

  /** Whether a call is running or waiting: the status poller stays out of the way then. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Only network printers answer DLE EOT; a device file is write-only from here. */
  get canReadStatus(): boolean {
    return this.address.kind === 'tcp';
  }

  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = (): Promise<T> => fn().finally(() => this.pending--);
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /** Sends what is in the library's buffer, within ms, and clears it whatever happens. */
  private send(build: () => void, ms: number, what: string, responseBytes: number): Promise<Buffer> {
    return withDeadline(ms, what, async (signal) => {
      // The library never empties its buffer itself: without clear() the next job would
      // print this one again.
      this.printer.clear();
      try {
        build();
        const opts: ExecOptions = { waitForResponse: responseBytes > 0, responseBytes, signal };
        const answer = (await this.printer.execute(opts)) as unknown;
        return Buffer.isBuffer(answer) ? answer : Buffer.alloc(0);
      } finally {
        this.printer.clear();
      }
    });
  }

  private decode(answer: Buffer): PrinterFlags {
    const [a, b, c] = answer;
    if (a === undefined || b === undefined || c === undefined || ![a, b, c].every(isStatusByte)) {
      throw new PrintFailure('bad_response', `unexpected status answer ${answer.toString('hex')}`);
    }
    return parseStatus(a, b, c);
  }

  /** DLE EOT 1, 2, 4 in one round trip. Device files: only checks that the device exists. */
  status(): Promise<PrinterFlags | null> {
    return this.serialize(async () => {
      if (this.iface instanceof DevicePrinterInterface) {
        await this.iface.check();
        return null;
      }
      const answer = await this.send(() => this.printer.append(STATUS_QUERIES), this.timeouts.statusMs, 'status', 3);
      return this.decode(answer);
    });
  }

  /**
   * Prints the raster (plus optional raw ESC/POS after it) and cuts. On a network printer the
   * job ends with DLE EOT queries: the answer arrives only after the printer has read every
   * byte before it, so "printed" means received, with no fault reported. Returns those flags.
   */
  print(bm: Bitmap, after?: Buffer): Promise<PrinterFlags | null> {
    return this.serialize(async () => {
      const wantStatus = this.canReadStatus;
      const answer = await this.send(
        () => {
          this.printer.append(ESC_INIT);
          for (const band of rasterBands(bm)) this.printer.append(band);
          if (after) this.printer.append(after);
          this.printer.append(FEED_AND_CUT);
          if (wantStatus) this.printer.append(STATUS_QUERIES);
        },
        this.timeouts.jobMs,
        'print',
        wantStatus ? 3 : 0,
      );
      return wantStatus ? this.decode(answer) : null;
    });
  }
}
