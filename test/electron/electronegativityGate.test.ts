// The Electronegativity gate: the tool exits 0 whatever it finds, so the gate decides.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

interface Issue { id: string; severity: { name: string }; confidence: { name: string }; file: string; location: { line: number }; description: string }
interface Gate {
  evaluate(result: unknown, files: string[]): { failures: string[] };
  scan(dir: string, files: string[], log: (s: string) => void): Promise<{ failures: string[] }>;
  stage(root: string, dest: string): string[];
}
const gate = (await import(fileURLToPath(new URL('../../scripts/electronegativity-gate.mjs', import.meta.url)))) as Gate;

const issue = (id: string, severity: string): Issue => ({ id, severity: { name: severity }, confidence: { name: 'FIRM' }, file: 'src/main.ts', location: { line: 1 }, description: 'd' });
const result = (issues: Issue[], errors: unknown[] = []) => ({ atomicChecks: 36, globalChecks: 6, issues, errors });

test('verdict: MEDIUM and above fail, LOW and INFORMATIONAL pass', () => {
  assert.deepEqual(gate.evaluate(result([issue('CSP_GLOBAL_CHECK', 'LOW'), issue('X', 'INFORMATIONAL')]), ['src/main.ts']).failures, []);
  assert.equal(gate.evaluate(result([issue('SANDBOX_JS_CHECK', 'MEDIUM')]), ['src/main.ts']).failures.length, 1);
  assert.equal(gate.evaluate(result([issue('CONTEXT_ISOLATION_JS_CHECK', 'HIGH')]), ['src/main.ts']).failures.length, 1);
  assert.equal(gate.evaluate(result([issue('WHATEVER', 'SOMETHING_NEW')]), ['src/main.ts']).failures.length, 1, 'unknown severity counts as high');
});

test('verdict: any NODE_INTEGRATION finding fails, even LOW', () => {
  assert.equal(gate.evaluate(result([issue('HTTP_RESOURCES_WITH_NODE_INTEGRATION_GLOBAL_CHECK', 'LOW')]), ['a.ts']).failures.length, 1);
});

test('verdict: parse errors, parse warnings, skipped files and empty runs fail', () => {
  assert.match(gate.evaluate(result([], [{ file: 'a.ts', message: 'Unexpected token', tolerable: false }]), ['a.ts']).failures.join(), /parse error in a\.ts/);
  assert.match(gate.evaluate(result([], [{ file: 'a.ts', message: 'm', tolerable: true }]), ['a.ts']).failures.join(), /parse warning/);
  assert.match(gate.evaluate(result([]), ['a.ts', 'preload/kiosk.cjs']).failures.join(), /skipped unscanned.*kiosk\.cjs/);
  assert.match(gate.evaluate(result([]), ['package.json']).failures.join(), /no source files/);
  assert.match(gate.evaluate(undefined, ['a.ts']).failures.join(), /no result/);
  assert.match(gate.evaluate({ ...result([]), atomicChecks: 0 }, ['a.ts']).failures.join(), /no checks/);
});

test('staging renames preload bundles so the tool parses them', () => {
  const dest = mkdtempSync(join(tmpdir(), 'stage-'));
  try {
    const files = gate.stage(fileURLToPath(new URL('../../', import.meta.url)), dest);
    assert.ok(files.includes(join('src', 'main.ts')));
    assert.ok(files.some((f) => f.startsWith(join('src', 'shell'))));
    assert.ok(!files.some((f) => f.endsWith('.cjs')));
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
});

test('real run: an unparsable file and nodeIntegration:true are both caught', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eneg-fixture-'));
  try {
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', devDependencies: { electron: '41.0.0' } }));
    writeFileSync(join(dir, 'src', 'bad.ts'), 'const = ;; export {{\n');
    writeFileSync(
      join(dir, 'src', 'main.js'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
    const lines: string[] = [];
    const verdict = await gate.scan(dir, ['package.json', 'src/bad.ts', 'src/main.js'], (s) => lines.push(s));
    const all = verdict.failures.join('\n');
    assert.match(all, /parse error in .*bad\.ts/);
    assert.match(all, /NODE_INTEGRATION/);
    assert.ok(lines[0]?.startsWith('Electronegativity:'), 'the result is printed to the log');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
