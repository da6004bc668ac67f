import type { Migration } from './index.js';

/**
 * The personal-data key's book-keeping (the key itself never enters the database):
 * - data_key_rotations: one row per `npm run rotate-key` (from which key ids to which,
 *   records moved, whether the sealed export passphrase moved, finished when the old key was
 *   retired). A row without finished_at is a rotation to resume.
 * - data_key_backups: each confirmed `npm run backup-key` (the key id, how it was protected,
 *   the SHA-256 of the backup file), which the admin page's security section shows.
 */
export const m0110DataKey: Migration = {
  version: 110,
  name: 'data key rotations and backups',
  async up(conn) {
    await conn.exec(`
      CREATE TABLE data_key_rotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        from_key_ids TEXT NOT NULL,
        to_key_id TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        records_moved INTEGER NOT NULL DEFAULT 0,
        passphrase_moved INTEGER NOT NULL DEFAULT 0 CHECK (passphrase_moved IN (0, 1)),
        finished_at INTEGER
      );
      CREATE UNIQUE INDEX data_key_rotations_open ON data_key_rotations (finished_at IS NULL) WHERE finished_at IS NULL;

      CREATE TABLE data_key_backups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key_id TEXT NOT NULL,
        protection TEXT NOT NULL CHECK (protection IN ('passphrase', 'openpgp')),
        file_sha256 TEXT NOT NULL,
        made_at INTEGER NOT NULL
      );
      CREATE INDEX data_key_backups_key ON data_key_backups (key_id, made_at);
    `);
  },
};
