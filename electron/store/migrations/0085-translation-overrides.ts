import type { Migration } from './index.js';

/**
 * Translation review: a hall's corrections to the shipped locale texts, and the marks of
 * shipped texts a native speaker approved unchanged. Overrides are keyed on (lang, ns, key)
 * only, never on the shipped file, so they survive upgrades; an override whose key left the
 * shipped files is reported as orphaned, not dropped.
 */
export const m0085TranslationOverrides: Migration = {
  version: 85,
  name: 'translation overrides and review marks',
  async up(conn) {
    await conn.exec(`
      CREATE TABLE translation_overrides (
        lang TEXT NOT NULL CHECK (lang IN ('zh', 'bo', 'ug')),
        ns TEXT NOT NULL,
        key TEXT NOT NULL,
        text TEXT NOT NULL,
        reviewed_by TEXT,
        reviewed_at INTEGER,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (lang, ns, key)
      );
      -- "Reviewed, no change needed": the mark holds the shipped text it approved, so a new
      -- shipped wording after an upgrade shows up as not yet reviewed again.
      CREATE TABLE translation_reviews (
        lang TEXT NOT NULL CHECK (lang IN ('zh', 'bo', 'ug')),
        ns TEXT NOT NULL,
        key TEXT NOT NULL,
        shipped_text TEXT NOT NULL,
        reviewed_by TEXT NOT NULL,
        reviewed_at INTEGER NOT NULL,
        PRIMARY KEY (lang, ns, key)
      );
    `);
  },
};
