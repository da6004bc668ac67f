// Helpers for the export tests: a throwaway district key made by the real gpg, a hall data
// directory seeded straight in SQLite, the export CLI as a child process, and gpg decryption.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_COUNTERS, DEMO_SERVICES, seedDemoHall } from '../../electron/server/demoHall.js';
import { Database } from '../../electron/store/db.js';
import { SqliteHallStore } from '../../electron/store/hallStore.js';
import { migrate } from '../../electron/store/migrations/index.js';

export interface DistrictKey {
  home: string;
  publicFile: string;
  secretFile: string;
  fingerprint: string;
}

export function gpg(home: string, args: string[], input?: Buffer | string): { status: number | null; stdout: Buffer; stderr: string } {
  const r = spawnSync('gpg', ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--no-tty', ...args], { input, maxBuffer: 512 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** A district key pair made by gpg itself (Ed25519 + Cv25519), no passphrase. */
export function makeDistrictKey(dir: string, passphrase = ''): DistrictKey {
  const home = join(dir, 'gnupg');
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const params = [
    'Key-Type: eddsa', 'Key-Curve: ed25519', 'Key-Usage: sign', 'Subkey-Type: ecdh', 'Subkey-Curve: cv25519', 'Subkey-Usage: encrypt',
    'Name-Real: District Office', 'Name-Email: district@example.invalid', 'Expire-Date: 0',
    passphrase ? `Passphrase: ${passphrase}` : '%no-protection', '%commit', '',
  ].join('\n');
  const gen = gpg(home, ['--gen-key'], params);
  if (gen.status !== 0) throw new Error(`gpg --gen-key failed: ${gen.stderr}`);
  const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(home, ['--with-colons', '--list-secret-keys']).stdout.toString())![1]!;
  const publicFile = join(dir, 'district.pub.asc');
  const secretFile = join(dir, 'district.sec.asc');
  writeFileSync(publicFile, gpg(home, ['--armor', '--export', fpr]).stdout);
  writeFileSync(secretFile, gpg(home, ['--armor', ...(passphrase ? ['--passphrase', passphrase] : []), '--export-secret-keys', fpr]).stdout);
  return { home, publicFile, secretFile, fingerprint: fpr };
}

/** gpg starts an agent per home directory; stop it so no daemon outlives the test. */
export function stopGpgAgent(key: DistrictKey | undefined): void {
  if (key) spawnSync('gpgconf', ['--homedir', key.home, '--kill', 'gpg-agent']);
}

/** gpg --decrypt with signature status; the hall key must be imported for VALIDSIG. */
export function gpgDecrypt(key: DistrictKey, file: string): { ok: boolean; plain: Buffer; status: string; stderr: string } {
  const r = gpg(key.home, ['--status-fd', '2', '--decrypt', file]);
  return { ok: r.status === 0, plain: r.stdout, status: r.stderr, stderr: r.stderr };
}

export function gpgImport(key: DistrictKey, armored: string): void {
  const r = gpg(key.home, ['--import'], armored);
  if (r.status !== 0) throw new Error(`gpg --import failed: ${r.stderr}`);
}

/** Members of an (uncompressed) tar held in memory: name → bytes. */
export function untar(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let off = 0;
  while (off + 512 <= buf.length) {
    const header = buf.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    out.set(name, buf.subarray(off + 512, off + 512 + size));
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

export const PAST_DAY = '2026-11-20';
/** 2026-11-20 10:00 in Asia/Shanghai. */
export const PAST_DAY_10H = Date.UTC(2026, 10, 20, 2, 0, 0);

/** A hall data directory with the demo hall and `n` final tickets of PAST_DAY (plus one left waiting). */
export async function seedHall(dataDir: string, n: number): Promise<{ ticketIds: string[] }> {
  mkdirSync(dataDir, { recursive: true });
  const db = await Database.open(join(dataDir, 'hall.sqlite3'));
  await migrate(db);
  await seedDemoHall(new SqliteHallStore(db));
  const service = DEMO_SERVICES[0]!;
  const counter = DEMO_COUNTERS[0]!;
  const ids: string[] = [];
  await db.write(async (c) => {
    for (let i = 1; i <= n + 1; i++) {
      const id = `t-${String(i).padStart(6, '0')}`;
      ids.push(id);
      const at = PAST_DAY_10H + i * 60_000;
      const waiting = i === n + 1;
      await c.run(
        `INSERT INTO tickets (id, day, service_id, issued_service_id, number, code, language, priority, state, issued_at, queued_at,
           counter_id, call_count, first_called_at, last_called_at, started_at, finished_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [id, PAST_DAY, service.id, service.id, i, `${service.prefix}${String(i).padStart(3, '0')}`, ['zh', 'bo', 'ug'][i % 3]!,
          waiting ? 'issued' : 'done', at, at, waiting ? null : counter.id, waiting ? 0 : 1, waiting ? null : at + 120_000,
          waiting ? null : at + 120_000, waiting ? null : at + 180_000, waiting ? null : at + 480_000],
      );
    }
  });
  await db.close();
  return { ticketIds: ids };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs an npm-script CLI (`electron/cli/<name>.ts`) as a child process. */
export function runCli(name: 'export' | 'verifyBatch', args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'electron', 'cli', `${name}.ts`), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
