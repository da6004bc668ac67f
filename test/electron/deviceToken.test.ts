// The hall machine's own kiosk token: created once, kept wrapped, replaced only if revoked.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { directoryKeyFiles, type SafeStorageLike } from '../../electron/shell/dataKey.js';
import { ensureDeviceToken, fileTokenVault, type DeviceAuth } from '../../electron/shell/deviceToken.js';

const safe = (available: boolean): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(s).reverse(),
  decryptString: (b) => Buffer.from(b).reverse().toString(),
});

function fakeAuth() {
  const live = new Map<string, 'kiosk' | 'display'>();
  let n = 0;
  const auth: DeviceAuth = {
    principal: async (t) => (t && live.has(t) ? { kind: 'device', role: live.get(t) } : { kind: 'anonymous' }),
    createDevice: async (role) => {
      const token = `tok${++n}`;
      live.set(token, role);
      return { token };
    },
  };
  return { auth, live };
}

test('created once, then reused across restarts; sealed on disk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-token-'));
  try {
    const { auth } = fakeAuth();
    const vault = fileTokenVault(directoryKeyFiles(dir), safe(true), 't.json');
    const a = await ensureDeviceToken(auth, vault, 'kiosk', 'Hall machine kiosk');
    assert.deepEqual(a, { token: 'tok1', created: true });
    assert.ok(!readFileSync(join(dir, 't.json'), 'utf8').includes('tok1'), 'token is not stored in clear');
    assert.deepEqual(await ensureDeviceToken(auth, fileTokenVault(directoryKeyFiles(dir), safe(true), 't.json'), 'kiosk', 'x'), { token: 'tok1', created: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a revoked or wrong-role token is replaced by a new device', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-token-'));
  try {
    const { auth, live } = fakeAuth();
    const vault = fileTokenVault(directoryKeyFiles(dir), safe(false), 't.json');
    await ensureDeviceToken(auth, vault, 'kiosk', 'k');
    assert.match(readFileSync(join(dir, 't.json'), 'utf8'), /"plain"/, 'plain fallback without a secret store');
    live.delete('tok1');
    assert.deepEqual(await ensureDeviceToken(auth, vault, 'kiosk', 'k'), { token: 'tok2', created: true });
    assert.deepEqual(await ensureDeviceToken(auth, vault, 'display', 'd'), { token: 'tok3', created: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
