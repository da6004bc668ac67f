// electron/main.ts and the preloads type-check against the real `electron` types
// (node_modules/electron/electron.d.ts), not against `any`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const electronTypes = join(root, 'node_modules', 'electron', 'electron.d.ts');

function runTsc(project: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('main.ts and every preload compile against electron.d.ts', { timeout: 120_000 }, () => {
  const { status, out } = runTsc(join(root, 'test', 'electron', 'tsconfig.shell.json'));
  const errors = out.split('\n').filter((l) => l.includes('error TS'));
  assert.equal(status, 0, errors.join('\n') || out.slice(0, 2000));
  assert.ok(out.includes(electronTypes), 'electron.d.ts was part of the program');
});

test('the same setup rejects a misspelt Electron option (the types are real)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsc-electron-'));
  try {
    writeFileSync(
      join(dir, 'bad.ts'),
      "import { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegrationn: true } });\n",
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext', types: [], skipLibCheck: true, paths: { electron: [electronTypes] } },
        files: ['bad.ts'],
      }),
    );
    const { status, out } = runTsc(join(dir, 'tsconfig.json'));
    assert.notEqual(status, 0);
    assert.match(out, /nodeIntegrationn/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
