// The locale catalog over a real SQLite file and a resources folder that changes between
// "versions": overrides and review marks survive an upgrade; a mark counts only for the
// shipped wording it approved; an override of a removed key is reported as orphaned.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LocaleCatalog } from '../../electron/server/localeCatalog.js';
import { Database } from '../../electron/store/db.js';
import { migrate } from '../../electron/store/migrations/index.js';
import { TranslationStore } from '../../electron/store/translationStore.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir();
after(() => tmp.remove());

function ship(version: string, texts: Record<'zh' | 'bo' | 'ug', Record<string, unknown>>): string {
  const root = join(tmp.dir, version);
  for (const [lang, kiosk] of Object.entries(texts)) {
    mkdirSync(join(root, 'locales', lang), { recursive: true });
    writeFileSync(join(root, 'locales', lang, 'kiosk.json'), JSON.stringify(kiosk));
  }
  return root;
}

describe('locale catalog', () => {
  it('keeps overrides and review marks across an upgrade, and reports orphans', async () => {
    const db = await Database.open(join(tmp.dir, 'c.sqlite3'));
    await migrate(db);
    const store = new TranslationStore(db);
    const v1 = ship('v1', {
      zh: { A: { hello: '你好', hours: '{{from}}–{{to}}' }, Old: { gone: '旧' } },
      bo: { A: { hello: 'བཀྲ་ཤིས།', hours: '\u2068{{from}}–{{to}}\u2069' }, Old: { gone: 'རྙིང་།' } },
      ug: { A: { hello: 'ياخشىمۇسىز', hours: '\u2068{{from}}–{{to}}\u2069' }, Old: { gone: 'كونا' } },
    });
    const one = new LocaleCatalog(v1, store);
    await one.reload();
    await db.write(async (c) => {
      await store.putReviewIn(c, { lang: 'bo', ns: 'kiosk', key: 'A.hello', shippedText: 'བཀྲ་ཤིས།', reviewedBy: 'dorje', reviewedAt: 5 });
      await store.putReviewIn(c, { lang: 'ug', ns: 'kiosk', key: 'A.hello', shippedText: 'ياخشىمۇسىز', reviewedBy: 'ali', reviewedAt: 6 });
      await store.putOverrideIn(c, { lang: 'ug', ns: 'kiosk', key: 'Old.gone', text: 'كونىسى', reviewedBy: 'ali', reviewedAt: 7, updatedAt: 7 });
      await store.putOverrideIn(c, { lang: 'bo', ns: 'kiosk', key: 'A.hours', text: 'དུས་ཚོད། \u2068{{from}}–{{to}}\u2069', reviewedBy: 'dorje', reviewedAt: 8, updatedAt: 8 });
    });
    await one.reload();
    assert.deepEqual(one.mergedLocale('ug', 'kiosk'), { A: { hello: 'ياخشىمۇسىز', hours: '\u2068{{from}}–{{to}}\u2069' }, Old: { gone: 'كونىسى' } });
    assert.equal(one.orphans().length, 0);

    // Version 2 drops Old.gone and rewords the ug greeting.
    const v2 = ship('v2', {
      zh: { A: { hello: '你好', hours: '{{from}}–{{to}}' } },
      bo: { A: { hello: 'བཀྲ་ཤིས།', hours: '\u2068{{from}}–{{to}}\u2069' } },
      ug: { A: { hello: 'ياخشىمۇسىز!', hours: '\u2068{{from}}–{{to}}\u2069' } },
    });
    const two = new LocaleCatalog(v2, store);
    await two.reload();
    const entry = (lang: string, key: string) => two.entries().find((e) => e.lang === lang && e.key === key && !e.orphaned)!;
    assert.deepEqual([entry('bo', 'A.hello').reviewedBy, entry('bo', 'A.hello').reviewedAt], ['dorje', 5]);
    assert.equal(entry('ug', 'A.hello').reviewedAt, null, 'a new shipped wording is not yet reviewed');
    assert.equal(entry('bo', 'A.hours').text, 'དུས་ཚོད། \u2068{{from}}–{{to}}\u2069');
    assert.equal(entry('bo', 'A.hours').overridden, true);
    assert.deepEqual(
      two.orphans().map((o) => [o.lang, o.key, o.text]),
      [['ug', 'Old.gone', 'كونىسى']],
    );
    assert.deepEqual(two.mergedLocale('ug', 'kiosk'), { A: { hello: 'ياخشىمۇسىز!', hours: '\u2068{{from}}–{{to}}\u2069' } });
    // The merged locale is cached until the next reload, and rebuilt after it.
    assert.equal(two.mergedLocale('bo', 'kiosk'), two.mergedLocale('bo', 'kiosk'));
    const cached = two.mergedLocale('bo', 'kiosk');
    await db.write((c) => store.deleteOverrideIn(c, 'bo', 'kiosk', 'A.hours'));
    await two.reload();
    assert.notEqual(two.mergedLocale('bo', 'kiosk'), cached);
    assert.equal((two.mergedLocale('bo', 'kiosk').A as Record<string, string>).hours, '\u2068{{from}}–{{to}}\u2069');
    await db.close();
  });
});
