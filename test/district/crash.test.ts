// SIGKILL of the district server during a load, at several points (DISTRICT_LOAD_FAULT, as the
// hall's export faults): after a restart the batch is wholly there or wholly absent, never half,
// and a redelivery loads it (or answers it is held). Then SIGTERM stops the server cleanly,
// PostgreSQL with it. The real CLI (`npm run district`) in a child process, embedded PostgreSQL.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { buildBatch, dayRecords, syntheticHall } from '../support/districtBatch.js';
import { api, login, tempDir } from '../support/hall.js';

const CLI = join(import.meta.dirname, '..', '..', 'electron', 'cli', 'district.ts');

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startCli(dataDir: string, fault?: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, DISTRICT_ADMIN_PASSWORD: 'crash-admin-password', DISTRICT_LOG_LEVEL: 'warn', ...(fault ? { DISTRICT_LOAD_FAULT: fault } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /district server: (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, exited });
    });
    void exited.then((e) => reject(new Error(`district exited early ${JSON.stringify(e)}: ${err.slice(-2000)}`)));
  });
}

function dbUrl(dataDir: string): string {
  const conf = JSON.parse(readFileSync(join(dataDir, 'pg.json'), 'utf8')) as { port: number; password: string };
  return `postgres://district:${encodeURIComponent(conf.password)}@127.0.0.1:${conf.port}/district`;
}

describe('SIGKILL during a load', () => {
  const tmp = tempDir('district-crash-');
  chmodSync(tmp.dir, 0o711);
  const dataDir = join(tmp.dir, 'district');
  let running: Running | null = null;
  after(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGTERM');
      await running.exited;
    }
    tmp.remove();
  });

  it('leaves every batch whole or absent, and loads it on the next delivery', async () => {
    running = await startCli(dataDir);
    let token = await login(running.url, 'admin', 'crash-admin-password');
    const hall = await syntheticHall('crash-hall');
    assert.equal((await api(running.url, 'POST', '/api/halls', token, { id: hall.id, names: { zh: '大厅', bo: 'ཞབས་ཞུ་ཁང་', ug: 'زال' }, publicKey: hall.publicArmored })).status, 201);
    const districtKey = await (await fetch(`${running.url}/api/district-key.asc`)).text();
    running.child.kill('SIGTERM');
    assert.deepEqual(await running.exited, { code: 0, signal: null });

    const N = 2000;
    const days = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'];
    const stages = ['reading', 'loaded', 'committing', 'committed'];
    for (let i = 0; i < stages.length; i++) {
      const stage = stages[i]!;
      const batchId = `crash-${stage}`;
      const file = await buildBatch(hall, districtKey, dayRecords(hall.id, days[i]!, N, 5), { batchId });
      running = await startCli(dataDir, stage);
      const post = (url: string) => fetch(`${url}/api/batches`, { method: 'POST', headers: { 'Idempotency-Key': batchId, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(file) });
      await assert.rejects(post(running.url), `the server dies at ${stage}`);
      assert.equal((await running.exited).signal, 'SIGKILL');

      running = await startCli(dataDir);
      const client = new pg.Client({ connectionString: dbUrl(dataDir) });
      await client.connect();
      const count = async () => Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM tickets WHERE batch_id = $1', [batchId])).rows[0]!.n);
      const batchRow = async () => Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM batches WHERE id = $1', [batchId])).rows[0]!.n);
      const whole = stage === 'committed';
      assert.equal(await count(), whole ? N : 0, `after a kill at ${stage}`);
      assert.equal(await batchRow(), whole ? 1 : 0);
      const again = await post(running.url);
      assert.equal(again.status, whole ? 200 : 201, `redelivery after ${stage}`);
      assert.equal(await count(), N);
      assert.equal(Number((await client.query<{ n: string }>('SELECT coalesce(sum(tickets), 0) AS n FROM daily_rollup WHERE day = $1', [days[i]])).rows[0]!.n), N);
      assert.equal(Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM submissions WHERE batch_id = $1', [batchId])).rows[0]!.n), 5);
      await client.end();
      token = await login(running.url, 'admin', 'crash-admin-password');
      assert.ok(token);
      running.child.kill('SIGTERM');
      assert.deepEqual(await running.exited, { code: 0, signal: null }, 'SIGTERM stops cleanly');
      assert.equal(existsSync(join(dataDir, 'pg', 'postmaster.pid')), false, 'PostgreSQL stopped with it');
    }
  });
});
