// Entry of the resident's phone page /t/<ref>: one ticket's live status in the ticket's
// language, "please go to counter N" with a beep and a vibration when called (again on a
// recall), then the 好差评 rating once done. Plain DOM, no framework: a cheap phone on the
// hall Wi-Fi loads a few kilobytes. Live over /api/t/<ref>/events, polling every 3 s while
// the stream is down.
import type { PhoneStatus } from '../../electron/core/rating/phoneStatus.js';
import '../shared/fonts.css';
import './phone.css';
import { callAlert, soundUnlocked, unlockSound } from './alert.js';
import { h, replace } from './dom.js';
import { ratingForm } from './faces.js';
import { isLang, LANGS, loadPhoneTexts, phoneText, setPageLanguage } from './text.js';

/** The JSON of GET /api/t/<ref> and of its status events (a pure core type, erased at build). */
type Status = PhoneStatus;

const POLL_MS = 3000;
const root = document.getElementById('root')!;
const ref = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const enc = encodeURIComponent(ref);

let status: Status | null = null;
let gone = false;
let live = false;
let alertedFor: string | null = null;
let justRated = false;
let alerts = 0;
/** Built once: a re-render (a status push, the sound unlock) must not wipe a half-chosen rating. */
let ratingEl: HTMLElement | null = null;

function render(): void {
  if (gone || !status) {
    if (gone) {
      // The reference is unknown or over: one polite notice, in all three languages.
      replace(root, h('main', { class: 'notice', 'data-testid': 'not-found' }, ...LANGS.map((l) => h('p', { lang: l, dir: l === 'ug' ? 'rtl' : 'ltr' }, phoneText(l, 'notFound')))));
    }
    return;
  }
  const s = status;
  const lang = s.language;
  setPageLanguage(lang);
  document.title = `${s.code} · ${phoneText(lang, 'title')}`;
  const called = s.state === 'called' && s.counter !== null;
  const stateText = phoneText(lang, `state.${s.state}`, { n: s.counter ?? '' });
  const waiting = s.state === 'issued' || s.state === 'transferred';
  replace(
    root,
    h(
      'main',
      { class: called ? 'called' : '' },
      h('p', { class: 'label' }, phoneText(lang, 'code')),
      // The ticket code is the page's heading: what a resident looks for first.
      h('h1', { class: 'code', 'data-testid': 'code' }, s.code),
      h('p', { class: 'service' }, s.service),
      called
        ? h('p', { class: 'go', role: 'alert', 'data-testid': 'go-to-counter' }, s.callCount > 1 ? phoneText(lang, 'callAgain', { n: s.counter! }) : stateText)
        : h('p', { class: 'state', 'data-testid': 'state' }, stateText),
      waiting && h('p', { class: 'ahead', 'data-testid': 'ahead' }, phoneText(lang, 'ahead', { n: s.ahead })),
      waiting && h('p', { class: 'wait' }, phoneText(lang, 'wait', { n: s.estimatedWaitMinutes })),
      !live && h('p', { class: 'offline' }, phoneText(lang, 'offline')),
      s.state === 'done' && !s.rated && (ratingEl ??= ratingForm(lang, (score, reasons) => void rate(score, reasons))),
      s.state === 'done' && (s.rated || justRated) && h('p', { class: 'thanks', 'data-testid': 'thanks' }, phoneText(lang, 'thanks')),
      !soundUnlocked() &&
        s.state !== 'done' &&
        h('button', { type: 'button', class: 'sound', onclick: () => (unlockSound(), render()) }, phoneText(lang, 'enableSound')),
    ),
  );
}

function apply(next: Status): void {
  status = next;
  // Each call (and each recall) has its own time: alert once per call.
  if (next.state === 'called' && next.calledAt && next.calledAt !== alertedFor) {
    alertedFor = next.calledAt;
    alerts++;
    document.body.dataset.alerts = String(alerts);
    callAlert();
  }
  render();
}

async function poll(): Promise<void> {
  try {
    const res = await fetch(`/api/t/${enc}`, { cache: 'no-store' });
    if (res.status === 404) {
      gone = true;
      render();
      return;
    }
    if (res.ok) apply((await res.json()) as Status);
  } catch {
    // offline: the next poll or the stream brings it back
  }
}

async function rate(score: number, reasons: string[]): Promise<void> {
  const res = await fetch(`/api/t/${enc}/rating`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ score, reasons }),
  }).catch(() => null);
  if (res && (res.status === 201 || res.status === 409) && status) {
    justRated = true;
    status = { ...status, rated: true };
    render();
  }
}

function connect(): void {
  if (gone) return;
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/t/${enc}/events`);
  ws.onopen = () => {
    live = true;
    render();
  };
  ws.onmessage = (e) => {
    const msg = JSON.parse(String(e.data)) as { type: string; status?: Status };
    if (msg.type === 'status' && msg.status) apply(msg.status);
  };
  ws.onclose = (e) => {
    live = false;
    if (e.code === 4404) {
      gone = true;
      render();
      return;
    }
    render();
    setTimeout(connect, 3000);
  };
}

// Browsers allow sound and vibration only after a tap: any first tap on the page unlocks them.
document.addEventListener(
  'pointerdown',
  () => {
    unlockSound();
    setTimeout(render, 100);
  },
  { once: true },
);
if (!isLang(document.documentElement.lang)) setPageLanguage('zh');
await loadPhoneTexts();
await poll();
connect();
// Polling backs the stream up (a phone that lost it still updates within 3 s).
setInterval(() => {
  if (!live && !gone) void poll();
}, POLL_MS);
