// Ticket references, ratings (好差评) and their follow-ups (差评回访): migration 0090.
import type { Ticket } from '../core/model.js';
import type { Database } from './db.js';
import { toTicket, type TicketRow } from './rows.js';

export interface RatingRecord {
  id: string;
  ticketId: string;
  code: string;
  counterId: string | null;
  staffId: string | null;
  serviceId: string;
  day: string;
  score: number;
  reasons: string[];
  via: 'pad' | 'phone';
  at: number;
}

export interface FollowupRecord {
  id: string;
  ratingId: string;
  openedAt: number;
  closedAt: number | null;
  closedBy: string | null;
  note: string | null;
  rating: RatingRecord;
}

interface RatingRow {
  id: string;
  ticket_id: string;
  code: string;
  counter_id: string | null;
  staff_id: string | null;
  service_id: string;
  day: string;
  score: number;
  reasons: string;
  via: 'pad' | 'phone';
  at: number;
}

const toRating = (r: RatingRow): RatingRecord => ({
  id: r.id,
  ticketId: r.ticket_id,
  code: r.code,
  counterId: r.counter_id,
  staffId: r.staff_id,
  serviceId: r.service_id,
  day: r.day,
  score: r.score,
  reasons: JSON.parse(r.reasons) as string[],
  via: r.via,
  at: r.at,
});

const RATING_SELECT = `SELECT ratings.*, tickets.code AS code FROM ratings JOIN tickets ON tickets.id = ratings.ticket_id`;

export interface NewRating {
  id: string;
  ticket: Ticket;
  score: number;
  reasons: string[];
  via: 'pad' | 'phone';
  at: number;
  /** Set for a low rating: the follow-up opened in the same transaction. */
  followupId: string | null;
}

export class RatingStore {
  constructor(private readonly db: Database) {}

  /** The ticket behind a phone reference (any day; the caller decides whether it is live). */
  async ticketByRef(ref: string): Promise<Ticket | null> {
    const r = await this.db.reader.get<TicketRow>('SELECT * FROM tickets WHERE ref = ?', [ref]);
    return r ? toTicket(r) : null;
  }

  async refOf(ticketId: string): Promise<string | null> {
    const r = await this.db.reader.get<{ ref: string | null }>('SELECT ref FROM tickets WHERE id = ?', [ticketId]);
    return r?.ref ?? null;
  }

  async isRated(ticketId: string): Promise<boolean> {
    return (await this.db.reader.get('SELECT 1 FROM ratings WHERE ticket_id = ?', [ticketId])) !== undefined;
  }

  /**
   * Records a rating, and its follow-up when one is due, in one transaction. Resolves
   * false when the ticket was rated already (UNIQUE(ticket_id) decides between two racers).
   */
  async insert(n: NewRating): Promise<boolean> {
    return this.db.write(async (c) => {
      if (await c.get('SELECT 1 FROM ratings WHERE ticket_id = ?', [n.ticket.id])) return false;
      // Who served it: the staff member who finished it at the counter.
      const who = await c.get<{ staff_id: string | null; counter_id: string | null }>(
        `SELECT staff_id, counter_id FROM ticket_events WHERE ticket_id = ? AND verb = 'finish' ORDER BY at DESC, id DESC LIMIT 1`,
        [n.ticket.id],
      );
      await c.run(
        `INSERT INTO ratings (id, ticket_id, counter_id, staff_id, service_id, day, score, reasons, via, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [n.id, n.ticket.id, who?.counter_id ?? n.ticket.counterId, who?.staff_id ?? null, n.ticket.serviceId, n.ticket.day, n.score, JSON.stringify(n.reasons), n.via, n.at],
      );
      if (n.followupId) await c.run('INSERT INTO rating_followups (id, rating_id, opened_at) VALUES (?, ?, ?)', [n.followupId, n.id, n.at]);
      return true;
    });
  }

  async listByDay(day: string): Promise<RatingRecord[]> {
    return (await this.db.reader.all<RatingRow>(`${RATING_SELECT} WHERE ratings.day = ? ORDER BY ratings.at, ratings.id`, [day])).map(toRating);
  }

  async listFollowups(open: boolean): Promise<FollowupRecord[]> {
    const rows = await this.db.reader.all<RatingRow & { f_id: string; opened_at: number; closed_at: number | null; closed_by: string | null; note: string | null }>(
      `SELECT ratings.*, tickets.code AS code, f.id AS f_id, f.opened_at, f.closed_at, f.closed_by, f.note
       FROM rating_followups AS f JOIN ratings ON ratings.id = f.rating_id JOIN tickets ON tickets.id = ratings.ticket_id
       WHERE ${open ? 'f.closed_at IS NULL' : 'f.closed_at IS NOT NULL'} ORDER BY f.opened_at DESC LIMIT 500`,
    );
    return rows.map((r) => ({
      id: r.f_id,
      ratingId: r.id,
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      closedBy: r.closed_by,
      note: r.note,
      rating: toRating(r),
    }));
  }

  /** Resolves false when there is no such open follow-up. */
  async closeFollowup(id: string, by: string, note: string, at: number): Promise<boolean> {
    const r = await this.db.write((c) =>
      c.run('UPDATE rating_followups SET closed_at = ?, closed_by = ?, note = ? WHERE id = ? AND closed_at IS NULL', [at, by, note, id]),
    );
    return r.changes > 0;
  }
}
