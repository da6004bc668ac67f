// The personal-data key under safeStorage, and the basic_text refusal.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ACK_FILE, KEY_FILE, PersonalDataKeyring, directoryKeyFiles, keyProtection, type SafeStorageLike } from '../../electron/shell/dataKey.js';

/** Reversible fake "encryption" bound to a secret, like an OS keystore. */
function fakeSafe(backend: string, available = true, secret = 'os-secret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(`${secret}:${s}`),
    decryptString: (b) => {
      const s = b.toString();
      if (!s.startsWith(`${secret}:`)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return s.slice(secret.length + 1);
    },
    getSelectedStorageBackend: () => backend,
  };
}

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'hall-keys-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const keyring = (dir: string, safe: SafeStorageLike, platform: NodeJS.Platform = 'linux') =>
  new PersonalDataKeyring({ safeStorage: safe, files: directoryKeyFiles(dir), platform, now: () => new Date('2026-11-23T08:00:00Z'), randomKey: () => randomBytes(32) });

test('protection per platform and backend', () => {
  assert.deepEqual(keyProtection('win32', fakeSafe('ignored')), { protection: 'os', backend: 'dpapi' });
  assert.deepEqual(keyProtection('linux', fakeSafe('gnome_libsecret')), { protection: 'os', backend: 'gnome_libsecret' });
  assert.deepEqual(keyProtection('linux', fakeSafe('kwallet6')), { protection: 'os', backend: 'kwallet6' });
  assert.deepEqual(keyProtection('linux', fakeSafe('basic_text')), { protection: 'basic_text', backend: 'basic_text' });
  assert.deepEqual(keyProtection('linux', fakeSafe('unknown')), { protection: 'unavailable', backend: 'unknown' });
  assert.equal(keyProtection('linux', fakeSafe('gnome_libsecret', false)).protection, 'unavailable');
});

test('with an OS secret store the key is created once, stored wrapped, and reused', () => {
  withDir((dir) => {
    const k1 = keyring(dir, fakeSafe('gnome_libsecret'));
    assert.deepEqual(k1.status(), { protection: 'os', backend: 'gnome_libsecret', riskAcknowledged: null, personalDataAllowed: true, problem: null });
    const key = k1.key();
    assert.ok(key && key.length === 32);
    const onDisk = readFileSync(join(dir, KEY_FILE));
    assert.ok(onDisk.toString().startsWith('os-secret:'), 'stored through safeStorage');
    assert.ok(!onDisk.includes(key), 'never the raw key bytes');
    assert.equal((statSync(join(dir, KEY_FILE)).mode & 0o777).toString(8), '600');
    assert.deepEqual(keyring(dir, fakeSafe('gnome_libsecret')).key(), key, 'same key after a restart');
  });
});

test('basic_text: status says so and no key until an admin acknowledges the risk', () => {
  withDir((dir) => {
    const k = keyring(dir, fakeSafe('basic_text'));
    assert.deepEqual(k.status(), { protection: 'basic_text', backend: 'basic_text', riskAcknowledged: null, personalDataAllowed: false, problem: 'basic_text_not_acknowledged' });
    assert.equal(k.key(), null);
    assert.throws(() => k.acknowledgeBasicTextRisk('  '), /admin user name/);
    const after = k.acknowledgeBasicTextRisk('admin');
    assert.deepEqual(after.riskAcknowledged, { by: 'admin', at: '2026-11-23T08:00:00.000Z' });
    assert.equal(after.personalDataAllowed, true);
    assert.equal(k.key()?.length, 32);
    // The acknowledgement survives a restart.
    assert.equal(keyring(dir, fakeSafe('basic_text')).status().personalDataAllowed, true);
  });
});

test('an acknowledgement does not carry over to a machine that later has a real store', () => {
  withDir((dir) => {
    keyring(dir, fakeSafe('gnome_libsecret')).acknowledgeBasicTextRisk('admin');
    assert.throws(() => readFileSync(join(dir, ACK_FILE)), /ENOENT/, 'nothing to acknowledge with an OS store');
  });
});

test('no encryption at all: refused', () => {
  withDir((dir) => {
    const k = keyring(dir, fakeSafe('gnome_libsecret', false));
    assert.equal(k.status().problem, 'encryption_unavailable');
    assert.equal(k.key(), null);
  });
});

test('a key that cannot be unwrapped is reported and never replaced', () => {
  withDir((dir) => {
    keyring(dir, fakeSafe('gnome_libsecret', true, 'old-secret')).key();
    const before = readFileSync(join(dir, KEY_FILE));
    const k = keyring(dir, fakeSafe('gnome_libsecret', true, 'new-secret'));
    assert.equal(k.status().problem, 'key_unreadable');
    assert.equal(k.key(), null);
    assert.deepEqual(readFileSync(join(dir, KEY_FILE)), before, 'the old wrapped key is kept for recovery');
  });
});

test('a damaged acknowledgement file counts as none', () => {
  withDir((dir) => {
    directoryKeyFiles(dir).write(ACK_FILE, Buffer.from('{not json'));
    assert.equal(keyring(dir, fakeSafe('basic_text')).status().problem, 'basic_text_not_acknowledged');
  });
});

test('with records sealed already, a lost wrapped key is reported with the key id and the path, never replaced', async () => {
  const { PersonalDataCipher, keyIdOf } = await import('../../electron/server/forms/personalData.js');
  withDir((dir) => {
    const original = keyring(dir, fakeSafe('gnome_libsecret'));
    const neededId = keyIdOf(original.key()!);
    rmSync(join(dir, KEY_FILE));
    const location = join(dir, KEY_FILE);
    const shell = new PersonalDataKeyring({ safeStorage: fakeSafe('gnome_libsecret'), files: directoryKeyFiles(dir), platform: 'linux', now: () => new Date(), randomKey: () => randomBytes(32), location });
    const cipher = new PersonalDataCipher({ kind: 'keyring' }, [neededId]);
    cipher.attachKeyring({ key: () => shell.key(), existingKey: () => shell.existingKey(), location: shell.location! });
    const status = cipher.status();
    assert.equal(status.problem, 'key_missing');
    assert.deepEqual(status.missing, { keyIds: [neededId], lookedIn: location });
    assert.throws(() => cipher.seal({ x: 1 }, 's'), new RegExp(neededId));
    assert.throws(() => readFileSync(location), /ENOENT/, 'no new key was made');
    // Nothing sealed yet: the keyring makes its key as before.
    const first = new PersonalDataCipher({ kind: 'keyring' }, []);
    first.attachKeyring({ key: () => shell.key(), existingKey: () => shell.existingKey() });
    assert.equal(first.status().ready, true);
    assert.ok(statSync(location).size > 0);
  });
});
