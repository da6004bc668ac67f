// kill -9 at random moments during mixed traffic, 20 rounds: every ticket acknowledged with
// 201 still exists, no code repeats, nothing is called twice, integrity_check is ok.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { api, login, tempDir } from '../support/hall.js';

const ROUNDS = 20;
const tmp = tempDir('hall-crash-');
after(() => tmp.remove());

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function startChild(port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../../electron/cli/serve.ts'), '--port', String(port), '--data-dir', tmp.dir, '--host', '127.0.0.1'],
      { env: { ...process.env, HALL_ADMIN_PASSWORD: 'crash-admin-pw', HALL_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!out.includes('listening on')) reject(new Error(`server exited ${code}: ${out}`));
    });
  });
}

describe('crash safety', () => {
  it(`survives ${ROUNDS} SIGKILLs during mixed traffic`, { timeout: 600_000 }, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const acked = new Map<string, string>(); // id → code
    const calledIds: string[] = [];
    let kioskToken = '';
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

    for (let round = 0; round < ROUNDS; round++) {
      const child = await startChild(port);
      const admin = await login(base, 'admin', 'crash-admin-pw');
      if (!kioskToken) {
        kioskToken = (await api<{ token: string }>(base, 'POST', '/api/devices', admin, { role: 'kiosk', name: 'crash kiosk' })).body.token;
        assert.equal((await api(base, 'POST', '/api/counters/counter-6/open', admin, { languages: ['zh'] })).status, 200);
      }
      let stop = false;
      const traffic = async (kind: 'issue' | 'call') => {
        while (!stop) {
          try {
            if (kind === 'issue') {
              const r = await api<{ id: string; code: string }>(base, 'POST', '/api/tickets', kioskToken, {
                serviceId: ['enquiries', 'social-insurance', 'proxy'][Math.floor(rnd() * 3)],
                language: 'zh',
              });
              if (r.status === 201) acked.set(r.body.id, r.body.code);
            } else {
              const r = await api<{ ticket: { id: string } }>(base, 'POST', '/api/counters/counter-6/call-next', admin);
              if (r.status === 200) {
                calledIds.push(r.body.ticket.id);
                await api(base, 'POST', `/api/tickets/${r.body.ticket.id}/start`, admin);
                await api(base, 'POST', `/api/tickets/${r.body.ticket.id}/finish`, admin);
              } else if (r.status === 409) {
                // The kill interrupted a ticket at the counter: finish it first.
                const counters = await api<{ id: string; currentTicketId: string | null }[]>(base, 'GET', '/api/counters', admin);
                const current = counters.body.find((c) => c.id === 'counter-6')?.currentTicketId;
                if (current) {
                  await api(base, 'POST', `/api/tickets/${current}/start`, admin);
                  await api(base, 'POST', `/api/tickets/${current}/finish`, admin);
                }
              }
            }
          } catch {
            return; // the server is gone
          }
        }
      };
      const runs = [traffic('issue'), traffic('issue'), traffic('call')];
      await new Promise((r) => setTimeout(r, 150 + rnd() * 600));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      stop = true;
      await Promise.all(runs);
    }

    const db = await Database.open(join(tmp.dir, 'hall.sqlite3'));
    try {
      assert.equal((await db.reader.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check, 'ok');
      const rows = await db.reader.all<{ id: string; code: string; day: string; issued_service_id: string }>('SELECT id, code, day, issued_service_id FROM tickets');
      const byId = new Map(rows.map((r) => [r.id, r]));
      assert.ok(acked.size > ROUNDS, `traffic happened (${acked.size} tickets acknowledged)`);
      for (const [id, code] of acked) assert.equal(byId.get(id)?.code, code, `acknowledged ticket ${code} survives`);
      const codes = rows.map((r) => `${r.day}/${r.code}`);
      assert.equal(new Set(codes).size, codes.length, 'no number repeats within a service and day');
      assert.equal(new Set(calledIds).size, calledIds.length, 'no ticket was handed out by call-next twice');
      const calls = await db.reader.all<{ n: number }>("SELECT COUNT(*) AS n FROM ticket_events WHERE verb = 'call' GROUP BY ticket_id HAVING n > 1");
      assert.equal(calls.length, 0, 'nothing was called twice');
    } finally {
      await db.close();
    }
  });
});
