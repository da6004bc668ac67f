// Choose the counter to staff and declare the languages spoken there: the calling rule
// prefers residents whose language the counter speaks.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiClient } from '../shared/api.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import type { StaffSession } from './session.js';
import type { CounterView, Lang } from './types.js';

const SPOKEN: Lang[] = ['zh', 'bo', 'ug'];

export function ChooseCounterScreen(props: { api: ApiClient; session: StaffSession; onOpened: (counterId: string) => void; onLogout: () => void }) {
  const { api, session, onOpened, onLogout } = props;
  const { t, i18n } = useTranslation('counter');
  const [counters, setCounters] = useState<CounterView[] | null>(null);
  const [languages, setLanguages] = useState<Lang[]>(['zh']);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.request<CounterView[]>('GET', '/api/counters').then(
      (cs) => setCounters([...cs].sort((a, b) => a.number - b.number)),
      (e: unknown) => setError(e instanceof ApiError ? e.message : t('Common.offline')),
    );
  }, [api, t]);

  const toggle = (l: Lang) => setLanguages((ls) => (ls.includes(l) ? ls.filter((x) => x !== l) : [...ls, l]));

  const open = async (c: CounterView) => {
    setError(null);
    try {
      await api.request('POST', `/api/counters/${encodeURIComponent(c.id)}/open`, { languages });
      onOpened(c.id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('Common.offline'));
    }
  };

  const lang = i18n.language as Lang;
  return (
    <div className="screen choose-screen">
      <header className="top-bar">
        <h1>{t('Choose.title')}</h1>
        <span className="who">{t('Header.staff', { name: session.staff.username })}</span>
        <LanguageSwitch />
        <button type="button" className="plain" onClick={onLogout}>
          {t('Choose.logout')}
        </button>
      </header>
      <fieldset className="spoken">
        <legend>{t('Choose.languages')}</legend>
        {SPOKEN.map((l) => (
          <label key={l} className="spoken-choice">
            <input type="checkbox" checked={languages.includes(l)} onChange={() => toggle(l)} data-testid={`spoken-${l}`} />
            {/* The label is written in the page's language (it names language l): it takes the page's lang. */}
            <span>{t(`Language.${l}`)}</span>
          </label>
        ))}
        {languages.length === 0 ? <p className="hint">{t('Choose.needLanguage')}</p> : null}
      </fieldset>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="counter-grid">
        {(counters ?? []).map((c) => {
          const mine = c.staffId === session.staff.id && c.state !== 'closed';
          const taken = !mine && c.state !== 'closed' && c.staffId !== null;
          return (
            <li key={c.id}>
              <button
                type="button"
                className={`big counter-choice ${mine ? 'mine' : ''}`}
                disabled={taken || languages.length === 0}
                data-testid={`open-counter-${c.number}`}
                onClick={() => void open(c)}
              >
                <span className="counter-choice-number">{t('Header.counter', { n: c.number })}</span>
                <span className="counter-choice-name">{c.names[lang] || c.names.zh}</span>
                <span className="counter-choice-state">{t(mine ? 'Choose.yours' : taken ? 'Choose.taken' : 'Choose.free')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
