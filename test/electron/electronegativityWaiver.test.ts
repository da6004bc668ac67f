// The gate's one waiver: setCertificateVerifyProc only where it hands the verdict to the
// pinning policy, only in main.ts and its bundle.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

interface Gate {
  evaluate(result: unknown, files: string[], readLines?: (file: string, from: number, to: number) => string | null): { failures: string[] };
}
const gate = (await import(fileURLToPath(new URL('../../scripts/electronegativity-gate.mjs', import.meta.url)))) as Gate;

const finding = (file: string) => ({
  id: 'CERTIFICATE_VERIFY_PROC_JS_CHECK',
  severity: { name: 'MEDIUM' },
  confidence: { name: 'TENTATIVE' },
  file,
  location: { line: 10 },
  description: 'd',
});
const result = (file: string) => ({ atomicChecks: 36, globalChecks: 6, issues: [finding(file)], errors: [] });
const pinned = () => "session.setCertificateVerifyProc((request, callback) => {\n  const verdict = certificateVerdict(request, pin, Date.now());";
const optOut = () => 'session.setCertificateVerifyProc((request, callback) => callback(0));';

test('the pinning call in main.ts is waived', () => {
  assert.deepEqual(gate.evaluate(result('src/main.ts'), ['src/main.ts'], pinned).failures, []);
  assert.deepEqual(gate.evaluate(result('bundle/main.js'), ['bundle/main.js'], pinned).failures, []);
});

test('an opt-out, another file, or no source to check still fails', () => {
  assert.equal(gate.evaluate(result('src/main.ts'), ['src/main.ts'], optOut).failures.length, 1);
  assert.equal(gate.evaluate(result('src/shell/lockdown.ts'), ['src/main.ts'], pinned).failures.length, 1);
  assert.equal(gate.evaluate(result('src/main.ts'), ['src/main.ts']).failures.length, 1);
});
