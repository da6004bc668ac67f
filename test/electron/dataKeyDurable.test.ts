// The key file's folder is fsynced after the rename, so the new name survives a power cut.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { directoryKeyFiles, syncDirectory } from '../../electron/shell/dataKey.js';

test('directoryKeyFiles syncs the folder after the rename', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-key-sync-'));
  try {
    const synced: { dir: string; renamed: boolean }[] = [];
    const files = directoryKeyFiles(dir, (d) => {
      synced.push({ dir: d, renamed: existsSync(join(d, 'k.bin')) && !existsSync(join(d, 'k.bin.tmp')) });
      syncDirectory(d); // the real fsync still runs
    });
    files.write('k.bin', Buffer.from('secret'));
    assert.deepEqual(synced, [{ dir, renamed: true }]);
    assert.equal(readFileSync(join(dir, 'k.bin'), 'utf8'), 'secret');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
