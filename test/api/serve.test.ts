// `npm run serve -- --port P --data-dir D`: prints its base URL, answers health, and stops
// cleanly on SIGTERM; bad arguments get a readable message and exit code 2.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tempDir } from '../support/hall.js';

const serve = join(import.meta.dirname, '../../electron/cli/serve.ts');
const tmp = tempDir('hall-serve-');
after(() => tmp.remove());

describe('npm run serve', () => {
  it('prints the base URL and the page URLs, serves health, stops on SIGTERM with code 0', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', serve, '--port', '0', '--data-dir', tmp.dir, '--host', '127.0.0.1'], {
      env: { ...process.env, HALL_ADMIN_PASSWORD: 'serve-test-pw' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        // The pairing links are the last lines; stdout may arrive in several chunks.
        if (m && /display:\s+\S+#token=/.test(out)) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(out)));
    });
    for (const page of ['kiosk', 'counter', 'display', 'admin']) assert.match(out, new RegExp(`${page}:\\s+${url}/${page}`));
    assert.match(out, /Pairing links/);
    assert.doesNotMatch(out, /password "/, 'a password given by HALL_ADMIN_PASSWORD is not printed');
    const health = await fetch(`${url}/api/health`);
    assert.deepEqual(await health.json(), { ok: true });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  });

  it('prints a random admin password once on a new data directory when none is given', { timeout: 60_000 }, async () => {
    const dir = join(tmp.dir, 'fresh');
    const env = { ...process.env };
    delete env.HALL_ADMIN_PASSWORD;
    const child = spawn(process.execPath, ['--import', 'tsx', serve, '--port', '0', '--data-dir', dir, '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('admin:')) resolve();
      });
      child.on('exit', () => reject(new Error(out)));
    });
    const exit = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exit;
    assert.match(out, /username "admin", password "[A-Za-z0-9_-]{12,}"/);
  });

  it('refuses bad arguments with a readable message', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', serve, '--port', 'eighty', '--data-dir', tmp.dir], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--port must be a number/);
    const w = spawnSync(process.execPath, ['--import', 'tsx', serve, '--paper-width', '500', '--data-dir', tmp.dir], { encoding: 'utf8' });
    assert.equal(w.status, 2);
    assert.match(w.stderr, /--paper-width must be 576/);
  });
});
