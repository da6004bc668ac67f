// Translation overrides and review marks (migration 0085). Plain rows in, plain rows out:
// what a key means and whether it still exists is the locale catalog's business.
import type { Connection, Database } from './db.js';

export type OverrideLang = 'zh' | 'bo' | 'ug';

export interface TranslationOverride {
  lang: OverrideLang;
  ns: string;
  key: string;
  text: string;
  reviewedBy: string | null;
  reviewedAt: number | null;
  updatedAt: number;
}

export interface TranslationReview {
  lang: OverrideLang;
  ns: string;
  key: string;
  /** The shipped text that was approved unchanged. */
  shippedText: string;
  reviewedBy: string;
  reviewedAt: number;
}

interface OverrideRow {
  lang: OverrideLang;
  ns: string;
  key: string;
  text: string;
  reviewed_by: string | null;
  reviewed_at: number | null;
  updated_at: number;
}

interface ReviewRow {
  lang: OverrideLang;
  ns: string;
  key: string;
  shipped_text: string;
  reviewed_by: string;
  reviewed_at: number;
}

export class TranslationStore {
  constructor(private readonly db: Database) {}

  async overrides(): Promise<TranslationOverride[]> {
    const rows = await this.db.reader.all<OverrideRow>('SELECT * FROM translation_overrides ORDER BY lang, ns, key');
    return rows.map((r) => ({
      lang: r.lang,
      ns: r.ns,
      key: r.key,
      text: r.text,
      reviewedBy: r.reviewed_by,
      reviewedAt: r.reviewed_at,
      updatedAt: r.updated_at,
    }));
  }

  async reviews(): Promise<TranslationReview[]> {
    const rows = await this.db.reader.all<ReviewRow>('SELECT * FROM translation_reviews ORDER BY lang, ns, key');
    return rows.map((r) => ({ lang: r.lang, ns: r.ns, key: r.key, shippedText: r.shipped_text, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at }));
  }

  async overrideIn(conn: Connection, lang: OverrideLang, ns: string, key: string): Promise<TranslationOverride | null> {
    const r = await conn.get<OverrideRow>('SELECT * FROM translation_overrides WHERE lang = ? AND ns = ? AND key = ?', [lang, ns, key]);
    return r
      ? { lang: r.lang, ns: r.ns, key: r.key, text: r.text, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at, updatedAt: r.updated_at }
      : null;
  }

  /** Inserts or replaces one override inside the caller's transaction. */
  async putOverrideIn(conn: Connection, o: TranslationOverride): Promise<void> {
    await conn.run(
      `INSERT INTO translation_overrides (lang, ns, key, text, reviewed_by, reviewed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (lang, ns, key) DO UPDATE SET text = excluded.text, reviewed_by = excluded.reviewed_by,
         reviewed_at = excluded.reviewed_at, updated_at = excluded.updated_at`,
      [o.lang, o.ns, o.key, o.text, o.reviewedBy, o.reviewedAt, o.updatedAt],
    );
  }

  /** Removes an override (the shipped text applies again); true when there was one. */
  async deleteOverrideIn(conn: Connection, lang: OverrideLang, ns: string, key: string): Promise<boolean> {
    const r = await conn.run('DELETE FROM translation_overrides WHERE lang = ? AND ns = ? AND key = ?', [lang, ns, key]);
    return r.changes > 0;
  }

  async putReviewIn(conn: Connection, r: TranslationReview): Promise<void> {
    await conn.run(
      `INSERT INTO translation_reviews (lang, ns, key, shipped_text, reviewed_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (lang, ns, key) DO UPDATE SET shipped_text = excluded.shipped_text, reviewed_by = excluded.reviewed_by,
         reviewed_at = excluded.reviewed_at`,
      [r.lang, r.ns, r.key, r.shippedText, r.reviewedBy, r.reviewedAt],
    );
  }

  write<T>(fn: (conn: Connection) => Promise<T>): Promise<T> {
    return this.db.write(fn);
  }
}
