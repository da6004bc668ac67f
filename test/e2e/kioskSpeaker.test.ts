// The kiosk's speaker button in Chromium: on each screen, in each language, it plays that
// screen's clip from the voice packs (checked through the page's <audio> element), the
// language and attract screens speak each pack's part in its own language, the ticket screen
// reads the code, and the button is disabled where a clip is missing (here: every Uyghur
// clip, and the Tibetan priority clip, which nobody recorded).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { wavTone } from '../support/browser.js';
import { startTestHall, type TestHall } from '../support/hall.js';
import { assertBuilt, launchChromium } from './counter-harness.js';
import { tap as tapPaged } from './kioskFitCheck.js';

let hall: TestHall;
let browser: Browser;
const tappable = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"][data-settled]:not([disabled])`);

async function record(lang: string, clip: string): Promise<void> {
  const res = await fetch(`${hall.url}/api/voice/${lang}/${clip}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${hall.adminToken}`, 'Content-Type': 'audio/wav' },
    body: new Uint8Array(wavTone(60)),
  });
  assert.equal(res.status, 200, `${lang}/${clip}`);
}

before(async () => {
  assertBuilt();
  hall = await startTestHall();
  // Tibetan: attract, language, services and the ticket sentence recorded; priority is not.
  for (const clip of ['guide-attract', 'guide-language', 'guide-services', 'guide-your-number', 'guide-ticket', 'letter-E', 'digit-0', 'digit-1', 'digit-2', 'digit-3']) {
    await record('bo', clip);
  }
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await hall?.stop();
});

const path = (u: string) => u.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');

/**
 * Taps the speaker; the audio element's src must be the first clip of the sequence it plays.
 * Returns the whole sequence; with wholeSequence, also waits until the element has moved
 * through every clip (each ends, or fails to decode, and the next one starts).
 */
async function speak(page: Page, screen: string, wholeSequence = false): Promise<string[]> {
  await page.locator(`[data-screen="${screen}"] [data-testid="speaker"][data-ready]`).waitFor({ timeout: 5000 });
  await tappable(page, 'speaker-button').tap();
  const audio = page.locator(`[data-screen="${screen}"] [data-testid="guidance-audio"]`);
  await page.waitForFunction((el) => Boolean(el?.getAttribute('src')), await audio.elementHandle(), { timeout: 3000 });
  const sequence = ((await audio.getAttribute('data-sequence')) ?? '').split(' ').filter(Boolean);
  const src = (await audio.getAttribute('src')) ?? '';
  if (!wholeSequence) assert.equal(path(src), path(sequence[0] ?? ''), 'the audio element plays the first clip');
  else {
    const last = sequence.at(-1) ?? '';
    await page.waitForFunction(([el, want]) => (el as HTMLAudioElement).getAttribute('src') === want, [await audio.elementHandle(), last] as const, { timeout: 10_000 });
    assert.equal((await audio.getAttribute('data-played')) ?? '', sequence.join(' '));
  }
  return sequence.map(path);
}

async function disabledOn(page: Page, screen: string): Promise<boolean> {
  const button = page.locator(`[data-screen="${screen}"] [data-testid="speaker-button"]`);
  await button.waitFor({ timeout: 5000 });
  // Give the manifests time to load; a missing clip must leave the button disabled.
  await page.waitForTimeout(500);
  return button.isDisabled();
}

describe('kiosk speaker button', () => {
  for (const lang of ['zh', 'bo', 'ug'] as const) {
    it(`plays each screen's clip in ${lang}, or is disabled where a clip is missing`, async () => {
      const context = await browser.newContext({ hasTouch: true, viewport: { width: 1080, height: 1920 } });
      const page = await context.newPage();
      try {
        await page.goto(`${hall.url}/kiosk#token=${hall.kioskToken}`);
        await tappable(page, 'attract-start').waitFor();
        // Before a language is chosen, each pack says its own part (ug has none recorded).
        assert.deepEqual(await speak(page, 'attract', lang === 'zh'), ['/voice/zh/guide-attract', '/voice/bo/guide-attract']);
        await tappable(page, 'attract-start').tap();
        assert.deepEqual(await speak(page, 'language'), ['/voice/zh/guide-language', '/voice/bo/guide-language']);
        await tappable(page, `language-${lang}`).tap();

        await page.locator('[data-screen="services"]').waitFor();
        if (lang === 'ug') assert.ok(await disabledOn(page, 'services'), 'no Uyghur clip: disabled');
        else assert.deepEqual(await speak(page, 'services'), [`/voice/${lang}/guide-services`]);
        await tapPaged(page, 'service-enquiries');

        await page.locator('[data-screen="priority"]').waitFor();
        if (lang === 'zh') assert.deepEqual(await speak(page, 'priority'), ['/voice/zh/guide-priority']);
        else assert.ok(await disabledOn(page, 'priority'), `no ${lang} priority clip: disabled`);
        await tappable(page, 'priority-no').tap();

        const ticket = page.getByTestId('ticket');
        await ticket.waitFor({ timeout: 10_000 });
        const code = await page.getByTestId('ticket-code').innerText();
        if (lang === 'ug') assert.ok(await disabledOn(page, 'ticket'));
        else {
          const chars = [...code].map((c) => (/[0-9]/.test(c) ? `digit-${c}` : `letter-${c}`));
          // zh has the service's name (synthesised); bo has not recorded it, so it is left out.
          const service = lang === 'zh' ? ['/voice/zh/service-enquiries'] : [];
          assert.deepEqual(await speak(page, 'ticket'), [`/voice/${lang}/guide-your-number`, ...chars.map((c) => `/voice/${lang}/${c}`), ...service, `/voice/${lang}/guide-ticket`]);
        }
      } finally {
        await context.close();
      }
    });
  }

  for (const lang of ['zh', 'bo'] as const) {
    it(`speaks the form screen's instruction in ${lang}, or is disabled (bo: not recorded)`, async () => {
      const context = await browser.newContext({ hasTouch: true, viewport: { width: 1080, height: 1920 } });
      const page = await context.newPage();
      try {
        await page.goto(`${hall.url}/kiosk#token=${hall.kioskToken}`);
        await tappable(page, 'attract-start').tap();
        await tappable(page, `language-${lang}`).tap();
        // The demo hall's household service asks for a form first.
        await tapPaged(page, 'service-household');
        await tappable(page, 'priority-no').tap();
        await page.locator('[data-screen="form"] h1').waitFor({ timeout: 10_000 });
        if (lang === 'zh') assert.deepEqual(await speak(page, 'form'), ['/voice/zh/guide-form']);
        else assert.ok(await disabledOn(page, 'form'));
      } finally {
        await context.close();
      }
    });
  }

  it('serves the guidance clips the buttons point at', async () => {
    for (const [lang, clip] of [['zh', 'guide-priority'], ['bo', 'guide-services']] as const) {
      const res = await fetch(`${hall.url}/voice/${lang}/${clip}`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^audio\//);
    }
    const manifest = (await (await fetch(`${hall.url}/voice/ug/manifest.json`)).json()) as { guidance: Record<string, string[]>; clips: { id: string; status: string }[] };
    assert.deepEqual(manifest.guidance.ticket, ['guide-your-number', '{code}', '{service}', 'guide-ticket']);
    assert.equal(manifest.clips.find((c) => c.id === 'guide-services')?.status, 'missing');
  });
});
