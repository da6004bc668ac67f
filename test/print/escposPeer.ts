// A pretend ESC/POS network printer for tests, on 127.0.0.1. It parses what a real one would
// (ESC @, GS v 0 raster, GS ( k QR, GS V cut, DLE EOT status, ESC d feed, LF), rebuilds each
// job's raster, and can misbehave: paper out, cover open, slow reading, reset mid-job.
import net from 'node:net';
import { PNG } from 'pngjs';

export type PeerMode = 'normal' | 'paper-out' | 'cover-open' | 'slow' | 'reset';

export interface PeerRaster {
  width: number;
  height: number;
  /** One byte per dot: 1 = black. */
  dots: Uint8Array;
}

export interface PeerJob {
  raster: PeerRaster | null;
  bands: number[];
  qr: string[];
  cut: boolean;
  /** performance.now() when the cut (the job's last command) was parsed. */
  cutAt: number;
}

/** The DLE EOT answers per mode (n = 1, 2, 4). Fixed bits 0x12 are always set. */
function statusByte(mode: PeerMode, n: number): number {
  const base = 0x12;
  if (mode === 'paper-out') return base | (n === 1 ? 0x08 : n === 2 ? 0x20 : n === 4 ? 0x6c : 0);
  if (mode === 'cover-open') return base | (n === 1 ? 0x08 : n === 2 ? 0x04 : 0);
  return base;
}

export class EscPosPeer {
  readonly jobs: PeerJob[] = [];
  readonly statusQueries: number[] = [];
  /** Bytes the parser did not understand; tests expect none. */
  unknownBytes = 0;
  connections = 0;
  mode: PeerMode = 'normal';
  /** In slow mode: bytes handled per tick, and the tick. */
  slowBytesPerTick = 2048;
  slowTickMs = 40;
  private waiters: (() => void)[] = [];
  private readonly sockets = new Set<net.Socket>();

  readonly port: number;

  private constructor(private readonly server: net.Server) {
    this.port = 0;
  }

  static async start(mode: PeerMode = 'normal'): Promise<EscPosPeer> {
    const server = net.createServer();
    const peer = new EscPosPeer(server);
    peer.mode = mode;
    server.on('connection', (s) => peer.accept(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Kept after close(), so a test can aim at the now closed port.
    (peer as { port: number }).port = (server.address() as net.AddressInfo).port;
    return peer;
  }

  get address(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** Resolves once n jobs have been cut, or rejects after ms. */
  waitForJobs(n: number, ms = 3000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (this.jobs.length >= n) {
          clearTimeout(t);
          resolve();
          return true;
        }
        return false;
      };
      const t = setTimeout(() => reject(new Error(`peer saw ${this.jobs.length} jobs, wanted ${n}`)), ms);
      if (!check()) this.waiters.push(() => void check());
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(sock: net.Socket): void {
    this.connections++;
    this.sockets.add(sock);
    sock.on('close', () => this.sockets.delete(sock));
    sock.on('error', () => undefined);
    let buf = Buffer.alloc(0);
    let job: PeerJob | null = null;
    let closed = false;
    sock.on('close', () => (closed = true));

    const handle = (): void => {
      for (;;) {
        const used = this.parseOne(buf, sock, () => (job ??= { raster: null, bands: [], qr: [], cut: false, cutAt: 0 }), (j) => {
          this.jobs.push(j);
          job = null;
          for (const w of this.waiters.splice(0)) w();
        });
        if (used === 0 || closed) break;
        buf = buf.subarray(used);
      }
    };

    if (this.mode === 'slow') {
      // Read a little at a time, like a printer whose buffer empties only as fast as it prints.
      let queue = Buffer.alloc(0);
      const tick = (): void => {
        if (closed) return;
        const n = Math.min(this.slowBytesPerTick, queue.length);
        buf = Buffer.concat([buf, queue.subarray(0, n)]);
        queue = queue.subarray(n);
        handle();
        if (queue.length > 0) setTimeout(tick, this.slowTickMs);
      };
      sock.on('data', (d: Buffer) => {
        const idle = queue.length === 0;
        queue = Buffer.concat([queue, d]);
        if (idle) setTimeout(tick, this.slowTickMs);
      });
    } else {
      sock.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        handle();
      });
    }
  }

  /** Parses one command at the start of buf; returns bytes used, 0 when more are needed. */
  private parseOne(buf: Buffer, sock: net.Socket, current: () => PeerJob, done: (j: PeerJob) => void): number {
    const b0 = buf[0];
    if (b0 === undefined) return 0;
    const need = (n: number): boolean => buf.length >= n;
    if (b0 === 0x1b) {
      if (!need(2)) return 0;
      if (buf[1] === 0x40) return 2; // ESC @: reset, keeps nothing
      if (buf[1] === 0x64) return need(3) ? 3 : 0; // ESC d n: feed
      this.unknownBytes++;
      return 1;
    }
    if (b0 === 0x10) {
      if (!need(3)) return 0;
      if (buf[1] === 0x04) {
        const n = buf[2]!;
        this.statusQueries.push(n);
        if (!sock.destroyed) sock.write(Buffer.from([statusByte(this.mode, n)]));
        return 3;
      }
      this.unknownBytes++;
      return 1;
    }
    if (b0 === 0x1d) {
      if (!need(3)) return 0;
      if (buf[1] === 0x76 && buf[2] === 0x30) {
        if (!need(8)) return 0;
        if (this.mode === 'reset') {
          sock.resetAndDestroy();
          return 0;
        }
        const x = buf[4]! | (buf[5]! << 8);
        const y = buf[6]! | (buf[7]! << 8);
        if (!need(8 + x * y)) return 0;
        this.addBand(current(), x, y, buf.subarray(8, 8 + x * y));
        return 8 + x * y;
      }
      if (buf[1] === 0x28 && buf[2] === 0x6b) {
        if (!need(5)) return 0;
        const len = buf[3]! | (buf[4]! << 8);
        if (!need(5 + len)) return 0;
        const body = buf.subarray(5, 5 + len);
        // cn=49 fn=80 m=48: store QR data; the declared length must cover exactly the bytes.
        if (body[0] === 49 && body[1] === 80) current().qr.push(body.subarray(3).toString('utf8'));
        return 5 + len;
      }
      if (buf[1] === 0x56) {
        const m = buf[2]!;
        const size = m >= 65 ? 4 : 3;
        if (!need(size)) return 0;
        const j = current();
        j.cut = true;
        j.cutAt = performance.now();
        done(j);
        return size;
      }
      this.unknownBytes++;
      return 1;
    }
    if (b0 === 0x0a) return 1;
    this.unknownBytes++;
    return 1;
  }

  private addBand(job: PeerJob, bytesPerRow: number, rows: number, data: Buffer): void {
    const width = bytesPerRow * 8;
    const prev = job.raster;
    if (prev && prev.width !== width) throw new Error('band width changed inside a job');
    const height = (prev?.height ?? 0) + rows;
    const dots = new Uint8Array(width * height);
    if (prev) dots.set(prev.dots);
    const off = (prev?.height ?? 0) * width;
    for (let i = 0; i < rows * bytesPerRow; i++) {
      const byte = data[i]!;
      for (let bit = 0; bit < 8; bit++) dots[off + i * 8 + bit] = (byte >> (7 - bit)) & 1;
    }
    job.raster = { width, height, dots };
    job.bands.push(rows);
  }
}

/** The peer's raster as an 8-bit grayscale PNG (made with pngjs, not with the code under test). */
export function rasterToPng(r: PeerRaster): Buffer {
  const png = new PNG({ width: r.width, height: r.height, colorType: 0, inputColorType: 0, bitDepth: 8 });
  const gray = Buffer.alloc(r.width * r.height);
  for (let i = 0; i < gray.length; i++) gray[i] = r.dots[i] ? 0 : 255;
  png.data = gray;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8 });
}
