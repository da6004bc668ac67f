// The data directory holds residents' sealed answers, the audit log, keys and logs: nobody but
// the hall server's user may read it. Folders 0700, files 0600, made so on every start —
// including a data directory from an older build (or a restored backup) with wider modes.
// Windows has no such modes (ACLs of the per-user folder apply); nothing is done there.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const isWindows = process.platform === 'win32';

/** Creates the folder (and missing parents) 0700, and narrows it to 0700 if it existed. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!isWindows) chmodSync(dir, 0o700);
}

/**
 * Narrows every folder to 0700 and every file to 0600 under dataDir (symbolic links are not
 * followed: a --key-file or export folder elsewhere keeps its own modes). Returns how many
 * entries were changed; stops after `limit` entries so a huge folder cannot stall the start.
 */
export function tightenDataDir(dataDir: string, limit = 50_000): number {
  makePrivateDir(dataDir);
  if (isWindows) return 0;
  let changed = 0;
  let seen = 0;
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (++seen > limit) return;
      const p = join(dir, name);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        continue; // removed meanwhile
      }
      if (st.isSymbolicLink()) continue;
      const want = st.isDirectory() ? 0o700 : 0o600;
      if ((st.mode & 0o777) !== want && (st.isDirectory() || st.isFile())) {
        chmodSync(p, want);
        changed++;
      }
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dataDir);
  return changed;
}
