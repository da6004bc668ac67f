// Exactly once, whatever happens: the export CLI against a local HTTP receiver on 127.0.0.1
// that fails in every way a district server can (500s, no answer, reset connections, storing
// and then not answering), a folder that is full, and a SIGKILL at each stage of a run. After
// recovery the receiver holds every record exactly once (by batch id), and nothing is marked
// exported that the receiver lacks.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseCsv } from '../../electron/core/export/csv.js';
import { Database } from '../../electron/store/db.js';
import { ExportStore } from '../../electron/store/exportStore.js';
import { gpgDecrypt, stopGpgAgent, makeDistrictKey, runCli, seedHall, untar, type DistrictKey } from '../support/exportFixture.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir('hall-export-faults-');
let key: DistrictKey;
before(() => {
  key = makeDistrictKey(tmp.dir);
});
after(() => {
  stopGpgAgent(key);
  tmp.remove();
});

type Mode = 'ok' | '500' | 'hang' | 'reset' | 'store-then-drop';

/** A district receiver: stores each batch by Idempotency-Key; `plan` says how to fail next. */
class Receiver {
  readonly batches = new Map<string, Buffer>();
  posts = 0;
  plan: Mode[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        this.posts += 1;
        const mode = this.plan.shift() ?? 'ok';
        const id = String(req.headers['idempotency-key'] ?? '');
        if (mode === '500') return void res.writeHead(500).end('receiver broken');
        if (mode === 'hang') return; // never answers; the client's deadline must fire
        if (mode === 'reset') return void req.socket.destroy();
        if (!this.batches.has(id)) this.batches.set(id, Buffer.concat(parts));
        if (mode === 'store-then-drop') return void req.socket.destroy();
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ stored: id }));
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/batches`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

const FAST = ['--attempts', '4', '--retry-base-ms', '20', '--timeout-ms', '1500'];

function ticketIdsIn(batch: Buffer): string[] {
  const d = gpgDecrypt(key, writeTemp(batch));
  assert.ok(d.plain.length > 0, d.stderr);
  const csv = untar(d.plain).get('tickets.csv')!.toString('utf8');
  return parseCsv(csv).slice(2).map((r) => r[0]!);
}

let tempN = 0;
function writeTemp(buf: Buffer): string {
  const f = join(tmp.dir, `recv-${tempN++}.gpg`);
  writeFileSync(f, buf);
  return f;
}

async function exportedIds(dataDir: string): Promise<{ exported: string[]; all: string[] }> {
  const db = await Database.open(join(dataDir, 'hall.sqlite3'));
  const exported = (await db.reader.all<{ id: string }>('SELECT id FROM tickets WHERE exported_at IS NOT NULL ORDER BY id')).map((r) => r.id);
  const all = (await db.reader.all<{ id: string }>('SELECT id FROM tickets ORDER BY id')).map((r) => r.id);
  await db.close();
  return { exported, all };
}

/** Every record the receiver holds appears once; everything marked exported is among them. */
function assertExactlyOnce(receiver: Receiver, marked: string[]): string[] {
  const seen: string[] = [];
  for (const b of receiver.batches.values()) seen.push(...ticketIdsIn(b));
  assert.equal(new Set(seen).size, seen.length, 'no record twice at the receiver');
  for (const id of marked) assert.ok(seen.includes(id), `${id} is marked exported but the receiver lacks it`);
  return seen;
}

describe('export delivery faults', () => {
  it('500s, timeouts and resets are retried; after the last try a clear error; the same batch goes later', async () => {
    const dataDir = join(tmp.dir, 'retry');
    await seedHall(dataDir, 30);
    const rx = new Receiver();
    await rx.start();
    try {
      const args = ['--data-dir', dataDir, '--district-key', key.publicFile, '--to-url', rx.url, ...FAST];
      // Every attempt fails: exit 1, the error names the receiver's answer, nothing marked.
      rx.plan = ['500', '500', '500', '500'];
      const failed = await runCli('export', args);
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, /failed after 4 attempt\(s\): HTTP 500: receiver broken/);
      const batchId = /batch (\S+) kept/.exec(failed.stderr)![1]!;
      assert.deepEqual((await exportedIds(dataDir)).exported, []);
      // The kept build, decrypted; then lose it, so the next run must rebuild the batch.
      const outboxFile = join(dataDir, 'export', 'outbox', `${batchId}.gpg`);
      const firstBuild = gpgDecrypt(key, outboxFile).plain;
      assert.ok(firstBuild.length > 0);
      rmSync(outboxFile);

      // A 500, a silent receiver and a reset, then success: delivered with the same batch id.
      rx.plan = ['500', 'hang', 'reset'];
      const ok = await runCli('export', args);
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(ok.stdout.trim(), batchId);
      assert.equal(rx.batches.size, 1);
      // The rebuilt batch holds exactly the same archive, byte for byte (tar dates included).
      assert.ok(gpgDecrypt(key, writeTemp(rx.batches.get(batchId)!)).plain.equals(firstBuild), 'a rebuild gives the same content');
      const { exported, all } = await exportedIds(dataDir);
      assert.deepEqual(exported, all);
      assert.deepEqual(assertExactlyOnce(rx, exported).sort(), all);
    } finally {
      await rx.stop();
    }
  });

  it('a receiver that stores and then drops the connection gets the batch again under the same key, and keeps one copy', async () => {
    const dataDir = join(tmp.dir, 'drop');
    await seedHall(dataDir, 10);
    const rx = new Receiver();
    await rx.start();
    try {
      rx.plan = ['store-then-drop'];
      const r = await runCli('export', ['--data-dir', dataDir, '--district-key', key.publicFile, '--to-url', rx.url, ...FAST]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(rx.posts, 2);
      assert.deepEqual([...rx.batches.keys()], [r.stdout.trim()]);
      assertExactlyOnce(rx, (await exportedIds(dataDir)).exported);
    } finally {
      await rx.stop();
    }
  });

  it('a full folder target fails clearly and marks nothing; with room, the same batch is delivered', async (t) => {
    const dataDir = join(tmp.dir, 'full');
    await seedHall(dataDir, 200);
    const mount = join(tmp.dir, 'tiny');
    mkdirSync(mount);
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs', mount]);
    if (m.status !== 0) return t.skip(`cannot mount a tiny tmpfs here: ${m.stderr.toString().trim()}`);
    try {
      const full = await runCli('export', ['--data-dir', dataDir, '--district-key', key.publicFile, '--to-folder', mount]);
      assert.equal(full.code, 1);
      assert.match(full.stderr, /is full \(ENOSPC\)/);
      assert.deepEqual(readdirSync(mount), [], 'no half-written file left behind');
      assert.deepEqual((await exportedIds(dataDir)).exported, []);
      const batchId = /batch (\S+) kept/.exec(full.stderr)![1]!;
      const roomy = join(tmp.dir, 'roomy');
      mkdirSync(roomy);
      const ok = await runCli('export', ['--data-dir', dataDir, '--district-key', key.publicFile, '--to-folder', roomy]);
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(ok.stdout.trim(), batchId);
      assert.deepEqual(readdirSync(roomy), [`${batchId}.gpg`]);
    } finally {
      spawnSync('umount', [mount]);
    }
  });

  it('never runs twice at once: a live holder of the database lock makes the CLI wait its turn; a dead one is taken over', async () => {
    const dataDir = join(tmp.dir, 'lock');
    const folder = join(tmp.dir, 'lock-out');
    mkdirSync(folder);
    await seedHall(dataDir, 5);
    const args = ['--data-dir', dataDir, '--district-key', key.publicFile, '--to-folder', folder];
    const db = await Database.open(join(dataDir, 'hall.sqlite3'));
    const store = new ExportStore(db);
    // This test process holds the lock, as a running hall server would.
    const live = `${hostname()}|${process.pid}|test`;
    assert.equal(await store.tryLock(live, Date.now(), 60_000, () => false), true);
    const busy = await runCli('export', args);
    assert.equal(busy.code, 1);
    assert.match(busy.stderr, /Another export is running/);
    assert.deepEqual(readdirSync(folder), []);
    // A holder whose process is gone (SIGKILLed) does not block the next run.
    await store.releaseLock(live);
    assert.equal(await store.tryLock(`${hostname()}|2147480000|gone`, Date.now(), 60_000, () => false), true);
    await db.close();
    const ok = await runCli('export', args);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(readdirSync(folder).length, 1);
  });

  for (const stage of ['building', 'encrypting', 'delivering', 'marking'] as const) {
    it(`a SIGKILL while ${stage} loses nothing and duplicates nothing`, async () => {
      const dataDir = join(tmp.dir, `kill-${stage}`);
      const folder = join(tmp.dir, `kill-${stage}-out`);
      mkdirSync(folder);
      await seedHall(dataDir, 300);
      const rx = new Receiver();
      await rx.start();
      try {
        const args = ['--data-dir', dataDir, '--district-key', key.publicFile, '--to-url', rx.url, '--to-folder', folder, ...FAST];
        const killed = await runCli('export', args, { HALL_EXPORT_FAULT: stage });
        assert.equal(killed.signal, 'SIGKILL', `${killed.stdout}${killed.stderr}`);
        const mid = await exportedIds(dataDir);
        assert.deepEqual(mid.exported, [], 'nothing marked by a killed run');
        assertExactlyOnce(rx, mid.exported);

        const ok = await runCli('export', args);
        assert.equal(ok.code, 0, ok.stderr);
        const batchId = ok.stdout.trim();
        assert.deepEqual([...rx.batches.keys()], [batchId], 'one batch id at the receiver');
        assert.deepEqual(readdirSync(folder), [`${batchId}.gpg`]);
        const { exported, all } = await exportedIds(dataDir);
        assert.deepEqual(exported, all);
        assert.deepEqual(assertExactlyOnce(rx, exported).sort(), all);
        // A third run has nothing new: no second delivery of anything.
        const again = await runCli('export', args);
        assert.match(again.stdout, /Nothing new/);
        assert.equal(rx.batches.size, 1);
      } finally {
        await rx.stop();
      }
    });
  }
});
