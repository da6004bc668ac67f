// The sqlite3 adapter behind the core's HallStore port: reads on the reader connection,
// writes inside Database.write (BEGIN IMMEDIATE, serialized).
import { DEFAULT_POLICY, type Counter, type HallPolicy, type LocalizedText, type ServiceItem, type Ticket } from '../core/model.js';
import type { HallReads, HallStore, HallWrites, TicketEvent } from '../core/ports.js';
import type { Connection, Database } from './db.js';
import { newTicketRef } from './ticketRef.js';
import {
  TICKET_COLUMNS,
  ticketValues,
  toCounter,
  toService,
  toTicket,
  type CounterRow,
  type ServiceRow,
  type TicketRow,
} from './rows.js';

const WAITING = `state IN ('issued', 'transferred')`;

/**
 * Services, counters and settings change rarely but are read on every request, so the
 * reader keeps them in memory. A write that touches them bumps the generation after its
 * commit; a read that started before the bump never stores its (older) result.
 */
class CatalogCache {
  private generation = 0;
  private readonly entries = new Map<string, unknown>();

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const gen = this.generation;
    const value = await load();
    if (gen === this.generation) this.entries.set(key, value);
    return value;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }
}

class SqlReads implements HallReads {
  constructor(
    protected readonly conn: Connection,
    private readonly cache: CatalogCache | null = null,
  ) {}

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.cache ? this.cache.get(key, load) : load();
  }

  listServices(): Promise<ServiceItem[]> {
    return this.cached('services', async () => {
      const rows = await this.conn.all<ServiceRow>('SELECT * FROM services ORDER BY sort_order, prefix');
      return rows.map(toService);
    });
  }

  async getService(id: string): Promise<ServiceItem | null> {
    if (this.cache) return (await this.listServices()).find((s) => s.id === id) ?? null;
    const r = await this.conn.get<ServiceRow>('SELECT * FROM services WHERE id = ?', [id]);
    return r ? toService(r) : null;
  }

  listCounters(): Promise<Counter[]> {
    return this.cached('counters', () => this.loadCounters());
  }

  private async loadCounters(): Promise<Counter[]> {
    const [rows, links] = await Promise.all([
      this.conn.all<CounterRow>('SELECT * FROM counters ORDER BY number'),
      this.conn.all<{ counter_id: string; service_id: string; weight: number }>(
        'SELECT counter_id, service_id, weight FROM counter_services ORDER BY weight DESC, service_id',
      ),
    ]);
    return rows.map((r) =>
      toCounter(
        r,
        links.filter((l) => l.counter_id === r.id).map((l) => ({ serviceId: l.service_id, weight: l.weight })),
      ),
    );
  }

  async getCounter(id: string): Promise<Counter | null> {
    if (this.cache) return (await this.listCounters()).find((c) => c.id === id) ?? null;
    const r = await this.conn.get<CounterRow>('SELECT * FROM counters WHERE id = ?', [id]);
    if (!r) return null;
    const links = await this.conn.all<{ service_id: string; weight: number }>(
      'SELECT service_id, weight FROM counter_services WHERE counter_id = ? ORDER BY weight DESC, service_id',
      [id],
    );
    return toCounter(r, links.map((l) => ({ serviceId: l.service_id, weight: l.weight })));
  }

  async getTicket(id: string): Promise<Ticket | null> {
    const r = await this.conn.get<TicketRow>('SELECT * FROM tickets WHERE id = ?', [id]);
    return r ? toTicket(r) : null;
  }

  async listTickets(day: string): Promise<Ticket[]> {
    const rows = await this.conn.all<TicketRow>('SELECT * FROM tickets WHERE day = ? ORDER BY queued_at, id', [day]);
    return rows.map(toTicket);
  }

  async unfinishedTicketsBefore(day: string): Promise<Ticket[]> {
    const rows = await this.conn.all<TicketRow>(
      `SELECT * FROM tickets WHERE day < ? AND state IN ('issued', 'transferred', 'called', 'serving') ORDER BY day, queued_at, id`,
      [day],
    );
    return rows.map(toTicket);
  }

  async waitingTickets(day: string, serviceId?: string): Promise<Ticket[]> {
    const rows = serviceId
      ? await this.conn.all<TicketRow>(`SELECT * FROM tickets WHERE day = ? AND ${WAITING} AND service_id = ?`, [day, serviceId])
      : await this.conn.all<TicketRow>(`SELECT * FROM tickets WHERE day = ? AND ${WAITING}`, [day]);
    return rows.map(toTicket);
  }

  async countAhead(t: Ticket): Promise<number> {
    // Same rule as queueOrder.peopleAhead (a store test checks they agree).
    const r = await this.conn.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM tickets
       WHERE day = ? AND service_id = ? AND ${WAITING} AND id <> ?
         AND ((priority = 1 AND ? = 0) OR (priority = ? AND (queued_at < ? OR (queued_at = ? AND id < ?))))`,
      [t.day, t.serviceId, t.id, t.priority ? 1 : 0, t.priority ? 1 : 0, t.queuedAt, t.queuedAt, t.id],
    );
    return r?.n ?? 0;
  }

  async waitingCounts(day: string): Promise<Record<string, number>> {
    const rows = await this.conn.all<{ service_id: string; n: number }>(
      `SELECT service_id, COUNT(*) AS n FROM tickets WHERE day = ? AND ${WAITING} GROUP BY service_id`,
      [day],
    );
    return Object.fromEntries(rows.map((r) => [r.service_id, r.n]));
  }

  async recentServiceDurations(serviceId: string, limit: number): Promise<number[]> {
    const rows = await this.conn.all<{ d: number }>(
      `SELECT finished_at - started_at AS d FROM tickets
       WHERE service_id = ? AND state = 'done' AND started_at IS NOT NULL AND finished_at IS NOT NULL
       ORDER BY finished_at DESC LIMIT ?`,
      [serviceId, limit],
    );
    return rows.map((r) => r.d);
  }

  async recentCalls(day: string, limit: number): Promise<Ticket[]> {
    const rows = await this.conn.all<TicketRow>(
      'SELECT * FROM tickets WHERE day = ? AND last_called_at IS NOT NULL ORDER BY last_called_at DESC LIMIT ?',
      [day, limit],
    );
    return rows.map(toTicket);
  }

  getPolicy(): Promise<HallPolicy> {
    return this.cached('policy', async () => {
      const r = await this.conn.get<{ value: string }>(`SELECT value FROM settings WHERE key = 'policy'`);
      return r ? { ...DEFAULT_POLICY, ...(JSON.parse(r.value) as Partial<HallPolicy>) } : DEFAULT_POLICY;
    });
  }

  /** A JSON setting by key, cached with the catalog; null when unset. */
  getSetting<T>(key: string): Promise<T | null> {
    return this.cached(`setting:${key}`, async () => {
      const r = await this.conn.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
      return r ? (JSON.parse(r.value) as T) : null;
    });
  }

  getNotice(): Promise<LocalizedText> {
    return this.cached('notice', async () => {
      const r = await this.conn.get<{ value: string }>(`SELECT value FROM settings WHERE key = 'notice'`);
      return r ? (JSON.parse(r.value) as LocalizedText) : { zh: '', bo: '', ug: '' };
    });
  }
}

class SqlWrites extends SqlReads implements HallWrites {
  /** Set when the transaction changed what the reader caches. */
  catalogChanged = false;

  /** The transaction's connection, so an audit entry commits together with the change. */
  get connection(): Connection {
    return this.conn;
  }

  async lastNumber(day: string, issuedServiceId: string): Promise<number | null> {
    const r = await this.conn.get<{ n: number | null }>(
      'SELECT MAX(number) AS n FROM tickets WHERE day = ? AND issued_service_id = ?',
      [day, issuedServiceId],
    );
    return r?.n ?? null;
  }

  async callCandidates(day: string): Promise<Ticket[]> {
    // One seek per group in tickets_queue_heads (migration 0030): the groups come from the
    // index, and each head is its first entry in queue order.
    const rows = await this.conn.all<TicketRow>(
      `SELECT t.* FROM (
         SELECT DISTINCT service_id AS s, priority AS p, language AS l, IFNULL(target_counter_id, '') AS c
         FROM tickets WHERE day = ?1 AND ${WAITING}
       ) AS g
       JOIN tickets AS t ON t.id = (
         SELECT id FROM tickets
         WHERE day = ?1 AND ${WAITING} AND service_id = g.s AND priority = g.p AND language = g.l
           AND IFNULL(target_counter_id, '') = g.c
         ORDER BY queued_at, id LIMIT 1
       )`,
      [day],
    );
    return rows.map(toTicket);
  }

  async insertTicket(t: Ticket): Promise<void> {
    // The phone reference (migration 0090) is made here, in the adapter, so the core stays pure.
    await this.conn.run(
      `INSERT INTO tickets (${TICKET_COLUMNS.join(', ')}, ref) VALUES (${TICKET_COLUMNS.map(() => '?').join(', ')}, ?)`,
      [...ticketValues(t), newTicketRef()],
    );
  }

  async updateTicket(t: Ticket): Promise<void> {
    const cols = TICKET_COLUMNS.filter((c) => c !== 'id');
    const values = ticketValues(t).slice(1);
    await this.conn.run(`UPDATE tickets SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...values, t.id]);
  }

  async updateCounter(c: Counter): Promise<void> {
    this.catalogChanged = true;
    await this.conn.run(
      `UPDATE counters SET state = ?, staff_id = ?, languages = ?, current_ticket_id = ? WHERE id = ?`,
      [c.state, c.staffId, JSON.stringify(c.languages), c.currentTicketId, c.id],
    );
  }

  async addTicketEvent(e: TicketEvent): Promise<void> {
    await this.conn.run(
      'INSERT INTO ticket_events (ticket_id, at, verb, counter_id, staff_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
      [e.ticketId, e.at, e.verb, e.counterId, e.staffId, e.detail ? JSON.stringify(e.detail) : null],
    );
  }

  async ticketForKey(scope: string, key: string): Promise<Ticket | null> {
    const r = await this.conn.get<TicketRow>(
      'SELECT tickets.* FROM idempotency_keys JOIN tickets ON tickets.id = idempotency_keys.ticket_id WHERE scope = ? AND key = ?',
      [scope, key],
    );
    return r ? toTicket(r) : null;
  }

  async rememberKey(scope: string, key: string, ticketId: string, at: number): Promise<void> {
    // Keys older than a day are forgotten; a kiosk session never lasts that long.
    await this.conn.run('DELETE FROM idempotency_keys WHERE created_at < ?', [at - 24 * 3600_000]);
    await this.conn.run('INSERT INTO idempotency_keys (scope, key, ticket_id, created_at) VALUES (?, ?, ?, ?)', [scope, key, ticketId, at]);
  }

  /** Catalog writes used by the demo seed and the admin pages. */
  async saveService(s: ServiceItem): Promise<void> {
    this.catalogChanged = true;
    await this.conn.run(
      `INSERT INTO services (id, prefix, name_zh, name_bo, name_ug, number_from, number_to, average_minutes, open_from, open_to, active, sort_order, form_id, icon, hours)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET prefix = excluded.prefix, name_zh = excluded.name_zh, name_bo = excluded.name_bo,
         name_ug = excluded.name_ug, number_from = excluded.number_from, number_to = excluded.number_to,
         average_minutes = excluded.average_minutes, open_from = excluded.open_from, open_to = excluded.open_to,
         active = excluded.active, sort_order = excluded.sort_order, form_id = excluded.form_id,
         icon = excluded.icon, hours = excluded.hours`,
      [s.id, s.prefix, s.names.zh, s.names.bo, s.names.ug, s.numberFrom, s.numberTo, s.averageMinutes, s.openFrom, s.openTo, s.active ? 1 : 0, s.sortOrder, s.formId ?? null,
        s.icon ?? null, s.hours ? JSON.stringify(s.hours) : null],
    );
  }

  async saveCounter(c: Counter): Promise<void> {
    this.catalogChanged = true;
    await this.conn.run(
      `INSERT INTO counters (id, number, name_zh, name_bo, name_ug, state, staff_id, languages, current_ticket_id, usual_languages)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET number = excluded.number, name_zh = excluded.name_zh, name_bo = excluded.name_bo,
         name_ug = excluded.name_ug, usual_languages = excluded.usual_languages`,
      [c.id, c.number, c.names.zh, c.names.bo, c.names.ug, c.state, c.staffId, JSON.stringify(c.languages), c.currentTicketId,
        JSON.stringify(c.usualLanguages ?? [])],
    );
    await this.conn.run('DELETE FROM counter_services WHERE counter_id = ?', [c.id]);
    for (const s of c.services) {
      await this.conn.run('INSERT INTO counter_services (counter_id, service_id, weight) VALUES (?, ?, ?)', [c.id, s.serviceId, s.weight]);
    }
  }

  async setPolicy(p: HallPolicy): Promise<void> {
    await this.setSetting('policy', p);
  }

  async setNotice(n: LocalizedText): Promise<void> {
    await this.setSetting('notice', n);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    this.catalogChanged = true;
    await this.conn.run(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, [
      key,
      JSON.stringify(value),
    ]);
  }
}

export type CatalogWrites = SqlWrites;

export class SqliteHallStore implements HallStore {
  readonly reads: HallReads;
  private readonly cache = new CatalogCache();

  constructor(private readonly db: Database) {
    this.reads = new SqlReads(db.reader, this.cache);
  }

  /** A JSON setting (hall name, …) from the cached reader; null when unset. */
  setting<T>(key: string): Promise<T | null> {
    return (this.reads as SqlReads).getSetting<T>(key);
  }

  /** A catalog write committed through another store's transaction (the forms' seed links a
   *  service to its form): forget the cached catalog so the next read sees it. */
  catalogChangedElsewhere(): void {
    this.cache.invalidate();
  }

  async write<T>(fn: (tx: SqlWrites) => Promise<T>): Promise<T> {
    let tx: SqlWrites | null = null;
    try {
      return await this.db.write((conn) => fn((tx = new SqlWrites(conn))));
    } finally {
      // After COMMIT (or ROLLBACK): the reader now sees the new catalog.
      if (tx && (tx as SqlWrites).catalogChanged) this.cache.invalidate();
    }
  }
}
