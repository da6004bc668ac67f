// Backup of the district database. Embedded PostgreSQL: an online physical copy with the
// server's own backup API (pg_backup_start, copy the cluster, pg_backup_stop, then the WAL and
// backup_label), restorable by putting the copy in place of <dataDir>/pg. A district's own
// server (--database-url): that server's pg_dump, custom format.
import { spawnSync } from 'node:child_process';
import { chownSync, cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/** Left out of the copy: the running server's own files. */
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts']);
/** Copied as empty directories: runtime state, and the WAL copied after the stop. */
const SKIP = new Set(['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_snapshots', 'pg_notify', 'pg_dynshmem', 'pg_serial', 'pg_subtrans']);

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) chownTree(p, uid, gid);
    else chownSync(p, uid, gid);
  }
}

export async function backupEmbedded(url: string, pgDir: string, outDir: string): Promise<string> {
  const target = join(outDir, 'pg');
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  rmSync(target, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_backup_start('district-backup', true)");
    mkdirSync(target, { mode: 0o700 });
    for (const name of readdirSync(pgDir)) {
      if (SKIP_FILES.has(name)) continue;
      if (SKIP.has(name)) mkdirSync(join(target, name), { mode: 0o700 });
      else cpSync(join(pgDir, name), join(target, name), { recursive: true });
    }
    const stop = await client.query<{ labelfile: string; spcmapfile: string | null }>('SELECT labelfile, spcmapfile FROM pg_backup_stop(true)');
    // The WAL written during the copy, after the stop, makes the copy consistent.
    cpSync(join(pgDir, 'pg_wal'), join(target, 'pg_wal'), { recursive: true });
    writeFileSync(join(target, 'backup_label'), stop.rows[0]!.labelfile);
    if (stop.rows[0]!.spcmapfile) writeFileSync(join(target, 'tablespace_map'), stop.rows[0]!.spcmapfile);
  } finally {
    await client.end();
  }
  const owner = statSync(pgDir);
  if (process.getuid?.() === 0) chownTree(target, owner.uid, owner.gid);
  return target;
}

export function backupWithPgDump(url: string, outFile: string): void {
  const r = spawnSync('pg_dump', ['--format=custom', '--file', outFile, '--dbname', url], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg_dump failed: ${r.stderr || r.error?.message}`);
}
