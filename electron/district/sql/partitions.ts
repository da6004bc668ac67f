// Monthly range partitions of tickets and submissions, made on demand by the loader (inside
// its transaction, so a rolled-back load leaves no partition behind either).
import type { PoolClient } from 'pg';

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export async function ensurePartition(c: PoolClient, table: 'tickets' | 'submissions', month: string): Promise<void> {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`bad month ${month}`);
  const name = `${table}_${month.replace('-', '_')}`;
  await c.query(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${table} FOR VALUES FROM ('${month}-01') TO ('${nextMonth(month)}-01')`);
}
