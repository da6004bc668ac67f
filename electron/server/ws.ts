// Pushes hall events to counters, displays and kiosks over WebSocket (/api/events).
// Each role sees only what it may: displays get calls and waiting counts, kiosks only
// waiting counts, staff everything. Waiting counts are coalesced (at most one per 100 ms).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventSink, HallEvent, HallReads } from '../core/ports.js';
import { today } from '../core/usecases/today.js';
import type { Clock } from '../core/ports.js';
import { callJson, counterJson, ticketJson } from './dto.js';
import type { HeldCredential, RevokedCredential } from './auth.js';
import { pingOrDrop } from './heartbeat.js';
import type { Principal } from './http/router.js';

export const WS_MAX_PAYLOAD = 64 * 1024;
/** Close code sent when the socket's credential ended (logout, expiry, revocation). */
export const WS_CREDENTIAL_ENDED = 4001;
export const DEFAULT_HEARTBEAT_MS = 30_000;

export interface EventHubOptions {
  /** Ping and credential re-check interval (tests shorten it). */
  heartbeatMs?: number;
  /** Whether a held credential still works (AuthService.stillValid); checked at each heartbeat. */
  stillValid?: (held: HeldCredential) => Promise<boolean>;
}

/** Whether a revoked credential is the one a socket holds. */
export function credentialMatches(held: HeldCredential | null, revoked: RevokedCredential): boolean {
  if (!held) return false;
  if ('deviceId' in revoked) return held.kind === 'device' && held.deviceId === revoked.deviceId;
  if ('staffId' in revoked) return held.kind === 'session' && held.staffId === revoked.staffId;
  return held.kind === 'session' && held.tokenHash === revoked.sessionTokenHash;
}

interface Client {
  socket: WebSocket;
  role: 'staff' | 'admin' | 'kiosk' | 'display' | 'rater';
  /** The counter a rating pad is paired to; it hears only that counter's finishes. */
  counterId?: string;
  alive: boolean;
  /** The session or device this socket was opened with; it closes when that ends. */
  held: HeldCredential | null;
}

export class EventHub implements EventSink {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  private readonly clients = new Set<Client>();
  private queueTimer: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly reads: HallReads,
    private readonly clock: Clock,
    private readonly onError: (e: unknown) => void,
    private readonly options: EventHubOptions = {},
  ) {
    // Drop connections that stopped answering pings (a display unplugged from the LAN), and
    // those whose credential expired or was revoked without a notice reaching us.
    this.heartbeat = setInterval(() => {
      for (const c of this.clients) if (pingOrDrop(c)) void this.recheck(c);
    }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private async recheck(c: Client): Promise<void> {
    if (!c.held) return;
    try {
      const expired = c.held.kind === 'session' && c.held.expiresAt <= this.clock.now();
      if (expired || (this.options.stillValid && !(await this.options.stillValid(c.held)))) this.end(c);
    } catch (e) {
      this.onError(e);
    }
  }

  /** Closes with WS_CREDENTIAL_ENDED; a client that does not answer the close is cut after 1 s. */
  private end(c: Client): void {
    this.clients.delete(c);
    c.socket.close(WS_CREDENTIAL_ENDED, 'credential ended');
    setTimeout(() => c.socket.terminate(), 1000).unref();
  }

  /**
   * Closes every socket holding this credential. Wired to AuthService.onCredentialRevoked, so
   * logout, device revocation, staff disable and password reset (AuthService.endStaffSessions)
   * all end the matching live sockets at once.
   */
  closeFor(revoked: RevokedCredential): number {
    let n = 0;
    for (const c of this.clients) {
      if (credentialMatches(c.held, revoked)) {
        this.end(c);
        n++;
      }
    }
    return n;
  }

  get connections(): number {
    return this.clients.size;
  }

  accept(req: IncomingMessage, socket: Duplex, head: Buffer, principal: Principal, held: HeldCredential | null = null): void {
    if (principal.kind === 'anonymous') return;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = { socket: ws, role: principal.role, alive: true, held, ...(principal.role === 'rater' ? { counterId: principal.counterId } : {}) };
      this.clients.add(client);
      // A revocation between the token check and this moment found no socket to close.
      void this.recheck(client);
      ws.on('pong', () => (client.alive = true));
      ws.on('close', () => this.clients.delete(client));
      ws.on('error', () => ws.terminate());
      // Clients only listen; anything they send is ignored.
      ws.on('message', () => undefined);
      ws.send(JSON.stringify({ type: 'hello', role: principal.role }));
    });
  }

  publish(event: HallEvent): void {
    switch (event.type) {
      case 'ticket':
        this.send(['staff', 'admin'], { type: 'ticket', verb: event.verb, ticket: ticketJson(event.ticket) });
        // A rating pad asks its resident right after its own counter finishes (code and language only).
        if (event.verb === 'finish' && event.ticket.counterId) {
          const t = event.ticket;
          this.sendRaters(t.counterId!, { type: 'finished', ticketId: t.id, code: t.code, language: t.language, serviceId: t.serviceId });
        }
        this.scheduleQueue();
        break;
      case 'counter':
        this.send(['staff', 'admin'], { type: 'counter', counter: counterJson(event.counter) });
        this.sendRaters(event.counter.id, { type: 'counter', counterId: event.counter.id });
        break;
      case 'call':
        this.send(['staff', 'admin', 'display'], { type: 'call', call: callJson(event.ticket, event.counter, event.recall) });
        break;
    }
  }

  /**
   * A setup change (services, counters, hall, policy, notice): every page refetches what it
   * shows, so the change is live on every kiosk, counter and display without a restart.
   */
  sendCatalog(what: 'services' | 'counters' | 'hall'): void {
    this.send(['staff', 'admin', 'display', 'kiosk'], { type: 'catalog', what });
  }

  /** Print-job and printer-status events: staff and admin only (counters show printer state). */
  sendStaff(message: { type: string }): void {
    this.send(['staff', 'admin'], message);
  }

  private scheduleQueue(): void {
    // Nobody listens: skip the query (the hot issue path under load).
    if (this.queueTimer || this.clients.size === 0) return;
    this.queueTimer = setTimeout(() => {
      this.queueTimer = null;
      void this.sendQueue();
    }, 100);
  }

  private async sendQueue(): Promise<void> {
    try {
      const waiting = await this.reads.waitingCounts(await today(this.reads, this.clock));
      this.send(['staff', 'admin', 'display', 'kiosk'], { type: 'queue', waiting });
    } catch (e) {
      this.onError(e);
    }
  }

  private send(roles: Client['role'][], message: unknown): void {
    const data = JSON.stringify(message);
    for (const c of this.clients) if (roles.includes(c.role) && c.socket.readyState === c.socket.OPEN) c.socket.send(data);
  }

  private sendRaters(counterId: string, message: unknown): void {
    const data = JSON.stringify(message);
    for (const c of this.clients) {
      if (c.role === 'rater' && c.counterId === counterId && c.socket.readyState === c.socket.OPEN) c.socket.send(data);
    }
  }

  /** Closes every socket (used by tests that simulate network loss, and on shutdown). */
  dropAll(): void {
    for (const c of this.clients) c.socket.terminate();
    this.clients.clear();
  }

  close(): void {
    clearInterval(this.heartbeat);
    if (this.queueTimer) clearTimeout(this.queueTimer);
    this.dropAll();
    this.wss.close();
  }
}
