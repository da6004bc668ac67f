// Shared by the counter and display browser tests and the display bench: a real hall server
// on 127.0.0.1, Debian's Chromium through playwright-core, and small helpers to drive the
// console and read the board. Everything started here is stopped by the caller's after hook.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.js';
import { api, staffToken, type TestHall } from '../support/hall.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

export function assertBuilt(): void {
  for (const page of ['counter', 'display']) {
    if (!existsSync(join(ROOT, 'dist', 'renderer', `${page}.js`))) throw new Error(`dist/renderer/${page}.js is missing: run node scripts/build.mjs first`);
  }
}

export function launchChromium(): Promise<Browser> {
  // A hall TV plays sound without anyone touching it (Electron sets the same policy).
  return launchBrowser(['--autoplay-policy=no-user-gesture-required']);
}

export async function screenshot(page: Page, area: 'counter' | 'display', name: string): Promise<void> {
  const dir = join(ROOT, 'test-results', area);
  mkdirSync(dir, { recursive: true });
  // Fonts load with font-display: block; wait so the picture shows real glyphs.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** Creates a staff account (password "staff-password") and returns its username. */
export async function createStaff(hall: TestHall, username: string): Promise<string> {
  await staffToken(hall, username);
  return username;
}

export interface IssuedTicket {
  id: string;
  code: string;
}

export async function issueTicket(hall: TestHall, serviceId: string, language: 'zh' | 'bo' | 'ug' = 'zh', priority = false): Promise<IssuedTicket> {
  const r = await api<IssuedTicket>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId, language, priority });
  if (r.status !== 201) throw new Error(`issue failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Logs in on /counter and opens the counter with the given spoken languages. */
export async function openConsole(page: Page, base: string, username: string, counterNumber: number, spoken: ('zh' | 'bo' | 'ug')[] = ['zh']): Promise<void> {
  await page.goto(`${base}/counter`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', 'staff-password');
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=open-counter-1]');
  for (const l of ['zh', 'bo', 'ug'] as const) {
    const box = page.locator(`[data-testid=spoken-${l}]`);
    if ((await box.isChecked()) !== spoken.includes(l)) await box.click();
  }
  await page.click(`[data-testid=open-counter-${counterNumber}]`);
  await page.waitForSelector('[data-testid=console][data-status=online]');
}

export async function currentCode(page: Page): Promise<string> {
  return (await page.getAttribute('[data-testid=current-ticket]', 'data-code')) ?? '';
}

/** Opens the paired display and waits until its board is live. */
export async function openDisplay(page: Page, base: string, token: string): Promise<void> {
  await page.goto(`${base}/display#token=${token}`);
  await page.waitForSelector('[data-testid=display][data-status=online][data-voice=ready] .board');
}

export async function latestOnBoard(page: Page): Promise<string> {
  return (await page.getAttribute('[data-testid=latest-call]', 'data-code').catch(() => null)) ?? '';
}
