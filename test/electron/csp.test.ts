// The hall server's Content-Security-Policy (electron/server/http/csp.ts) is what the
// Electron windows rely on instead of Node isolation alone; the shell adds the same policy
// to responses that lack one. Assert it stays strict.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy } from '../../electron/server/http/csp.js';

const directives = (): Map<string, string[]> =>
  new Map(
    contentSecurityPolicy()
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name as string, values]),
  );

test('scripts only from the hall server: no inline, no eval, no remote hosts', () => {
  const d = directives();
  const script = d.get('script-src') ?? d.get('default-src') ?? [];
  assert.deepEqual(script, ["'self'"]);
  for (const [name, values] of d) {
    assert.ok(!values.includes("'unsafe-eval'"), name);
    assert.ok(!values.some((v) => v === '*' || /^https?:$/.test(v) || v === 'file:'), `${name}: ${values.join(' ')}`);
  }
  assert.ok(!(d.get('style-src') ?? []).includes("'unsafe-inline'"));
});

test('no plugins, no framing, no base or form hijack', () => {
  const d = directives();
  assert.deepEqual(d.get('object-src'), ["'none'"]);
  assert.deepEqual(d.get('frame-ancestors'), ["'none'"]);
  assert.deepEqual(d.get('base-uri'), ["'none'"]);
  assert.ok(d.has('default-src'));
  assert.ok(['\'none\'', '\'self\''].includes((d.get('form-action') ?? [])[0] ?? ''));
});
