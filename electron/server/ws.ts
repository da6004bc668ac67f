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
import type { Principal } from './http/router.js';

export const WS_MAX_PAYLOAD = 64 * 1024;

interface Client {
  socket: WebSocket;
  role: 'staff' | 'admin' | 'kiosk' | 'display';
  alive: boolean;
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
  ) {
    // Drop connections that stopped answering pings (a display unplugged from the LAN).
    this.heartbeat = setInterval(() => {
      for (const c of this.clients) {
        if (!c.alive) c.socket.terminate();
        else {
          c.alive = false;
          c.socket.ping();
        }
      }
    }, 30_000);
    this.heartbeat.unref();
  }

  get connections(): number {
    return this.clients.size;
  }

  accept(req: IncomingMessage, socket: Duplex, head: Buffer, principal: Principal): void {
    if (principal.kind === 'anonymous') return;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = { socket: ws, role: principal.role, alive: true };
      this.clients.add(client);
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
        this.scheduleQueue();
        break;
      case 'counter':
        this.send(['staff', 'admin'], { type: 'counter', counter: counterJson(event.counter) });
        break;
      case 'call':
        this.send(['staff', 'admin', 'display'], { type: 'call', call: callJson(event.ticket, event.counter, event.recall) });
        break;
    }
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
