// Issue 19 item 5: a power cut at any step of the first start must not lose anything. A child
// process runs the real server on a fresh data folder and SIGKILLs itself right after one step
// (HALL_START_FAULT, electron/server/startupFaults.ts): after each migration, after the demo
// hall, after each default form, after the day's close. A normal start follows; then every
// default form is stored and linked to its service, the demo hall is whole, and the database
// is intact. The same after an upgrade from a release before forms, whose services get their
// default forms at the first start of this release (where the link used to be lost).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { migrate, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { login, tempDir } from '../support/hall.js';

const tmp = tempDir('hall-first-start-');
after(() => tmp.remove());

const FORMS_DIR = join(import.meta.dirname, '../../resources/forms');
const SHIPPED = readdirSync(FORMS_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'index.json' && !f.endsWith('.schema.json'))
  .map((f) => JSON.parse(readFileSync(join(FORMS_DIR, f), 'utf8')) as { id: string; serviceId?: string; version: number });

const STEPS = [...MIGRATIONS.map((m) => `migration-${m.version}`), 'demo-hall', ...SHIPPED.map((f) => `form-${f.id}`), 'day-close'];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Run {
  /** The signal that ended it, or null when it exited by itself. */
  signal: NodeJS.Signals | null;
  listening: boolean;
  stop(): Promise<void>;
  output(): string;
}

/** Starts the server; resolves when it listens or when it has died. */
function run(dataDir: string, port: number, fault: string | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, HALL_ADMIN_PASSWORD: 'first-start-pw', HALL_LOG_LEVEL: 'warn' };
    if (fault) env.HALL_START_FAULT = fault;
    else delete env.HALL_START_FAULT;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../../electron/cli/serve.ts'), '--port', String(port), '--data-dir', dataDir, '--host', '127.0.0.1'],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let done = false;
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    const result = (listening: boolean, signal: NodeJS.Signals | null): Run => ({
      signal,
      listening,
      output: () => out,
      stop: async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    });
    const timer = setTimeout(() => reject(new Error(`server neither started nor died: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      // The day's close runs after listen(): keep waiting for the kill when one is expected.
      if (!done && !fault && out.includes('listening on')) {
        done = true;
        clearTimeout(timer);
        resolve(result(true, null));
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then((signal) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result(out.includes('listening on'), signal));
    });
  });
}


/** Every migration applied, the hall whole, every default form stored and linked, integrity ok. */
async function checkNothingLost(dataDir: string): Promise<void> {
  const db = await Database.open(join(dataDir, 'hall.sqlite3'));
  try {
    const r = db.reader;
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    assert.equal((await r.get<{ user_version: number }>('PRAGMA user_version'))?.user_version, latest, 'every migration applied');
    assert.equal((await r.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check, 'ok');
    const services = await r.all<{ id: string; form_id: string | null }>('SELECT id, form_id FROM services');
    assert.ok(services.length > 0, 'the demo hall is there');
    assert.ok(((await r.get<{ n: number }>('SELECT COUNT(*) AS n FROM counters'))?.n ?? 0) > 0, 'with its counters');
    const stored = await r.all<{ id: string; version: number }>('SELECT DISTINCT id, version FROM form_definitions');
    for (const f of SHIPPED) {
      assert.ok(stored.some((s) => s.id === f.id && s.version === f.version), `${f.id} stored`);
      const service = services.find((s) => s.id === f.serviceId);
      if (service) assert.equal(service.form_id, f.id, `${f.id} linked to ${f.serviceId}`);
    }
  } finally {
    await db.close();
  }
}

describe('first start and power cuts', () => {
  for (const step of STEPS) {
    it(`a kill after "${step}" then a normal start: every default form linked, nothing lost`, { timeout: 180_000 }, async () => {
      const dataDir = join(tmp.dir, step);
      const port = await freePort();
      const killed = await run(dataDir, port, step);
      assert.equal(killed.signal, 'SIGKILL', `the fault at ${step} fired: ${killed.output()}`);

      const normal = await run(dataDir, port, null);
      assert.ok(normal.listening, normal.output());
      // The admin account exists and works.
      await login(`http://127.0.0.1:${port}`, 'admin', 'first-start-pw');
      await normal.stop();

      await checkNothingLost(dataDir);
    });
  }
});

/** A hall made by a release before forms (schema 40): its services have no form yet. */
async function olderHall(dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const db = await Database.open(join(dataDir, 'hall.sqlite3'));
  await migrate(db, MIGRATIONS, 40);
  await db.write(async (c) => {
    let n = 0;
    for (const id of new Set(SHIPPED.map((f) => f.serviceId).filter((x): x is string => !!x))) {
      await c.run('INSERT INTO services (id, prefix, name_zh, name_bo, name_ug) VALUES (?, ?, ?, ?, ?)', [id, String.fromCharCode(65 + n++), id, id, id]);
    }
    await c.run("INSERT INTO counters (id, number, name_zh, name_bo, name_ug) VALUES ('c1', 1, '1', '1', '1')");
  });
  await db.close();
}

describe('upgrade from a release before forms, and power cuts', () => {
  const steps = [...MIGRATIONS.filter((m) => m.version > 40).map((m) => `migration-${m.version}`), ...SHIPPED.map((f) => `form-${f.id}`), 'day-close'];
  for (const step of steps) {
    it(`a kill after "${step}" then a normal start: every default form linked to its service`, { timeout: 180_000 }, async () => {
      const dataDir = join(tmp.dir, `upgrade-${step}`);
      await olderHall(dataDir);
      const port = await freePort();
      const killed = await run(dataDir, port, step);
      assert.equal(killed.signal, 'SIGKILL', `the fault at ${step} fired: ${killed.output()}`);
      const normal = await run(dataDir, port, null);
      assert.ok(normal.listening, normal.output());
      await normal.stop();
      await checkNothingLost(dataDir);
    });
  }
});
