// The announcement composer and queue: what the hall hears for a call, in which order.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { chineseCallText, chineseNumber, composeAnnouncement, numberClipIds, type Announcement, type AnnouncementStep } from '../../renderer/display/announce.js';
import { AnnouncementQueue, type StepPlayer } from '../../renderer/display/announceQueue.js';
import { requiredClipIds, type VoiceManifest } from '../../renderer/shared/voicePack.js';

const shipped = (lang: string): VoiceManifest =>
  JSON.parse(readFileSync(new URL(`../../resources/voice/${lang}/manifest.json`, import.meta.url), 'utf8')) as VoiceManifest;

/** The shipped pack as it is after hall staff recorded every clip. */
const recorded = (lang: string): VoiceManifest => {
  const m = shipped(lang);
  return { ...m, clips: m.clips.map((c) => ({ ...c, status: 'present', origin: 'recorded' })) };
};

test('every shipped manifest lists every clip its pattern can need', () => {
  for (const lang of ['zh', 'bo', 'ug']) {
    const m = shipped(lang);
    assert.equal(m.language, lang);
    const ids = new Set(m.clips.map((c) => c.id));
    for (const id of requiredClipIds(m.pattern, m.numbers)) assert.ok(ids.has(id), `${lang} lacks ${id}`);
    for (const c of m.clips) assert.ok(c.text.trim().length > 0, `${lang}/${c.id} has no text`);
  }
  // Honest status: zh ships synthetic speech, bo and ug ship nothing yet.
  assert.ok(shipped('zh').clips.every((c) => c.status === 'present' || c.status === 'tone'));
  assert.ok(shipped('bo').clips.every((c) => c.status === 'missing'));
  assert.ok(shipped('ug').clips.every((c) => c.status === 'missing'));
});

test('a Tibetan-language ticket: chime, then the zh clips, then the bo clips, each in its word order', () => {
  const a = composeAnnouncement(
    { key: 't1@1', code: 'B012', counterNumber: 3, language: 'bo' },
    { zhSpeech: false, packs: { zh: shipped('zh'), bo: recorded('bo'), ug: recorded('ug') } },
  );
  assert.deepEqual(a.steps, [
    { kind: 'chime' },
    { kind: 'clips', lang: 'zh', clipIds: ['please', 'letter-B', 'digit-0', 'digit-1', 'digit-2', 'number', 'to', 'digit-3', 'counter'] },
    { kind: 'clips', lang: 'bo', clipIds: ['number', 'letter-B', 'digit-0', 'digit-1', 'digit-2', 'to-counter', 'digit-3', 'please-come'] },
  ]);
});

test('Chinese uses speech synthesis when a Chinese voice exists, and still adds the Uyghur clips', () => {
  const a = composeAnnouncement(
    { key: 't2@1', code: 'A007', counterNumber: 12, language: 'ug' },
    { zhSpeech: true, packs: { zh: shipped('zh'), ug: recorded('ug') } },
  );
  assert.deepEqual(a.steps, [
    { kind: 'chime' },
    { kind: 'speech', lang: 'zh', text: '请 A 零 零 七 号，到 十二 号窗口' },
    // Counter 12 said as a number, ئون ئىككى, not one-two.
    { kind: 'clips', lang: 'ug', clipIds: ['letter-A', 'digit-0', 'digit-0', 'digit-7', 'number', 'number-10', 'digit-2', 'to-counter'] },
  ]);
});

test('counter numbers are said as numbers in bo and ug, composed from tens, joiner and units', () => {
  const ug = shipped('ug').numbers;
  const bo = shipped('bo').numbers;
  assert.ok(ug && bo);
  assert.deepEqual(numberClipIds(7, ug), ['digit-7']);
  assert.deepEqual(numberClipIds(10, ug), ['number-10']);
  assert.deepEqual(numberClipIds(12, ug), ['number-10', 'digit-2']); // ئون ئىككى
  assert.deepEqual(numberClipIds(40, ug), ['number-40']); // قىرىق
  assert.deepEqual(numberClipIds(99, ug), ['number-90', 'digit-9']);
  assert.deepEqual(numberClipIds(15, bo), ['number-15']); // བཅོ་ལྔ, its own form
  assert.deepEqual(numberClipIds(37, bo), ['number-30', 'number-and', 'digit-7']); // སུམ་ཅུ་རྩ་བདུན
  assert.deepEqual(numberClipIds(20, bo), ['number-20']);
  // Beyond the pack's words, or without any: null, and the call reads digits as before.
  assert.equal(numberClipIds(120, ug), null);
  assert.equal(numberClipIds(12, undefined), null);
  assert.equal(numberClipIds(-1, ug), null);
  const zh = composeAnnouncement({ key: 'z', code: 'A001', counterNumber: 12, language: 'zh' }, { zhSpeech: false, packs: { zh: shipped('zh') } });
  assert.deepEqual(zh.steps[1], { kind: 'clips', lang: 'zh', clipIds: ['please', 'letter-A', 'digit-0', 'digit-0', 'digit-1', 'number', 'to', 'digit-1', 'digit-2', 'counter'] });
  const bo37 = composeAnnouncement({ key: 'b', code: 'B001', counterNumber: 37, language: 'bo' }, { zhSpeech: true, packs: { bo: recorded('bo') } });
  assert.deepEqual(bo37.steps[2], { kind: 'clips', lang: 'bo', clipIds: ['number', 'letter-B', 'digit-0', 'digit-0', 'digit-1', 'to-counter', 'number-30', 'number-and', 'digit-7', 'please-come'] });
});

test('the Uyghur "number" clip says its noun: نومۇرلۇق never stands alone', () => {
  const clip = shipped('ug').clips.find((c) => c.id === 'number');
  assert.ok(clip && clip.text.trim() !== 'نومۇرلۇق' && clip.text.startsWith('نومۇرلۇق '));
});

test('a Chinese-language ticket is announced in Chinese only', () => {
  const a = composeAnnouncement(
    { key: 'x', code: 'C001', counterNumber: 1, language: 'zh' },
    { zhSpeech: false, packs: { zh: shipped('zh'), bo: recorded('bo'), ug: recorded('ug') } },
  );
  assert.deepEqual(a.steps.map((s) => s.kind + ('lang' in s ? ':' + s.lang : '')), ['chime', 'clips:zh']);
});

test('missing clips: the language is left out whole (zh only + chime), never half a sentence', () => {
  const bo = recorded('bo');
  bo.clips = bo.clips.map((c) => (c.id === 'digit-4' ? { ...c, status: 'missing' } : c));
  const ctx = { zhSpeech: false, packs: { zh: shipped('zh'), bo } };
  const withFour = composeAnnouncement({ key: 'a', code: 'B004', counterNumber: 2, language: 'bo' }, ctx);
  assert.deepEqual(withFour.steps.map((s) => s.kind + ('lang' in s ? ':' + s.lang : '')), ['chime', 'clips:zh']);
  const withoutFour = composeAnnouncement({ key: 'b', code: 'B005', counterNumber: 2, language: 'bo' }, ctx);
  assert.deepEqual(withoutFour.steps.map((s) => s.kind + ('lang' in s ? ':' + s.lang : '')), ['chime', 'clips:zh', 'clips:bo']);
  // The shipped bo pack records nothing yet: chime + Chinese.
  const shippedBo = composeAnnouncement({ key: 'c', code: 'B005', counterNumber: 2, language: 'bo' }, { zhSpeech: false, packs: { zh: shipped('zh'), bo: shipped('bo') } });
  assert.equal(shippedBo.steps.length, 2);
});

test('no Chinese voice and a tone-only zh pack: chime alone; clips the display failed to load count as missing', () => {
  const zhTones = { ...shipped('zh'), clips: shipped('zh').clips.map((c) => ({ ...c, status: 'tone' as const })) };
  const a = composeAnnouncement({ key: 'a', code: 'A001', counterNumber: 1, language: 'zh' }, { zhSpeech: false, packs: { zh: zhTones } });
  assert.deepEqual(a.steps, [{ kind: 'chime' }]);
  const b = composeAnnouncement(
    { key: 'b', code: 'A001', counterNumber: 1, language: 'zh' },
    { zhSpeech: false, packs: { zh: shipped('zh') }, playable: (_l, id) => id !== 'please' },
  );
  assert.deepEqual(b.steps, [{ kind: 'chime' }]);
});

test('codes with characters no clip can say fall back to the chime', () => {
  const a = composeAnnouncement({ key: 'a', code: 'A-01', counterNumber: 1, language: 'zh' }, { zhSpeech: false, packs: { zh: shipped('zh') } });
  assert.deepEqual(a.steps, [{ kind: 'chime' }]);
});

test('Chinese numbers read as people say them', () => {
  assert.deepEqual([0, 7, 10, 12, 20, 35, 105].map(chineseNumber), ['零', '七', '十', '十二', '二十', '三十五', '一零五']);
  assert.equal(chineseCallText('A012', 3), '请 A 零 一 二 号，到 三 号窗口');
});

/** A player whose steps end only when the test says so, recording what it starts. */
function manualPlayer() {
  const started: string[] = [];
  const pending: Array<() => void> = [];
  let stopped = 0;
  const player: StepPlayer = {
    play(step: AnnouncementStep) {
      started.push(step.kind === 'clips' ? `${step.lang}:${step.clipIds.join(',')}` : step.kind === 'speech' ? `speech:${step.text}` : 'chime');
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    stop() {
      stopped++;
    },
  };
  const finishOne = async () => {
    pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { player, started, finishOne, stopped: () => stopped };
}

const ctx = { zhSpeech: false, packs: { zh: shipped('zh'), bo: recorded('bo') } };

test('two calls in quick succession are both announced, in order; the second never cuts the first', async () => {
  const p = manualPlayer();
  const done: string[] = [];
  const q = new AnnouncementQueue(p.player, { onDone: (a) => done.push(a.code) });
  q.enqueue(composeAnnouncement({ key: '1', code: 'B001', counterNumber: 1, language: 'bo' }, ctx));
  q.enqueue(composeAnnouncement({ key: '2', code: 'A002', counterNumber: 2, language: 'zh' }, ctx));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(p.started, ['chime'], 'only the first call starts');
  assert.equal(q.waitingCount, 1);
  await p.finishOne(); // chime of B001
  await p.finishOne(); // zh of B001
  assert.equal(p.started.length, 3);
  assert.match(p.started[2]!, /^bo:number,letter-B/);
  assert.deepEqual(done, []);
  await p.finishOne(); // bo of B001
  assert.deepEqual(done, ['B001']);
  await p.finishOne(); // chime of A002
  await p.finishOne(); // zh of A002
  assert.deepEqual(done, ['B001', 'A002']);
  assert.deepEqual(p.started, [
    'chime',
    'zh:please,letter-B,digit-0,digit-0,digit-1,number,to,digit-1,counter',
    'bo:number,letter-B,digit-0,digit-0,digit-1,to-counter,digit-1,please-come',
    'chime',
    'zh:please,letter-A,digit-0,digit-0,digit-2,number,to,digit-2,counter',
  ]);
  assert.equal(p.stopped(), 0);
});

test('the waiting line is bounded: the oldest waiting call is dropped, the one speaking finishes', async () => {
  const p = manualPlayer();
  const done: string[] = [];
  const q = new AnnouncementQueue(p.player, { maxWaiting: 2, onDone: (a) => done.push(a.code) });
  const one = (code: string): Announcement => ({ key: code, code, steps: [{ kind: 'chime' }] });
  for (const c of ['A001', 'A002', 'A003', 'A004']) q.enqueue(one(c));
  assert.equal(q.waitingCount, 2);
  for (let i = 0; i < 3; i++) await p.finishOne();
  assert.deepEqual(done, ['A001', 'A003', 'A004']);
});

test('a step that never ends is given up after the time-out, and a failing step is skipped', async () => {
  const started: string[] = [];
  const player: StepPlayer = {
    play(step) {
      started.push(step.kind);
      if (step.kind === 'chime') return new Promise<void>(() => undefined); // stuck device
      return Promise.reject(new Error('decode failed'));
    },
    stop() {},
  };
  const done: string[] = [];
  const q = new AnnouncementQueue(player, { stepTimeoutMs: 20, onDone: (a) => done.push(a.code) });
  q.enqueue({ key: 'a', code: 'A001', steps: [{ kind: 'chime' }, { kind: 'speech', lang: 'zh', text: 'x' }] });
  q.enqueue({ key: 'b', code: 'A002', steps: [{ kind: 'speech', lang: 'zh', text: 'y' }] });
  await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(done, ['A001', 'A002']);
  assert.deepEqual(started, ['chime', 'speech', 'speech']);
  q.dispose();
});
