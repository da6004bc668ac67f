// Login → choose a counter (and the languages spoken) → the console. A reload resumes where
// the staff member was: GET /api/me tells which counter they hold.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, createApi } from '../shared/api.js';
import { ChooseCounterScreen } from './ChooseCounterScreen.js';
import { ConsoleScreen } from './ConsoleScreen.js';
import { LoginScreen } from './LoginScreen.js';
import { loadSession, saveSession, type StaffSession } from './session.js';
import type { StaffView } from './types.js';

type Phase =
  | { kind: 'loading' }
  | { kind: 'login' }
  | { kind: 'choose'; session: StaffSession }
  | { kind: 'console'; session: StaffSession; counterId: string };

export function CounterApp() {
  const { i18n } = useTranslation('counter');
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const token = useRef<string | null>(loadSession()?.token ?? null);
  const api = useMemo(() => createApi(() => token.current, () => i18n.language), [i18n]);

  const enter = useCallback(
    async (session: StaffSession) => {
      token.current = session.token;
      saveSession(session);
      try {
        const me = await api.request<{ staff: StaffView; counterId: string | null }>('GET', '/api/me');
        setPhase(me.counterId ? { kind: 'console', session, counterId: me.counterId } : { kind: 'choose', session });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          token.current = null;
          saveSession(null);
          setPhase({ kind: 'login' });
        } else setPhase({ kind: 'choose', session });
      }
    },
    [api],
  );

  useEffect(() => {
    const s = loadSession();
    if (s) void enter(s);
    else setPhase({ kind: 'login' });
  }, [enter]);

  const logout = useCallback(async () => {
    try {
      await api.request('DELETE', '/api/session');
    } catch {
      // The session ends here either way; the server expires it.
    }
    token.current = null;
    saveSession(null);
    setPhase({ kind: 'login' });
  }, [api]);

  switch (phase.kind) {
    case 'loading':
      return <div className="counter-loading" />;
    case 'login':
      return <LoginScreen api={api} onLoggedIn={(s) => void enter(s)} />;
    case 'choose':
      return (
        <ChooseCounterScreen
          api={api}
          session={phase.session}
          onOpened={(counterId) => setPhase({ kind: 'console', session: phase.session, counterId })}
          onLogout={() => void logout()}
        />
      );
    case 'console':
      return (
        <ConsoleScreen
          api={api}
          session={phase.session}
          counterId={phase.counterId}
          onLeft={() => void logout()}
          onLostCounter={() => setPhase({ kind: 'choose', session: phase.session })}
        />
      );
  }
}
