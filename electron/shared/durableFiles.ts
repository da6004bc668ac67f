// Writing files so that a power cut leaves the old version or the whole new one, never a torn
// or missing file: fsync of a file, fsync of the folder a rename happened in, and a secret
// written 0600 through a synced temporary file. Shared by the hall (export keys and batches,
// the personal-data key file, the Electron shell's key files) and the district (its keys).
import { chmodSync, closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';

/** fsync of a file or folder opened with `flags` ('r+' for a file just written). */
export function fsyncPath(path: string, flags = 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * fsync of a folder makes a rename in it durable: without it a power cut right after the
 * rename can leave the old name (or no file at all) although the file's data was synced.
 * Windows cannot open a folder for this; NTFS journals the rename itself.
 */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  fsyncPath(dir);
}

/** Writes a secret (0600) through `<file>.tmp`, synced before the rename replaces the old one. */
export function writeSecretFile(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  fsyncPath(tmp, 'r+');
  renameSync(tmp, file);
}
