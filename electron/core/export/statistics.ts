// The daily statistics summary that travels with each batch: per day and service, per day and
// counter (tickets, served, no-shows, mean and p90 wait, mean service time) and per day and
// language (counts). Fed one ticket at a time while the tickets file streams out, so only
// the wait times are kept (8 bytes a ticket), never the tickets.
import type { Column, FileSpec } from './records.js';

export interface StatTicket {
  day: string;
  serviceId: string;
  counterId: string | null;
  language: string;
  state: string;
  issuedAt: number;
  firstCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
}

export type StatScope = 'service' | 'counter' | 'language';

export interface StatRow {
  day: string;
  scope: StatScope;
  key: string;
  tickets: number;
  served: number;
  noShows: number;
  cancelled: number;
  expired: number;
  /** Seconds from issue to first call, over the tickets that were called; null when none. */
  meanWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  /** Seconds from start to finish, over the served tickets; null when none. */
  meanServiceSeconds: number | null;
}

interface Group {
  tickets: number;
  served: number;
  noShows: number;
  cancelled: number;
  expired: number;
  waits: number[];
  serviceSum: number;
  serviceN: number;
}

function emptyGroup(): Group {
  return { tickets: 0, served: 0, noShows: 0, cancelled: 0, expired: 0, waits: [], serviceSum: 0, serviceN: 0 };
}

/** The nearest-rank percentile (p in 0..100) of the values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

export class DailyStatistics {
  private readonly groups = new Map<string, Group>();

  private group(day: string, scope: StatScope, key: string): Group {
    const id = `${day}\u0000${scope}\u0000${key}`;
    let g = this.groups.get(id);
    if (!g) {
      g = emptyGroup();
      this.groups.set(id, g);
    }
    return g;
  }

  add(t: StatTicket): void {
    const groups = [this.group(t.day, 'service', t.serviceId), this.group(t.day, 'language', t.language)];
    if (t.counterId) groups.push(this.group(t.day, 'counter', t.counterId));
    const wait = t.firstCalledAt !== null ? (t.firstCalledAt - t.issuedAt) / 1000 : null;
    const service = t.state === 'done' && t.startedAt !== null && t.finishedAt !== null ? (t.finishedAt - t.startedAt) / 1000 : null;
    for (const g of groups) {
      g.tickets += 1;
      if (t.state === 'done') g.served += 1;
      if (t.state === 'no_show') g.noShows += 1;
      if (t.state === 'cancelled') g.cancelled += 1;
      if (t.state === 'expired') g.expired += 1;
      if (wait !== null) g.waits.push(wait);
      if (service !== null) {
        g.serviceSum += service;
        g.serviceN += 1;
      }
    }
  }

  /** Rows sorted by day, scope, key: the same tickets always give the same file. */
  rows(): StatRow[] {
    const out: StatRow[] = [];
    for (const [id, g] of this.groups) {
      const [day, scope, key] = id.split('\u0000') as [string, StatScope, string];
      const waitSum = g.waits.reduce((a, b) => a + b, 0);
      out.push({
        day,
        scope,
        key,
        tickets: g.tickets,
        served: g.served,
        noShows: g.noShows,
        cancelled: g.cancelled,
        expired: g.expired,
        meanWaitSeconds: g.waits.length > 0 ? round1(waitSum / g.waits.length) : null,
        p90WaitSeconds: percentile(g.waits, 90),
        meanServiceSeconds: g.serviceN > 0 ? round1(g.serviceSum / g.serviceN) : null,
      });
    }
    const order: Record<StatScope, number> = { service: 0, counter: 1, language: 2 };
    return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : order[a.scope] - order[b.scope] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
  }
}

const STAT_COLUMNS: Column[] = [
  { code: 'day', label: '日期' },
  { code: 'scope', label: '统计维度' },
  { code: 'key', label: '事项、窗口或语言' },
  { code: 'tickets', label: '取号数' },
  { code: 'served', label: '办结数' },
  { code: 'no_shows', label: '过号数' },
  { code: 'cancelled', label: '取消数' },
  { code: 'expired', label: '过期数' },
  { code: 'mean_wait_seconds', label: '平均等候（秒）' },
  { code: 'p90_wait_seconds', label: '90%等候（秒）' },
  { code: 'mean_service_seconds', label: '平均办理（秒）' },
];

export const STATISTICS_FILE: FileSpec<StatRow> = {
  columns: STAT_COLUMNS,
  csv: (r) => [r.day, r.scope, r.key, r.tickets, r.served, r.noShows, r.cancelled, r.expired, r.meanWaitSeconds, r.p90WaitSeconds, r.meanServiceSeconds],
  json: (r) => r,
};
