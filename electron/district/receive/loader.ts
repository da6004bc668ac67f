// Loads the records of one batch inside the caller's transaction: JSON lines arrive one by one
// (openBatch.readBatch), are buffered per table and written a thousand at a time with
// jsonb_to_recordset; records already held (same hall and id) are skipped, and only newly
// inserted tickets and ratings feed the daily roll-up, which is added at the end.
import type { PoolClient } from 'pg';
import { coarser, DailyRollup, type RollupRow } from '../../core/district/rollup.js';
import type { AnswerCipher } from '../keys.js';
import { ensurePartition, monthOf } from '../sql/partitions.js';

const CHUNK = 1000;

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

function need<T>(v: T | null, what: string): T {
  if (v === null) throw new SyntaxError(`a record lacks ${what}`);
  return v;
}

function ticketRow(r: Row): Row {
  const day = need(str(r.day), 'day');
  if (!DAY_RE.test(day)) throw new SyntaxError(`bad day ${day}`);
  return {
    id: need(str(r.id), 'id'), day, code: str(r.code) ?? '', service_id: need(str(r.serviceId), 'serviceId'),
    issued_service_id: str(r.issuedServiceId) ?? str(r.serviceId), language: str(r.language) ?? '', priority: r.priority === true,
    kiosk_id: str(r.kioskId), counter_id: str(r.counterId), staff_id: str(r.staffId), state: need(str(r.state), 'state'),
    call_count: num(r.callCount) ?? 0, issued_at: need(num(r.issuedAt), 'issuedAt'), queued_at: num(r.queuedAt),
    first_called_at: num(r.firstCalledAt), last_called_at: num(r.lastCalledAt), started_at: num(r.startedAt), finished_at: num(r.finishedAt),
    // Only for the roll-up (not a column): the total wait of schema 2 batches.
    wait_ms: num(r.waitMs),
  };
}

const TICKET_COLS = 'id text, day date, code text, service_id text, issued_service_id text, language text, priority boolean, kiosk_id text, counter_id text, staff_id text, state text, call_count integer, issued_at bigint, queued_at bigint, first_called_at bigint, last_called_at bigint, started_at bigint, finished_at bigint';
const TICKET_NAMES = 'id, day, code, service_id, issued_service_id, language, priority, kiosk_id, counter_id, staff_id, state, call_count, issued_at, queued_at, first_called_at, last_called_at, started_at, finished_at';

export class BatchLoader {
  private readonly buffers = new Map<string, Row[]>();
  private readonly months = { tickets: new Set<string>(), submissions: new Set<string>() };
  private readonly rollup = new DailyRollup();
  readonly loaded: Record<string, number> = {};

  constructor(
    private readonly c: PoolClient,
    private readonly hallId: string,
    private readonly batchId: string,
    private readonly cipher: AnswerCipher,
  ) {}

  /** One JSON line of a member; unknown members and added fields are tolerated. */
  async line(member: string, record: unknown): Promise<void> {
    if (!record || typeof record !== 'object') throw new SyntaxError(`${member}: a line is not an object`);
    const table = member === 'tickets.jsonl' ? 'tickets'
      : member === 'print_jobs.jsonl' ? 'print_jobs'
      : member === 'ratings.jsonl' ? 'ratings'
      : member === 'rating_followups.jsonl' ? 'rating_followups'
      : member === 'statistics.jsonl' ? 'statistics'
      : member.startsWith('submissions-') ? 'submissions'
      : null;
    if (!table) return;
    let buf = this.buffers.get(table);
    if (!buf) this.buffers.set(table, (buf = []));
    buf.push(record as Row);
    if (buf.length >= CHUNK) await this.flush(table);
  }

  private count(table: string, n: number): void {
    this.loaded[table] = (this.loaded[table] ?? 0) + n;
  }

  private async partitions(table: 'tickets' | 'submissions', rows: Row[]): Promise<void> {
    for (const r of rows) {
      const m = monthOf(String(r.day));
      if (this.months[table].has(m)) continue;
      await ensurePartition(this.c, table, m);
      this.months[table].add(m);
    }
  }

  private async flush(table: string): Promise<void> {
    const raw = this.buffers.get(table) ?? [];
    this.buffers.set(table, []);
    if (raw.length === 0) return;
    const c = this.c;
    const h = this.hallId;
    const b = this.batchId;
    if (table === 'tickets') {
      const rows = raw.map(ticketRow);
      await this.partitions('tickets', rows);
      const res = await c.query<{ id: string; day: string }>(
        `INSERT INTO tickets (hall_id, batch_id, ${TICKET_NAMES})
         SELECT $1, $2, ${TICKET_NAMES} FROM jsonb_to_recordset($3::jsonb) AS x(${TICKET_COLS})
         ON CONFLICT DO NOTHING RETURNING id, day::text AS day`,
        [h, b, JSON.stringify(rows)],
      );
      const inserted = new Set(res.rows.map((r) => `${r.day}\u0000${r.id}`));
      for (const r of rows) {
        if (!inserted.has(`${String(r.day)}\u0000${String(r.id)}`)) continue;
        this.rollup.addTicket({
          day: String(r.day), serviceId: String(r.service_id), issuedServiceId: r.issued_service_id as string | null, waitMs: r.wait_ms as number | null, counterId: r.counter_id as string | null, language: String(r.language), state: String(r.state),
          issuedAt: r.issued_at as number, firstCalledAt: r.first_called_at as number | null, startedAt: r.started_at as number | null, finishedAt: r.finished_at as number | null,
        });
      }
      this.count('tickets', res.rowCount ?? 0);
    } else if (table === 'submissions') {
      const rows = raw.map((r) => {
        const id = need(str(r.id), 'id');
        const day = need(str(r.day), 'day');
        if (!DAY_RE.test(day)) throw new SyntaxError(`bad day ${day}`);
        return {
          id, day, form_id: need(str(r.formId), 'formId'), form_version: num(r.formVersion) ?? 0, ticket_id: str(r.ticketId), language: str(r.language) ?? '',
          filled_by: str(r.filledBy) ?? '', filler_id: str(r.fillerId), created_at: need(num(r.createdAt), 'createdAt'), reviewed_by: str(r.reviewedBy),
          reviewed_at: num(r.reviewedAt), answers_sealed: this.cipher.seal(r.answers ?? {}, `${h}/${id}`).toString('base64'), key_id: this.cipher.keyId,
        };
      });
      await this.partitions('submissions', rows);
      const names = 'id, day, form_id, form_version, ticket_id, language, filled_by, filler_id, created_at, reviewed_by, reviewed_at';
      const res = await c.query(
        `INSERT INTO submissions (hall_id, batch_id, ${names}, answers_sealed, key_id)
         SELECT $1, $2, ${names}, decode(answers_sealed, 'base64'), key_id FROM jsonb_to_recordset($3::jsonb)
           AS x(id text, day date, form_id text, form_version integer, ticket_id text, language text, filled_by text, filler_id text,
                created_at bigint, reviewed_by text, reviewed_at bigint, answers_sealed text, key_id text)
         ON CONFLICT DO NOTHING`,
        [h, b, JSON.stringify(rows)],
      );
      this.count('submissions', res.rowCount ?? 0);
    } else if (table === 'print_jobs') {
      const rows = raw.map((r) => ({
        ticket_id: need(str(r.ticketId), 'ticketId'), printer: str(r.printer) ?? '', created_at: need(num(r.createdAt), 'createdAt'), state: str(r.state) ?? '',
        reason: str(r.reason), attempts: num(r.attempts) ?? 0, updated_at: num(r.updatedAt), printed_at: num(r.printedAt),
      }));
      const res = await c.query(
        `INSERT INTO print_jobs (hall_id, batch_id, ticket_id, printer, created_at, state, reason, attempts, updated_at, printed_at)
         SELECT $1, $2, ticket_id, printer, created_at, state, reason, attempts, updated_at, printed_at FROM jsonb_to_recordset($3::jsonb)
           AS x(ticket_id text, printer text, created_at bigint, state text, reason text, attempts integer, updated_at bigint, printed_at bigint)
         ON CONFLICT DO NOTHING`,
        [h, b, JSON.stringify(rows)],
      );
      this.count('print_jobs', res.rowCount ?? 0);
    } else if (table === 'ratings') {
      const rows = raw.map((r) => ({
        id: need(str(r.id), 'id'), ticket_id: str(r.ticketId), counter_id: str(r.counterId), staff_id: str(r.staffId), service_id: need(str(r.serviceId), 'serviceId'),
        day: need(str(r.day), 'day'), score: need(num(r.score), 'score'), reasons: Array.isArray(r.reasons) ? r.reasons.map(String) : [], via: str(r.via) ?? '', at: need(num(r.at), 'at'),
      }));
      const res = await c.query<{ id: string }>(
        `INSERT INTO ratings (hall_id, batch_id, id, ticket_id, counter_id, staff_id, service_id, day, score, reasons, via, at)
         SELECT $1, $2, id, ticket_id, counter_id, staff_id, service_id, day, score, ARRAY(SELECT jsonb_array_elements_text(reasons)), via, at
           FROM jsonb_to_recordset($3::jsonb) AS x(id text, ticket_id text, counter_id text, staff_id text, service_id text, day date, score integer, reasons jsonb, via text, at bigint)
         ON CONFLICT DO NOTHING RETURNING id`,
        [h, b, JSON.stringify(rows)],
      );
      const inserted = new Set(res.rows.map((r) => r.id));
      for (const r of rows) if (inserted.has(r.id)) this.rollup.addRating({ day: r.day, serviceId: r.service_id, counterId: r.counter_id, score: r.score });
      this.count('ratings', res.rowCount ?? 0);
    } else if (table === 'rating_followups') {
      const rows = raw.map((r) => ({
        id: need(str(r.id), 'id'), rating_id: need(str(r.ratingId), 'ratingId'), opened_at: need(num(r.openedAt), 'openedAt'),
        closed_at: num(r.closedAt), closed_by: str(r.closedBy), note: str(r.note),
      }));
      // A follow-up closed later at the hall arrives again in a later batch: the newer state wins.
      const res = await c.query(
        `INSERT INTO rating_followups (hall_id, batch_id, id, rating_id, opened_at, closed_at, closed_by, note)
         SELECT $1, $2, id, rating_id, opened_at, closed_at, closed_by, note FROM jsonb_to_recordset($3::jsonb)
           AS x(id text, rating_id text, opened_at bigint, closed_at bigint, closed_by text, note text)
         ON CONFLICT (hall_id, id) DO UPDATE SET batch_id = excluded.batch_id, closed_at = excluded.closed_at, closed_by = excluded.closed_by, note = excluded.note`,
        [h, b, JSON.stringify(rows)],
      );
      this.count('rating_followups', res.rowCount ?? 0);
    } else if (table === 'statistics') {
      const rows = raw.map((r) => ({ day: need(str(r.day), 'day'), scope: need(str(r.scope), 'scope'), key: need(str(r.key), 'key'), row: r }));
      const res = await c.query(
        `INSERT INTO hall_statistics (hall_id, batch_id, day, scope, key, row)
         SELECT $1, $2, day, scope, key, row FROM jsonb_to_recordset($3::jsonb) AS x(day date, scope text, key text, row jsonb)
         ON CONFLICT (hall_id, day, scope, key) DO UPDATE SET batch_id = excluded.batch_id, row = excluded.row`,
        [h, b, JSON.stringify(rows)],
      );
      this.count('statistics', res.rowCount ?? 0);
    }
  }

  /** Writes what is still buffered and adds this batch's part of the daily roll-up. */
  async finish(): Promise<void> {
    for (const table of [...this.buffers.keys()]) await this.flush(table);
    const rows = this.rollup.result();
    for (let i = 0; i < rows.length; i += CHUNK) await addRollup(this.c, this.hallId, rows.slice(i, i + CHUNK));
  }
}

export async function addRollup(c: PoolClient, hallId: string, rows: RollupRow[]): Promise<void> {
  if (rows.length === 0) return;
  await upsertRollup(c, 'daily_rollup', 'day, hall_id, service_id, counter_id, language', 'day date, "serviceId" text, "counterId" text, language text', 'day, "serviceId", "counterId", language', hallId, rows);
  await upsertRollup(c, 'rollup_service_day', 'day, hall_id, service_id', 'day date, "serviceId" text', 'day, "serviceId"', hallId, coarser(rows, 'day'));
  await upsertRollup(c, 'rollup_service_month', 'month, hall_id, service_id', 'day date, "serviceId" text', 'day, "serviceId"', hallId, coarser(rows, 'month'));
}

/** Adds rows into one roll-up table: counts and sums added, histograms added element-wise. */
async function upsertRollup(c: PoolClient, table: string, key: string, keyTypes: string, keySelect: string, hallId: string, rows: RollupRow[]): Promise<void> {
  const keyCols = key.split(', ').filter((k) => k !== 'hall_id');
  const t = table;
  await c.query(
    `INSERT INTO ${t} (hall_id, ${keyCols.join(', ')}, tickets, served, no_shows, wait_sum, wait_n, wait_hist, service_sum, service_n, ratings, rating_sum)
     SELECT $1, ${keySelect}, tickets, served, "noShows", "waitSum", "waitN",
            ARRAY(SELECT jsonb_array_elements_text("waitHist")::integer), "serviceSum", "serviceN", ratings, "ratingSum"
       FROM jsonb_to_recordset($2::jsonb) AS x(${keyTypes}, tickets integer, served integer, "noShows" integer,
            "waitSum" double precision, "waitN" integer, "waitHist" jsonb, "serviceSum" double precision, "serviceN" integer, ratings integer, "ratingSum" integer)
     ON CONFLICT (${key}) DO UPDATE SET
       tickets = ${t}.tickets + excluded.tickets, served = ${t}.served + excluded.served,
       no_shows = ${t}.no_shows + excluded.no_shows, wait_sum = ${t}.wait_sum + excluded.wait_sum,
       wait_n = ${t}.wait_n + excluded.wait_n,
       wait_hist = ARRAY(SELECT a + b FROM unnest(${t}.wait_hist, excluded.wait_hist) AS u(a, b)),
       service_sum = ${t}.service_sum + excluded.service_sum, service_n = ${t}.service_n + excluded.service_n,
       ratings = ${t}.ratings + excluded.ratings, rating_sum = ${t}.rating_sum + excluded.rating_sum`,
    [hallId, JSON.stringify(rows)],
  );
}
