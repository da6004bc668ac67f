import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Database } from '../../electron/store/db.js';
import { migrate, MIGRATIONS } from '../../electron/store/migrations/index.js';
import { TranslationStore } from '../../electron/store/translationStore.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

describe('migration 0085 (translation overrides)', () => {
  it('adds overrides and review marks to a database at version 40, keyed on lang, ns and key', async () => {
    const db = await Database.open(join(tmp.dir, 't.sqlite3'));
    await migrate(db, MIGRATIONS, 40);
    assert.equal(await migrate(db, MIGRATIONS, 85), 85);
    const store = new TranslationStore(db);
    await db.write(async (c) => {
      await store.putOverrideIn(c, { lang: 'bo', ns: 'kiosk', key: 'A.b', text: 'ཀ', reviewedBy: 'dorje', reviewedAt: 10, updatedAt: 10 });
      // The same key again replaces the text: one override per (lang, ns, key).
      await store.putOverrideIn(c, { lang: 'bo', ns: 'kiosk', key: 'A.b', text: 'ཁ', reviewedBy: 'dorje', reviewedAt: 20, updatedAt: 20 });
      await store.putReviewIn(c, { lang: 'ug', ns: 'kiosk', key: 'A.b', shippedText: 'ئا', reviewedBy: 'ali', reviewedAt: 30 });
    });
    assert.deepEqual(await store.overrides(), [{ lang: 'bo', ns: 'kiosk', key: 'A.b', text: 'ཁ', reviewedBy: 'dorje', reviewedAt: 20, updatedAt: 20 }]);
    assert.deepEqual((await store.reviews()).map((r) => [r.lang, r.shippedText, r.reviewedBy]), [['ug', 'ئا', 'ali']]);
    // Only the three page languages.
    await assert.rejects(db.write((c) => c.run("INSERT INTO translation_overrides VALUES ('fr', 'kiosk', 'A.b', 'x', NULL, NULL, 1)")), /CHECK/);
    assert.equal(await db.write((c) => store.deleteOverrideIn(c, 'bo', 'kiosk', 'A.b')), true);
    assert.deepEqual(await store.overrides(), []);
    await db.close();
  });
});
