import type { Migration } from './index.js';

/**
 * Setup on the admin page: each service gets a pictogram (a name from resources/pictograms)
 * and weekly opening hours as JSON ({"mon": [["08:30","12:00"], …], …}); a NULL `hours`
 * keeps the old open_from–open_to every day, so existing halls behave as before.
 * The hall's own settings (name in three scripts, notice, policy with the ageing limit and
 * hall opening hours) live in `settings` rows; no new columns are needed for them.
 * Each counter records the languages its usual staff speak (the counter console offers them
 * when the counter is opened; the calling rule uses the languages declared at opening).
 * An index on the audit log's actor serves the audit page's "by person" filter.
 */
export const m0080AdminSetup: Migration = {
  version: 80,
  name: 'service pictograms and weekly hours; counter usual languages; audit actor index',
  async up(conn) {
    await conn.exec(`
      ALTER TABLE services ADD COLUMN icon TEXT;
      ALTER TABLE services ADD COLUMN hours TEXT CHECK (hours IS NULL OR json_valid(hours));
      ALTER TABLE counters ADD COLUMN usual_languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(usual_languages));
      CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
    `);
  },
};
