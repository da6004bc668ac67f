// The admin page: login, then one section at a time chosen from the navigation. The
// security notice sits above every section so it cannot be missed.
import { useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, createApi, type ApiClient } from '../shared/api.js';
import { setHallTimeZone } from '../shared/hallClock.js';
import { adminApi, type HallInfo, type Lang, type Session } from './adminApi.js';
import { AdminContext, type AdminContextValue } from './context.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { LoginScreen } from './LoginScreen.js';
import { loadSession, saveLang, saveSession } from './session.js';
import { HALL_CHANGED } from './setupApi.js';
import { AuditSection } from './sections/AuditSection.js';
import { CountersSection } from './sections/CountersSection.js';
import { DevicesSection } from './sections/DevicesSection.js';
import { ExportSection } from './sections/ExportSection.js';
import { FormsSection } from './sections/FormsSection.js';
import { HallSection } from './sections/HallSection.js';
import { PrinterSection } from './sections/PrinterSection.js';
import { RatingsSection } from './sections/RatingsSection.js';
import { VoiceSection } from './sections/VoiceSection.js';
import { SecurityNotice } from './sections/SecurityNotice.js';
import { ServicesSection } from './sections/ServicesSection.js';
import { StaffSection } from './sections/StaffSection.js';
import { StatsSection } from './sections/StatsSection.js';
import { TranslationsSection } from './sections/TranslationsSection.js';
import { TlsSection } from './sections/TlsSection.js';

// One entry per section, in the order of the navigation. Each helper adds its own line.
const SECTIONS: { id: string; Component: ComponentType }[] = [
  { id: 'stats', Component: StatsSection },
  { id: 'services', Component: ServicesSection },
  { id: 'counters', Component: CountersSection },
  { id: 'hall', Component: HallSection },
  { id: 'staff', Component: StaffSection },
  { id: 'devices', Component: DevicesSection },
  { id: 'audit', Component: AuditSection },
  { id: 'export', Component: ExportSection },
  { id: 'forms', Component: FormsSection },
  { id: 'printer', Component: PrinterSection },
  { id: 'voice', Component: VoiceSection },
  { id: 'ratings', Component: RatingsSection },
  { id: 'translations', Component: TranslationsSection },
  { id: 'tls', Component: TlsSection },
];

/** The open section is kept in the URL fragment (#printer) so a reload stays on it. */
function sectionFromHash(): string {
  const id = location.hash.replace(/^#/, '');
  return SECTIONS.some((s) => s.id === id) ? id : 'stats';
}

function openSection(id: string, set: (id: string) => void): void {
  history.replaceState(null, '', `${location.pathname}${location.search}#${id}`);
  set(id);
}

/** Wraps the client so any 401 (expired or revoked session) sends the admin back to login. */
function withExpiry(client: ApiClient, onExpired: () => void): ApiClient {
  return {
    async request<T>(method: string, path: string, body?: unknown, opts?: { timeoutMs?: number }): Promise<T> {
      try {
        return await client.request<T>(method, path, body, opts);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401 && path !== '/api/session') onExpired();
        throw e;
      }
    },
  };
}

export function App() {
  const { t, i18n } = useTranslation('admin');
  const lang = i18n.language as Lang;
  const [session, setSession] = useState<Session | null>(loadSession);
  const [section, setSection] = useState(sectionFromHash);
  const [hall, setHall] = useState<HallInfo | null>(null);
  const tokenRef = useRef<string | null>(session?.token ?? null);
  tokenRef.current = session?.token ?? null;

  const client = useMemo(
    () =>
      withExpiry(
        createApi(() => tokenRef.current, () => i18n.language),
        () => {
          saveSession(null);
          setSession(null);
        },
      ),
    [i18n],
  );
  const api = useMemo(() => adminApi(client), [client]);

  useEffect(() => {
    const load = () =>
      api.hall().then(
        (h) => {
          // Every time on the page is the hall's local time, not this browser's.
          setHallTimeZone(h.timeZone);
          setHall(h);
        },
        () => setHall(null),
      );
    void load();
    // The hall section saved a new name or time zone: show it without a reload.
    window.addEventListener(HALL_CHANGED, load);
    return () => window.removeEventListener(HALL_CHANGED, load);
  }, [api]);

  useEffect(() => {
    document.title = t('Header.title');
  }, [t, lang]);

  const changeLang = (l: Lang) => {
    saveLang(l);
    void i18n.changeLanguage(l);
  };

  const login = (s: Session) => {
    saveSession(s);
    setSession(s);
  };

  const logout = async () => {
    try {
      await api.logout();
    } catch {
      // The session is dropped locally either way; the server expires it on its own.
    }
    saveSession(null);
    setSession(null);
  };

  const ctx: AdminContextValue | null = session ? { api, client, token: session.token, lang, hall } : null;
  const Current = SECTIONS.find((s) => s.id === section)?.Component ?? StatsSection;

  return (
    <div className="admin">
      <header className="topbar">
        <div className="titles">
          <h1>{t('Header.title')}</h1>
          {hall && <p className="hall-name">{hall.name[lang]}</p>}
        </div>
        <LanguageSwitch lang={lang} onChange={changeLang} />
        {session && (
          <div className="who">
            <span>{t('Header.signedInAs', { username: session.staff.username })}</span>
            <button type="button" onClick={() => void logout()}>
              {t('Header.logout')}
            </button>
          </div>
        )}
      </header>
      {!session || !ctx ? (
        <main>
          <LoginScreen api={api} onLogin={login} />
        </main>
      ) : session.staff.role !== 'admin' ? (
        <main>
          <p className="card error" role="alert">
            {t('Login.notAdmin')}
          </p>
        </main>
      ) : (
        <AdminContext.Provider value={ctx}>
          <nav className="sections" aria-label={t('Nav.label')}>
            {SECTIONS.map((s) => (
              <button key={s.id} type="button" aria-current={section === s.id ? 'page' : undefined} onClick={() => openSection(s.id, setSection)}>
                {t(`Nav.${s.id}`)}
              </button>
            ))}
          </nav>
          <main>
            <SecurityNotice />
            <Current />
          </main>
        </AdminContext.Provider>
      )}
    </div>
  );
}
