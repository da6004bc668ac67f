// A kiosk token cannot use up the day: per-kiosk rate and daily share per service, with
// localized errors; idempotent replays stay free.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kioskDailyCap } from '../../electron/core/kioskLimits.js';
import { api, startTestHall, type TestHall } from '../support/hall.js';

type Err = { error: { code: string; message: string } };

const issue = (hall: TestHall, token: string, serviceId: string, key?: string, lang = 'zh') =>
  api<{ code: string } & Err>(hall.url, 'POST', '/api/tickets', token, { serviceId, language: 'zh' }, { ...(key ? { 'Idempotency-Key': key } : {}), 'Accept-Language': lang });

describe('kiosk ticket limits', () => {
  it('the daily share leaves room: half of a 999-number range', () => {
    assert.equal(kioskDailyCap({ numberFrom: 1, numberTo: 999 }, { perMinute: 30, dailyShare: 0.5 }), 499);
    assert.equal(kioskDailyCap({ numberFrom: 1, numberTo: 1 }, { perMinute: 30, dailyShare: 0.5 }), 1);
  });

  describe('rate per kiosk', () => {
    let hall: TestHall;
    before(async () => (hall = await startTestHall({ kioskLimits: { perMinute: 30 } })));
    after(() => hall.stop());

    it('30 a minute; the 31st is refused in Tibetan with Retry-After, replays stay free, other kiosks unaffected', async () => {
      const keys: string[] = [];
      for (let i = 0; i < 30; i++) {
        keys.push(`rate-key-${i}-abcdef`);
        assert.equal((await issue(hall, hall.kioskToken, 'enquiries', keys[i])).status, 201, `ticket ${i}`);
      }
      const refused = await issue(hall, hall.kioskToken, 'enquiries', 'rate-key-over-abcdef', 'bo');
      assert.equal(refused.status, 429);
      assert.equal(refused.body.error.code, 'KIOSK_RATE_LIMITED');
      assert.match(refused.body.error.message, /[\u0F00-\u0FFF]/, 'message in Tibetan');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      // A network retry of an issued ticket still gets its ticket back.
      const replay = await issue(hall, hall.kioskToken, 'enquiries', keys[3]);
      assert.equal(replay.status, 200);
      const second = await api<{ token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'kiosk', name: 'Second kiosk' });
      assert.equal((await issue(hall, second.body.token, 'enquiries')).status, 201);
    });
  });

  describe('daily share per service', () => {
    let hall: TestHall;
    // 0.005 of 999 numbers = 4 tickets per service per kiosk per day.
    before(async () => (hall = await startTestHall({ kioskLimits: { perMinute: 1000, dailyShare: 0.005 } })));
    after(() => hall.stop());

    it('stops one kiosk at its share of a service, even when asked concurrently; other services and kiosks go on', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => issue(hall, hall.kioskToken, 'household', `cap-key-${i}-abcdef`, 'ug')));
      assert.equal(answers.filter((a) => a.status === 201).length, 4);
      const capped = answers.filter((a) => a.status === 429);
      assert.equal(capped.length, 4);
      assert.equal(capped[0]!.body.error.code, 'KIOSK_DAILY_CAP');
      assert.match(capped[0]!.body.error.message, /[\u0600-\u06FF]/, 'message in Uyghur');
      assert.equal((await issue(hall, hall.kioskToken, 'elderly')).status, 201, 'another service');
      const second = await api<{ token: string }>(hall.url, 'POST', '/api/devices', hall.adminToken, { role: 'kiosk', name: 'Second kiosk' });
      assert.equal((await issue(hall, second.body.token, 'household')).status, 201, 'another kiosk');
      // Replays of the four issued tickets are still answered.
      const issuedAt = answers.findIndex((a) => a.status === 201);
      assert.equal((await issue(hall, hall.kioskToken, 'household', `cap-key-${issuedAt}-abcdef`)).status, 200);
    });
  });
});
