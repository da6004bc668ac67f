// npm run district-backup -- --data-dir D --out DIR [--database-url URL]
// With the embedded PostgreSQL (running or not is all the same: it starts it if needed) an
// online physical copy in DIR/pg; with --database-url, pg_dump of that server to DIR/district.dump.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backupEmbedded, backupWithPgDump } from '../district/backup.js';
import { startEmbedded } from '../district/db/embedded.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, 'database-url': { type: 'string' } } });
if (!values.out || (!values['data-dir'] && !values['database-url'])) {
  console.error('usage: npm run district-backup -- --data-dir D --out DIR [--database-url URL]');
  process.exit(2);
}
if (values['database-url']) {
  backupWithPgDump(values['database-url'], join(values.out, 'district.dump'));
  console.log(`backup: ${join(values.out, 'district.dump')}`);
} else {
  const dataDir = values['data-dir']!;
  const conf = join(dataDir, 'pg.json');
  if (!existsSync(conf)) throw new Error(`${dataDir} holds no embedded district database`);
  const s = JSON.parse(readFileSync(conf, 'utf8')) as { port: number; password: string };
  const url = `postgres://district:${encodeURIComponent(s.password)}@127.0.0.1:${s.port}/district`;
  // Use the running server if there is one; else start the embedded one for the copy.
  let stop: (() => Promise<void>) | null = null;
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) stop = (await startEmbedded(dataDir, () => undefined)).stop;
  try {
    console.log(`backup: ${await backupEmbedded(url, join(dataDir, 'pg'), values.out)}`);
  } finally {
    await stop?.();
  }
}
