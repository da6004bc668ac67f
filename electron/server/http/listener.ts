// The listening socket of the front door: HTTP or HTTPS, with the timeouts and connection caps
// that keep a hostile LAN client from holding the server's memory or sockets.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';

export interface ServerTimeouts {
  /** Whole request headers must arrive within this. */
  headersMs: number;
  /** The whole request (headers and body) must arrive within this. */
  requestMs: number;
  /**
   * A socket with nothing read or written for this long is closed: a client that stops
   * reading a font (the send stalls) or an idle keep-alive socket.
   */
  idleMs: number;
  /** Idle keep-alive sockets close after this (below idleMs). */
  keepAliveMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 30_000, keepAliveMs: 5_000 };

export interface ConnectionLimits {
  /** All sockets at once (server.maxConnections). */
  total: number;
  /** Sockets from one address at once; the hall's own kiosk on loopback counts too. */
  perAddress: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { total: 512, perAddress: 64 };

export interface ListenerOptions {
  timeouts: ServerTimeouts;
  limits: ConnectionLimits;
  /** PEM key and certificate chain for HTTPS; null for plain HTTP. */
  tls: { key: string; cert: string } | null;
}

export function createListener(options: ListenerOptions, handle: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const { timeouts, limits } = options;
  const common = {
    requestTimeout: timeouts.requestMs,
    headersTimeout: timeouts.headersMs,
    // Below the idle timeout, so a client never reuses a socket the idle timer is about to cut
    // (the Keep-Alive header tells clients this value).
    keepAliveTimeout: Math.min(timeouts.keepAliveMs, Math.max(1000, timeouts.idleMs - 1000)),
    maxHeaderSize: 16 * 1024,
  };
  const server: Server = options.tls
    ? createHttpsServer({ ...common, key: options.tls.key, cert: options.tls.cert, minVersion: 'TLSv1.2' }, handle)
    : createHttpServer(common, handle);
  server.maxConnections = limits.total;
  // Node's socket timeout counts inactivity in both directions: a response stuck behind a
  // client that never reads trips it as well as a silent client.
  server.timeout = timeouts.idleMs;
  server.on('timeout', (socket: Socket) => socket.destroy());
  server.on('clientError', (_err, socket) => socket.destroy());

  const perAddress = new Map<string, number>();
  // For TLS, 'connection' fires with the raw TCP socket before the handshake.
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const n = (perAddress.get(address) ?? 0) + 1;
    if (n > limits.perAddress) {
      socket.destroy();
      return;
    }
    perAddress.set(address, n);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
  });
  return server;
}
