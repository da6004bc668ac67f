// The weakening Chromium switches in every spelling Chromium reads, and --dev on an
// installed build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeFingerprint, resolveConfig, switchName } from '../../electron/shell/config.js';

const errorsOf = (argv: string[], packaged = false, fileText: string | null = null): string[] => {
  const r = resolveConfig({ argv, fileText, packaged });
  return r.ok ? [] : r.errors;
};

test('single-dash, slash and upper-case spellings of a forbidden switch are refused', () => {
  for (const arg of ['-remote-debugging-port=9222', '/remote-debugging-port=9222', '--Remote-Debugging-Port=9222', '-no-sandbox', '/no-sandbox', '-disable-web-security', '/IGNORE-CERTIFICATE-ERRORS']) {
    assert.match(errorsOf([arg]).join('\n'), /refused outside --dev/, arg);
  }
  assert.equal(switchName('/home/hall/data'), 'home/hall/data', 'a path is no forbidden switch');
  assert.equal(switchName('plain'), null);
  assert.deepEqual(errorsOf(['-enable-features=Foo']), [], 'harmless single-dash switches pass');
});

test('--dev is refused by an installed build, on the command line or in the config file', () => {
  assert.match(errorsOf(['--dev'], true).join(), /refused by an installed build/);
  assert.match(errorsOf([], true, '{"dev": true}').join(), /refused by an installed build/);
  assert.match(errorsOf(['--dev', '--no-sandbox'], true).join(), /--no-sandbox .*installed build/);
  assert.deepEqual(errorsOf(['--dev', '--no-sandbox'], false), [], 'a developer checkout still may');
});

test('tls and the CA fingerprint are validated', () => {
  const fp = 'ab'.repeat(32);
  const ok = resolveConfig({ argv: ['--role=counter', '--server=https://10.0.0.2:8443', `--ca-fingerprint=${fp}`], fileText: null });
  assert.ok(ok.ok);
  assert.equal(ok.config.caFingerprint, normalizeFingerprint(fp));
  assert.match(errorsOf(['--role=counter', '--server=https://10.0.0.2:8443']).join(), /needs caFingerprint/);
  assert.match(errorsOf(['--role=counter', '--server=https://10.0.0.2:8443', '--ca-fingerprint=zz']).join(), /64 hex digits/);
  assert.match(errorsOf(['--role=counter', '--server=http://10.0.0.2:8080', '--tls']).join(), /tls is for the hall role/);
  const hall = resolveConfig({ argv: ['--tls'], fileText: null });
  assert.ok(hall.ok && hall.config.tls);
});
