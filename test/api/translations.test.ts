// Translation review over a real server: the list of every key, validated edits stored as
// overrides, live in the pages' locale files, error messages and ticket labels, audited,
// exported and imported between halls, and orphans reported after an "upgrade".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { label } from '../../electron/print/labels.js';
import type { TranslationEntry } from '../../renderer/admin/adminApi.js';
import { api, startTestHall, tempDir, type TestHall } from '../support/hall.js';

/** The wire shape as the admin page reads it: the test checks the server against that. */
type Entry = TranslationEntry;

const TOUCH = '/api/translations/bo/kiosk/Attract.touchToStart';

describe('translation review API', () => {
  let hall: TestHall;
  before(async () => {
    hall = await startTestHall();
  });
  after(() => hall.stop());

  it('lists every key of every namespace in zh, bo and ug with the zh source', async () => {
    const r = await api<Entry[]>(hall.url, 'GET', '/api/translations', hall.adminToken);
    assert.equal(r.status, 200);
    const of = (lang: string) => r.body.filter((e) => e.lang === lang && !e.orphaned);
    assert.ok(of('zh').length > 100);
    assert.equal(of('bo').length, of('zh').length);
    assert.equal(of('ug').length, of('zh').length);
    for (const ns of ['kiosk', 'counter', 'display', 'admin', 'errors', 'ticket', 'voice']) assert.ok(of('bo').some((e) => e.ns === ns), ns);
    const closed = r.body.find((e) => e.lang === 'ug' && e.ns === 'kiosk' && e.key === 'Services.closedHours')!;
    assert.equal(closed.source, '暂停取号（办理时间 {{from}}–{{to}}）');
    assert.equal(closed.overridden, false);
    assert.equal(closed.reviewedBy, null);
  });

  it('stores an edit, serves it in the merged locale file at once, and audits before → after', async () => {
    const shipped = (await api<Record<string, Record<string, string>>>(hall.url, 'GET', '/locales/bo/kiosk.json')).body.Attract!.touchToStart!;
    const text = 'ཨང་ཤོག་ལེན་པར་བརྙན་ཡོལ་ལ་རེག་རོགས།';
    const r = await api<Entry>(hall.url, 'PUT', TOUCH, hall.adminToken, { text });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.text, text);
    assert.equal(r.body.overridden, true);
    assert.equal(r.body.reviewedBy, 'admin');
    assert.ok(r.body.reviewedAt);
    const served = await api<Record<string, Record<string, string>>>(hall.url, 'GET', '/locales/bo/kiosk.json');
    assert.equal(served.body.Attract!.touchToStart, text);
    assert.equal((await api<Record<string, Record<string, string>>>(hall.url, 'GET', '/locales/zh/kiosk.json')).body.Attract!.touchToStart, '请触摸屏幕开始取号');
    const audit = await hall.server.context.audit.store.list({ from: 0, to: Number.MAX_SAFE_INTEGER, action: 'setup.translation.update' });
    const last = audit.at(-1)!;
    assert.equal(last.target, 'bo/kiosk/Attract.touchToStart');
    assert.equal(last.actorName, 'admin');
    assert.deepEqual([last.detail?.before, last.detail?.after], [shipped, text]);
  });

  it('refuses an unknown key, an empty text, a lost or invented placeholder, and an overlong text', async () => {
    const unknown = await api<{ error: { code: string } }>(hall.url, 'PUT', '/api/translations/bo/kiosk/No.such', hall.adminToken, { text: 'x' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'TRANSLATION_UNKNOWN_KEY');
    assert.equal((await api(hall.url, 'PUT', '/api/translations/xx/kiosk/Attract.touchToStart', hall.adminToken, { text: 'x' })).status, 404);
    assert.equal((await api(hall.url, 'PUT', '/api/translations/bo/nope/Attract.touchToStart', hall.adminToken, { text: 'x' })).status, 404);
    const empty = await api<{ error: { code: string } }>(hall.url, 'PUT', TOUCH, hall.adminToken, { text: '   ' });
    assert.deepEqual([empty.status, empty.body.error.code], [422, 'TRANSLATION_EMPTY']);
    const lost = await api<{ error: { code: string; message: string; details: { missing: string[]; unknown: string[] } } }>(
      hall.url,
      'PUT',
      '/api/translations/ug/kiosk/Services.closedHours',
      hall.adminToken,
      { text: 'ھازىر نومۇر بېرىلمەيدۇ ({{from}} دىن {{till}} گىچە)' },
    );
    assert.equal(lost.status, 422);
    assert.equal(lost.body.error.code, 'TRANSLATION_PLACEHOLDERS');
    assert.deepEqual(lost.body.error.details, { missing: ['to'], unknown: ['till'] });
    assert.match(lost.body.error.message, /占位符.*\{\{to\}\}.*\{\{till\}\}/);
    const long = await api<{ error: { code: string } }>(hall.url, 'PUT', TOUCH, hall.adminToken, { text: 'ཀ'.repeat(1001) });
    assert.deepEqual([long.status, long.body.error.code], [422, 'TRANSLATION_TOO_LONG']);
    const bad = await api(hall.url, 'PUT', TOUCH, hall.adminToken, { text: 5 });
    assert.equal(bad.status, 400);
  });

  it('adds the bidi isolates a reviewer cannot type around numbers and slots of bo/ug texts', async () => {
    const r = await api<Entry>(hall.url, 'PUT', '/api/translations/ug/kiosk/Services.closedHours', hall.adminToken, {
      text: 'ھازىر نومۇر بېرىلمەيدۇ (ئىش ۋاقتى {{from}}–{{to}})',
    });
    assert.equal(r.status, 200);
    assert.equal(r.body.text, 'ھازىر نومۇر بېرىلمەيدۇ (ئىش ۋاقتى \u2068{{from}}–{{to}}\u2069)');
    // That is exactly the shipped text: the edit counts as "reviewed, unchanged".
    assert.equal(r.body.overridden, false);
    assert.equal(r.body.reviewedBy, 'admin');
  });

  it('applies an override to the server\'s own error messages and ticket labels', async () => {
    const text = 'འབྲེལ་ཡོད་ནང་དོན་རྙེད་མ་བྱུང་། (ཞུས་དག)';
    assert.equal((await api(hall.url, 'PUT', '/api/translations/bo/errors/NOT_FOUND', hall.adminToken, { text })).status, 200);
    const r = await api<{ error: { message: string } }>(hall.url, 'GET', '/api/no-such-thing', null, undefined, { 'Accept-Language': 'bo' });
    assert.equal(r.status, 404);
    assert.equal(r.body.error.message, text);
    const keep = '请妥善保管此票，留意叫号';
    assert.equal((await api(hall.url, 'PUT', '/api/translations/zh/ticket/Ticket.keep', hall.adminToken, { text: keep })).status, 200);
    assert.equal(label('zh', 'keep'), keep);
  });

  it('marks a shipped text reviewed when it is approved unchanged, and reverts an override', async () => {
    const list = (await api<Entry[]>(hall.url, 'GET', '/api/translations', hall.adminToken)).body;
    const e = list.find((x) => x.lang === 'ug' && x.ns === 'display' && x.key === 'Board.recall')!;
    const r = await api<Entry>(hall.url, 'PUT', '/api/translations/ug/display/Board.recall', hall.adminToken, { text: e.shipped });
    assert.equal(r.status, 200);
    assert.deepEqual([r.body.overridden, r.body.reviewedBy], [false, 'admin']);
    const del = await api(hall.url, 'DELETE', TOUCH, hall.adminToken);
    assert.equal(del.status, 204);
    const after = (await api<Entry[]>(hall.url, 'GET', '/api/translations', hall.adminToken)).body.find(
      (x) => x.lang === 'bo' && x.ns === 'kiosk' && x.key === 'Attract.touchToStart',
    )!;
    assert.equal(after.overridden, false);
    assert.equal(after.text, after.shipped);
    assert.equal((await api(hall.url, 'DELETE', TOUCH, hall.adminToken)).status, 404);
  });

  it('exports the overrides and imports them into another hall, reporting what it could not apply', async () => {
    const text = 'ཨང་ཤོག་ལེན་པར་འདིར་རེག་རོགས།';
    assert.equal((await api(hall.url, 'PUT', TOUCH, hall.adminToken, { text })).status, 200);
    const exported = await api<{ format: string; overrides: { lang: string; ns: string; key: string; text: string }[] }>(
      hall.url,
      'GET',
      '/api/translations/overrides.json',
      hall.adminToken,
    );
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get('content-disposition') ?? '', /attachment/);
    assert.ok(exported.body.overrides.some((o) => o.key === 'Attract.touchToStart' && o.text === text));
    const other = await startTestHall();
    try {
      const body = {
        ...exported.body,
        overrides: [
          ...exported.body.overrides,
          { lang: 'bo', ns: 'kiosk', key: 'Gone.key', text: 'ཀ' },
          { lang: 'ug', ns: 'kiosk', key: 'Services.waiting', text: 'ساقلاۋاتقانلار بار' },
        ],
      };
      const r = await api<{ applied: number; skipped: { key: string; reason: string }[] }>(other.url, 'POST', '/api/translations/overrides.json', other.adminToken, body);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.applied, exported.body.overrides.length);
      assert.deepEqual(
        r.body.skipped.map((s) => [s.key, s.reason]),
        [
          ['Gone.key', 'TRANSLATION_UNKNOWN_KEY'],
          ['Services.waiting', 'TRANSLATION_PLACEHOLDERS'],
        ],
      );
      const served = await api<Record<string, Record<string, string>>>(other.url, 'GET', '/locales/bo/kiosk.json');
      assert.equal(served.body.Attract!.touchToStart, text);
    } finally {
      await other.stop();
    }
  });

  it('serves 404 for a locale file that does not exist', async () => {
    assert.equal((await api(hall.url, 'GET', '/locales/bo/nope.json')).status, 404);
    assert.equal((await api(hall.url, 'GET', '/locales/fr/kiosk.json')).status, 404);
    assert.equal((await api(hall.url, 'GET', '/locales/bo/kiosk.txt')).status, 404);
  });
});

describe('translation overrides across an upgrade', () => {
  it('keeps an override whose key the new version no longer ships and reports it as orphaned', async () => {
    const tmp = tempDir();
    try {
      let hall = await startTestHall({ dataDir: tmp.dir });
      // An override written by an older version for a key this version does not ship.
      await hall.server.context.db.write((c) =>
        c.run("INSERT INTO translation_overrides (lang, ns, key, text, reviewed_by, reviewed_at, updated_at) VALUES ('ug', 'kiosk', 'Old.removed', 'كونا', 'ali', 1, 1)"),
      );
      await hall.stop();
      hall = await startTestHall({ dataDir: tmp.dir });
      try {
        const list = (await api<Entry[]>(hall.url, 'GET', '/api/translations', hall.adminToken)).body;
        const orphan = list.find((e) => e.key === 'Old.removed');
        assert.ok(orphan, 'the orphan is listed');
        assert.deepEqual([orphan.orphaned, orphan.text, orphan.source, orphan.reviewedBy], [true, 'كونا', null, 'ali']);
        const exported = await api<{ overrides: { key: string }[] }>(hall.url, 'GET', '/api/translations/overrides.json', hall.adminToken);
        assert.ok(exported.body.overrides.some((o) => o.key === 'Old.removed'));
        const served = await api<Record<string, unknown>>(hall.url, 'GET', '/locales/ug/kiosk.json');
        assert.equal(served.body.Old, undefined);
        assert.equal((await api(hall.url, 'DELETE', '/api/translations/ug/kiosk/Old.removed', hall.adminToken)).status, 204);
      } finally {
        await hall.stop();
      }
    } finally {
      tmp.remove();
    }
  });
});
