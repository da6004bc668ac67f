// Live status for residents' phones: WebSocket /api/t/<ref>/events, public, one ticket per
// connection, a bounded number per address. Kept apart from the staff EventHub (ws.ts) so
// nothing staff-only can ever reach a phone: a phone only ever receives its own ticket's
// PhoneStatus.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventSink, HallEvent } from '../core/ports.js';
import type { Ticket } from '../core/model.js';
import { pingOrDrop } from './heartbeat.js';
import type { AddressLimiter } from './phone/addressLimiter.js';
import type { TicketStatusReader } from './phone/ticketStatus.js';

interface Phone {
  socket: WebSocket;
  ticketId: string;
  serviceId: string;
  address: string;
  alive: boolean;
  /** The last status sent, so an unchanged one is not sent again. */
  last: string;
  /** Gives the address's stream slot back (once, however the stream ends). */
  release: () => void;
}

/** Waiting tickets' "people ahead" refresh at most this often (one pass for all phones). */
const AHEAD_REFRESH_MS = 300;

export const PHONE_EVENTS_PATH = /^\/api\/t\/([^/]{1,200})\/events$/;

export class PhoneHub implements EventSink {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  private readonly byTicket = new Map<string, Set<Phone>>();
  private readonly dirtyServices = new Set<string>();
  private refreshTimer: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly statuses: TicketStatusReader,
    private readonly limiter: AddressLimiter,
    private readonly onError: (e: unknown) => void,
  ) {
    // Drop dead phones, and close streams of tickets whose day has ended.
    this.heartbeat = setInterval(() => void this.sweep(), 30_000);
    this.heartbeat.unref();
  }

  get connections(): number {
    let n = 0;
    for (const s of this.byTicket.values()) n += s.size;
    return n;
  }

  /** The upgrade branch for /api/t/<ref>/events; refuses with the same 404 for any bad reference. */
  async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, ref: string, refuse: (status: number, text: string) => void): Promise<void> {
    const address = req.socket.remoteAddress ?? '';
    if (!this.limiter.take(address)) return refuse(429, 'Too Many Requests');
    const ticket = await this.statuses.liveTicket(ref);
    if (!ticket) return refuse(404, 'Not Found');
    if (!this.limiter.openStream(address)) return refuse(429, 'Too Many Requests');
    // The slot is tied to the raw socket, not to a finished handshake: ws refuses a bad
    // handshake (no Sec-WebSocket-Key, wrong version, socket already gone) by destroying the
    // socket without calling back, and a slot kept then would be lost for good.
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.limiter.release(address);
    };
    socket.once('close', release);
    if (socket.destroyed) return release();
    try {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, ticket, address, release));
    } catch (e) {
      release();
      socket.destroy();
      this.onError(e);
    }
  }

  private accept(ws: WebSocket, ticket: Ticket, address: string, release: () => void): void {
    const phone: Phone = { socket: ws, ticketId: ticket.id, serviceId: ticket.serviceId, address, alive: true, last: '', release };
    let set = this.byTicket.get(ticket.id);
    if (!set) this.byTicket.set(ticket.id, (set = new Set()));
    set.add(phone);
    ws.on('pong', () => (phone.alive = true));
    ws.on('close', () => this.remove(phone));
    ws.on('error', () => ws.terminate());
    ws.on('message', () => undefined);
    void this.push(ticket, [phone]);
  }

  publish(event: HallEvent): void {
    if (event.type !== 'ticket') return;
    const t = event.ticket;
    const phones = this.byTicket.get(t.id);
    // The ticket's own phones hear at once (a call must reach the resident fast).
    if (phones) void this.push(t, [...phones]);
    // Others in the same queue may have moved up: one coalesced refresh.
    this.dirtyServices.add(t.serviceId);
    if (!this.refreshTimer && this.byTicket.size > 0) {
      this.refreshTimer = setTimeout(() => {
        this.refreshTimer = null;
        void this.refreshAhead();
      }, AHEAD_REFRESH_MS);
    }
  }

  private async push(ticket: Ticket, phones: Phone[]): Promise<void> {
    try {
      if (!(await this.statuses.isLive(ticket))) {
        for (const p of phones) p.socket.close(4404, 'gone');
        return;
      }
      const status = await this.statuses.status(ticket);
      if (ticket.serviceId) for (const p of phones) p.serviceId = ticket.serviceId;
      const data = JSON.stringify({ type: 'status', status });
      for (const p of phones) {
        if (p.last === data || p.socket.readyState !== p.socket.OPEN) continue;
        p.last = data;
        p.socket.send(data);
      }
    } catch (e) {
      this.onError(e);
    }
  }

  private async refreshAhead(): Promise<void> {
    const services = new Set(this.dirtyServices);
    this.dirtyServices.clear();
    const reads = this.statuses;
    for (const [ticketId, phones] of this.byTicket) {
      const first = phones.values().next().value;
      if (!first || !services.has(first.serviceId)) continue;
      const ticket = await reads.ticketById(ticketId).catch((e: unknown) => (this.onError(e), null));
      if (ticket) await this.push(ticket, [...phones]);
    }
  }

  private async sweep(): Promise<void> {
    for (const [ticketId, phones] of this.byTicket) {
      for (const p of phones) pingOrDrop(p);
      const ticket = await this.statuses.ticketById(ticketId).catch(() => null);
      if (!ticket || !(await this.statuses.isLive(ticket))) for (const p of phones) p.socket.close(4404, 'gone');
    }
  }

  private remove(phone: Phone): void {
    const set = this.byTicket.get(phone.ticketId);
    if (set?.delete(phone)) {
      phone.release();
      if (set.size === 0) this.byTicket.delete(phone.ticketId);
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const set of this.byTicket.values()) for (const p of set) p.socket.terminate();
    this.byTicket.clear();
    this.wss.close();
  }
}
