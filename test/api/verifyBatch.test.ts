// The district's `verify-batch` against forgeries: a batch made by another "hall" (its own
// signing key, encrypted to the district's public key, which is public) and a real batch
// copied under another name. Real exports by the CLI, decrypted with a gpg-made district key.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readHallPublicKey } from '../../electron/server/export/keys.js';
import { makeDistrictKey, runCli, seedHall, stopGpgAgent, type DistrictKey } from '../support/exportFixture.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir('hall-verify-');
let key: DistrictKey;
/** The real hall's batch and public key (as the district got it and compared by phone). */
let real: { file: string; batchId: string; hallKeyFile: string; fingerprint: string };
/** A batch made by someone else with a signing key of their own. */
let forged: { file: string; fingerprint: string };

async function exportHall(name: string): Promise<{ file: string; batchId: string; armored: string; fingerprint: string }> {
  const dataDir = join(tmp.dir, name);
  await seedHall(dataDir, 3);
  const out = join(tmp.dir, `${name}-out`);
  mkdirSync(out);
  const r = await runCli('export', ['--data-dir', dataDir, '--district-key', key.publicFile, '--to-folder', out]);
  assert.equal(r.code, 0, r.stderr);
  const batchId = r.stdout.trim();
  const hall = (await readHallPublicKey(dataDir))!;
  return { file: join(out, `${batchId}.gpg`), batchId, armored: hall.armored, fingerprint: hall.fingerprint };
}

const verify = (file: string, ...extra: string[]) => runCli('verifyBatch', [file, '--key', key.secretFile, ...extra]);

before(async () => {
  key = makeDistrictKey(tmp.dir);
  const a = await exportHall('hall-real');
  const hallKeyFile = join(tmp.dir, 'hall-real.asc');
  writeFileSync(hallKeyFile, a.armored);
  real = { file: a.file, batchId: a.batchId, hallKeyFile, fingerprint: a.fingerprint };
  const b = await exportHall('hall-forger');
  forged = { file: b.file, fingerprint: b.fingerprint };
});
after(() => {
  stopGpgAgent(key);
  tmp.remove();
});

describe('verify-batch refuses what it cannot vouch for', () => {
  it('accepts the real batch checked against the hall key', async () => {
    const r = await verify(real.file, '--hall-key', real.hallKeyFile);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /OK: signature, hashes and counts check out/);
    assert.match(r.stdout, new RegExp(`signed by ${real.fingerprint} \\(the hall key given\\)`));
  });

  it('exits non-zero on a batch signed by any other key when no hall key is given', async () => {
    const r = await verify(forged.file);
    assert.equal(r.code, 1, `a forgery passed: ${r.stdout}`);
    assert.match(r.stderr, /the signer was not checked/);
    assert.match(r.stderr, /--hall-key/);
    assert.match(r.stderr, /--integrity-only/);
    // The real batch without the hall key is refused the same way: nothing vouches for the signer.
    assert.equal((await verify(real.file)).code, 1);
  });

  it('with --hall-key, the forgery fails on its signature', async () => {
    const r = await verify(forged.file, '--hall-key', real.hallKeyFile);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /FAILED/);
  });

  it('--integrity-only passes an intact batch and says plainly that the signer was not checked', async () => {
    const r = await verify(forged.file, '--integrity-only');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`signed by ${forged.fingerprint} \\(the key inside the batch, NOT checked`));
    assert.match(r.stdout, /OK \(integrity only\)/);
    assert.doesNotMatch(r.stdout, /OK: signature/);
  });

  it('refuses a renamed copy of a real batch, with the hall key and with --integrity-only', async () => {
    const renamed = join(tmp.dir, '20991231T020000Z-0badc0de.gpg');
    copyFileSync(real.file, renamed);
    for (const extra of [['--hall-key', real.hallKeyFile], ['--integrity-only']]) {
      const r = await verify(renamed, ...extra);
      assert.equal(r.code, 1, `a renamed copy passed (${extra[0]}): ${r.stdout}`);
      assert.match(r.stderr, new RegExp(`named 20991231T020000Z-0badc0de\\.gpg but holds batch ${real.batchId}: a renamed copy is refused`));
    }
  });
});
