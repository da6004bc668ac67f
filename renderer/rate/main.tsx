// Entry of the counter rating pad /rate#token=… (评价器): a small tablet facing the
// resident. Idle, it shows its counter and who is on duty; when its counter finishes a
// ticket (a `finished` event on its device WebSocket) it asks in that ticket's language
// with five faces; no tap within the timeout (30 s, or ?timeout=<seconds>) → back to idle,
// nothing recorded.
import '../shared/fonts.css';
import '../phone/phone.css';
import './rate.css';
import bo from '../../resources/locales/bo/rate.json' with { type: 'json' };
import ug from '../../resources/locales/ug/rate.json' with { type: 'json' };
import zh from '../../resources/locales/zh/rate.json' with { type: 'json' };
import { h, replace } from '../phone/dom.js';
import { ratingForm } from '../phone/faces.js';
import { isLang, LANGS, loadPhoneTexts, loadServerTexts, lookup, phoneText, setPageLanguage, type Lang } from '../phone/text.js';

const RATE: Record<Lang, Record<string, string>> = { zh, bo, ug };
// The hall's reviewed texts (translation review on the admin page) over the bundled ones.
await Promise.all([loadServerTexts('rate', RATE), loadPhoneTexts()]);
const rt = (lang: Lang, key: string, vars: Record<string, string | number> = {}) => lookup(RATE[lang], key, vars);

const TOKEN_KEY = 'hall.rater.token';
const root = document.getElementById('root')!;
const params = new URLSearchParams(location.search);
const timeoutSeconds = Math.max(1, Math.min(600, Number(params.get('timeout')) || 30));
const THANKS_MS = 3000;

const fromHash = /(?:^#|&)token=([A-Za-z0-9_\-.~+/=]{1,200})/.exec(location.hash)?.[1];
if (fromHash) {
  localStorage.setItem(TOKEN_KEY, fromHash);
  history.replaceState(null, '', location.pathname + location.search);
}
const token = localStorage.getItem(TOKEN_KEY);

interface Duty {
  counter: { number: number; names: Record<Lang, string> };
  staff: { username: string } | null;
}
interface Finished {
  ticketId: string;
  code: string;
  language: string;
}

let duty: Duty | null = null;
let asking: Finished | null = null;
let askTimer: ReturnType<typeof setTimeout> | null = null;
let live = false;

function showPairing(): void {
  setPageLanguage('zh');
  replace(root, h('main', { class: 'notice', 'data-testid': 'pairing' }, ...LANGS.map((l) => h('p', { lang: l, dir: l === 'ug' ? 'rtl' : 'ltr' }, rt(l, 'pair')))));
}

function showIdle(): void {
  setPageLanguage('zh');
  document.body.dataset.mode = 'idle';
  if (!duty) return replace(root, h('main', { class: 'idle', 'data-testid': 'idle' }));
  const d = duty;
  replace(
    root,
    h(
      'main',
      { class: 'idle', 'data-testid': 'idle' },
      h('p', { class: 'counter', 'data-testid': 'idle-counter' }, rt('zh', 'counter', { counter: d.counter.number })),
      ...LANGS.map((l) =>
        h(
          'div',
          { lang: l, dir: l === 'ug' ? 'rtl' : 'ltr', class: 'idle-line' },
          h('p', {}, d.counter.names[l]),
          h('p', { class: 'duty' }, d.staff ? rt(l, 'onDuty', { name: d.staff.username }) : rt(l, 'noStaff')),
          h('p', { class: 'welcome' }, rt(l, 'welcome')),
        ),
      ),
      !live && h('p', { class: 'offline' }, rt('zh', 'offline')),
    ),
  );
}

function backToIdle(): void {
  asking = null;
  if (askTimer) clearTimeout(askTimer);
  askTimer = null;
  showIdle();
}

/** (Re)starts the no-tap timeout: every tap on the pad gives the resident the full time again. */
function armTimeout(): void {
  if (askTimer) clearTimeout(askTimer);
  askTimer = setTimeout(backToIdle, timeoutSeconds * 1000);
}

function ask(f: Finished): void {
  const lang: Lang = isLang(f.language) ? f.language : 'zh';
  asking = f;
  setPageLanguage(lang);
  document.body.dataset.mode = 'asking';
  replace(
    root,
    h(
      'main',
      { class: 'ask', 'data-testid': 'ask' },
      h('p', { class: 'ask-code' }, rt(lang, 'askCode', { code: f.code })),
      ratingForm(lang, (score, reasons) => void submit(f, lang, score, reasons), armTimeout),
    ),
  );
  armTimeout();
}

async function submit(f: Finished, lang: Lang, score: number, reasons: string[]): Promise<void> {
  if (asking !== f) return;
  if (askTimer) clearTimeout(askTimer);
  const res = await fetch('/api/ratings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ ticketId: f.ticketId, score, reasons }),
  }).catch(() => null);
  replace(root, h('main', { class: 'ask' }, h('p', { class: 'thanks', 'data-testid': 'thanks', 'data-status': String(res?.status ?? 0) }, phoneText(lang, 'thanks'))));
  asking = null;
  askTimer = setTimeout(backToIdle, THANKS_MS);
}

async function loadDuty(): Promise<void> {
  const res = await fetch('/api/rater', { headers: { Authorization: `Bearer ${token}` } }).catch(() => null);
  if (res && (res.status === 401 || res.status === 403)) {
    localStorage.removeItem(TOKEN_KEY);
    return showPairing();
  }
  if (res?.ok) duty = (await res.json()) as Duty;
  if (!asking) showIdle();
}

function connect(): void {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events?token=${encodeURIComponent(token!)}`);
  ws.onmessage = (e) => {
    const msg = JSON.parse(String(e.data)) as { type: string } & Partial<Finished>;
    if (msg.type === 'hello') {
      live = true;
      void loadDuty();
    } else if (msg.type === 'counter') void loadDuty();
    else if (msg.type === 'finished' && msg.ticketId && msg.code) ask({ ticketId: msg.ticketId, code: msg.code, language: msg.language ?? 'zh' });
  };
  ws.onclose = () => {
    live = false;
    if (!asking) showIdle();
    setTimeout(connect, 3000);
  };
}

if (!token) showPairing();
else {
  await loadDuty();
  connect();
}
