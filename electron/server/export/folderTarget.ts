// Delivery to a folder: write `<batch>.gpg.tmp`, fsync it, rename to `<batch>.gpg`, fsync the
// folder. A reader of the folder never sees half a batch, and a confirmed batch survives a
// power cut. A batch already there with the same hash counts as delivered (a re-run).
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fsyncPath } from '../../shared/durableFiles.js';
import { faultPoint } from './faults.js';
import type { Delivery, DeliveryTarget } from './targets.js';

async function sha256Of(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export class FolderTarget implements DeliveryTarget {
  readonly key: string;
  constructor(readonly dir: string) {
    this.key = `folder:${dir}`;
  }

  async deliver(file: string, batchId: string, sha256: string, size: number): Promise<Delivery> {
    if (!existsSync(this.dir) || !statSync(this.dir).isDirectory()) throw new Error(`folder ${this.dir} does not exist (is the share or stick mounted?)`);
    const final = join(this.dir, `${batchId}.gpg`);
    if (existsSync(final) && statSync(final).size === size && (await sha256Of(final)) === sha256) {
      return { detail: `already in ${final}` };
    }
    const tmp = `${final}.tmp`;
    rmSync(tmp, { force: true });
    const out = createWriteStream(tmp, { flags: 'wx', mode: 0o644 });
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    failed.catch(() => undefined);
    try {
      // Hashed on the way: the copy must be the batch the hall built, byte for byte.
      const h = createHash('sha256');
      for await (const chunk of createReadStream(file)) {
        h.update(chunk as Buffer);
        if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
      }
      out.end();
      await Promise.race([once(out, 'finish'), failed]);
      await once(out, 'close');
      fsyncPath(tmp, 'r+');
      if (h.digest('hex') !== sha256) throw new Error(`the outbox copy of ${batchId} no longer matches its build (disk error?)`);
      renameSync(tmp, final);
      fsyncPath(this.dir, 'r');
    } catch (e) {
      out.destroy();
      rmSync(tmp, { force: true });
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOSPC' || err.code === 'EFBIG' || err.code === 'EDQUOT') throw new Error(`folder ${this.dir} is full (${err.code}); free space and run the export again`);
      throw new Error(`could not write to folder ${this.dir}: ${err.message}`);
    }
    faultPoint('delivering');
    return { detail: final };
  }
}
