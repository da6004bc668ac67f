// Pure parts of the resident's side: who may rate what and when, what a phone sees, the
// per-address limiter, the public address check, and which clips a kiosk screen plays.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Ticket } from '../../electron/core/model.js';
import { phoneStatus, refIsLive } from '../../electron/core/rating/phoneStatus.js';
import { keptReasons, PAD_RATING_WINDOW_MS, ratingRefusal } from '../../electron/core/rating/ratingRules.js';
import { AddressLimiter } from '../../electron/server/phone/addressLimiter.js';
import { normalizeAddress } from '../../electron/server/phone/publicAddress.js';
import { isTicketRefShape, newTicketRef } from '../../electron/store/ticketRef.js';
import { guidanceUrls, multiGuidanceUrls } from '../../renderer/kiosk/guidance.js';
import type { VoiceManifest } from '../../renderer/shared/voicePack.js';

const ticket = (over: Partial<Ticket> = {}): Ticket => ({
  id: 't1', day: '2026-11-24', serviceId: 's', issuedServiceId: 's', number: 7, code: 'A007', language: 'ug', priority: false,
  kioskId: null, state: 'done', issuedAt: 0, queuedAt: 0, targetCounterId: null, counterId: 'c1', callCount: 1,
  queueCallCount: 1, requeuedAt: null, waitMs: 10, clockSteps: 0, firstCalledAt: 10, lastCalledAt: 10, startedAt: 20, finishedAt: 1000, ...over,
});

describe('rating rules', () => {
  it('lets a phone rate its own done ticket once', () => {
    assert.equal(ratingRefusal(ticket({ state: 'called' }), false, 2000, { kind: 'phone' }), 'NOT_DONE');
    assert.equal(ratingRefusal(ticket(), true, 2000, { kind: 'phone' }), 'ALREADY_RATED');
    assert.equal(ratingRefusal(ticket(), false, 10 * 3600_000, { kind: 'phone' }), null);
  });
  it('lets a pad rate only its own counter, within two minutes of the finish', () => {
    assert.equal(ratingRefusal(ticket(), false, 1000, { kind: 'pad', counterId: 'c2' }), 'NOT_THIS_COUNTER');
    assert.equal(ratingRefusal(ticket(), false, 1000 + PAD_RATING_WINDOW_MS, { kind: 'pad', counterId: 'c1' }), null);
    assert.equal(ratingRefusal(ticket(), false, 1001 + PAD_RATING_WINDOW_MS, { kind: 'pad', counterId: 'c1' }), 'RATING_WINDOW_CLOSED');
  });
  it('keeps reasons only for the two lowest levels, once each', () => {
    assert.deepEqual(keptReasons(2, ['attitude', 'attitude', 'other']), ['attitude', 'other']);
    assert.deepEqual(keptReasons(3, ['attitude']), []);
  });
});

describe('phone status', () => {
  it('follows only today\'s tickets that are not expired', () => {
    assert.ok(refIsLive(ticket(), '2026-11-24'));
    assert.ok(!refIsLive(ticket(), '2026-11-25'));
    assert.ok(!refIsLive(ticket({ state: 'expired' as Ticket['state'] }), '2026-11-24'));
  });
  it('names the counter only once called, and nothing but the ticket itself', () => {
    const waiting = phoneStatus(ticket({ state: 'issued', counterId: null, firstCalledAt: null, lastCalledAt: null, callCount: 0 }), { ahead: 3, estimatedWaitMinutes: 12 }, null, 'x', false);
    assert.equal(waiting.counter, null);
    const called = phoneStatus(ticket({ state: 'called' }), { ahead: 0, estimatedWaitMinutes: 0 }, 4, 'x', false);
    assert.equal(called.counter, 4);
    assert.deepEqual(Object.keys(called).sort(), ['ahead', 'callCount', 'calledAt', 'code', 'counter', 'estimatedWaitMinutes', 'language', 'rated', 'service', 'state']);
  });
  it('makes 128-bit base64url references', () => {
    const r = newTicketRef();
    assert.ok(isTicketRefShape(r));
    assert.equal(Buffer.from(r, 'base64url').length, 16);
    for (const bad of ['', '../../etc/passwd', 'A'.repeat(23), 'A'.repeat(21) + '/', 'ཀ'.repeat(22)]) assert.ok(!isTicketRefShape(bad), bad);
  });
});

describe('address limiter', () => {
  it('lets a burst through, refuses the next, and refills with time', () => {
    let now = 0;
    const l = new AddressLimiter({ burst: 3, perSecond: 1, streamsPerAddress: 2, streamsTotal: 3 }, () => now);
    assert.deepEqual([l.take('a'), l.take('a'), l.take('a'), l.take('a'), l.take('b')], [true, true, true, false, true]);
    now += 1000;
    assert.equal(l.take('a'), true);
    assert.equal(l.take('a'), false);
  });
  it('bounds open streams per address and in all', () => {
    const l = new AddressLimiter({ burst: 3, perSecond: 1, streamsPerAddress: 2, streamsTotal: 3 });
    assert.deepEqual([l.openStream('a'), l.openStream('a'), l.openStream('a'), l.openStream('b'), l.openStream('c')], [true, true, false, true, false]);
    l.release('a');
    assert.equal(l.openStream('c'), true);
  });
});

describe('public address', () => {
  it('keeps scheme, host and port, and refuses anything else', () => {
    assert.equal(normalizeAddress(' http://192.168.1.10:8080/ '), 'http://192.168.1.10:8080');
    assert.equal(normalizeAddress('https://hall.local'), 'https://hall.local');
    for (const bad of ['ftp://x', 'http://x/path', 'http://u:p@x', 'http://x/?a=1', 'javascript:alert(1)', 'hall.local']) assert.equal(normalizeAddress(bad), null, bad);
  });
});

describe('kiosk guidance clips', () => {
  const pack = (language: 'zh' | 'bo', missing: string[] = []): VoiceManifest => ({
    language,
    source: '',
    pattern: [],
    guidance: { services: ['guide-services'], ticket: ['guide-your-number', '{code}', '{service}', 'guide-ticket'] },
    clips: ['guide-services', 'guide-your-number', 'guide-ticket', 'letter-A', 'digit-0', 'digit-7', 'service-household'].map((id) => ({ id, text: id, status: missing.includes(id) ? 'missing' : 'present', rev: 'r1' })),
  });
  it('reads the code character by character between the ticket sentences', () => {
    assert.deepEqual(guidanceUrls(pack('zh'), 'ticket', { code: 'A007' })?.map((u) => u.replace(/\?.*/, '')), [
      '/voice/zh/guide-your-number', '/voice/zh/letter-A', '/voice/zh/digit-0', '/voice/zh/digit-0', '/voice/zh/digit-7', '/voice/zh/guide-ticket',
    ]);
  });
  it('says the service when its name clip is recorded, and leaves it out otherwise', () => {
    const withService = guidanceUrls(pack('zh'), 'ticket', { code: 'A7', serviceId: 'household' })?.map((u) => u.replace(/\?.*/, ''));
    assert.deepEqual(withService, ['/voice/zh/guide-your-number', '/voice/zh/letter-A', '/voice/zh/digit-7', '/voice/zh/service-household', '/voice/zh/guide-ticket']);
    assert.equal(guidanceUrls(pack('zh'), 'ticket', { code: 'A7', serviceId: 'ghost' })?.length, 4);
    assert.equal(guidanceUrls(pack('bo', ['service-household']), 'ticket', { code: 'A7', serviceId: 'household' })?.length, 4);
  });
  it('plays nothing rather than something wrong when a clip is missing', () => {
    assert.equal(guidanceUrls(pack('bo', ['digit-7']), 'ticket', { code: 'A007' }), null);
    assert.equal(guidanceUrls(pack('zh'), 'ticket', { code: 'A008' }), null);
    assert.equal(guidanceUrls(pack('zh'), 'no-such-screen'), null);
    assert.equal(guidanceUrls(null, 'services'), null);
  });
  it('lets each pack say its own part before a language is chosen', () => {
    assert.deepEqual(multiGuidanceUrls({ zh: pack('zh'), bo: pack('bo', ['guide-services']) }, ['zh', 'bo', 'ug'], 'services')?.length, 1);
    assert.equal(multiGuidanceUrls({ bo: pack('bo', ['guide-services']) }, ['bo', 'ug'], 'services'), null);
  });
});
