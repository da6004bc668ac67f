// Numbered migrations of the district database, each applied in its own transaction together
// with its row in schema_migrations; an advisory lock keeps two starting servers apart.
import type { Database } from '../database.js';
import { MIGRATION_0001 } from './0001_initial.js';
import { MIGRATION_0002 } from './0002_service_rollups.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: MIGRATION_0001 },
  { version: 2, name: 'service roll-ups', sql: MIGRATION_0002 },
];

export async function migrate(db: Database, upTo = Number.POSITIVE_INFINITY): Promise<number> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (m.version > upTo) break;
    await db.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(8090001)');
      const done = await c.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (done.rowCount) return;
      await c.query(m.sql);
      await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied += 1;
    });
  }
  return applied;
}
