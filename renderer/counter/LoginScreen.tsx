// Staff login. The error message comes from the server in the UI language.
import { useTranslation } from 'react-i18next';
import { useStaffLogin } from '../shared/useStaffLogin.js';
import { ApiError, type ApiClient } from '../shared/api.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import type { StaffSession } from './session.js';

export function LoginScreen({ api, onLoggedIn }: { api: ApiClient; onLoggedIn: (s: StaffSession) => void }) {
  const { t } = useTranslation('counter');
  const login = (username: string, password: string) => api.request<StaffSession>('POST', '/api/session', { username, password });
  const { username, setUsername, password, setPassword, error, busy, submit } = useStaffLogin(login, (r) => onLoggedIn({ token: r.token, staff: r.staff }));

  return (
    <div className="screen login-screen">
      <header className="top-bar">
        <h1>{t('Login.title')}</h1>
        <LanguageSwitch />
      </header>
      <form className="login-form" onSubmit={(e) => void submit(e)}>
        <label>
          <span>{t('Login.username')}</span>
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required dir="ltr" />
        </label>
        <label>
          <span>{t('Login.password')}</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required dir="ltr" />
        </label>
        {error ? (
          <p className="error" role="alert" data-testid="login-error">
            {error instanceof ApiError ? error.message : t('Common.offline')}
          </p>
        ) : null}
        <button type="submit" className="big primary" disabled={busy} data-testid="login-submit">
          {t('Login.submit')}
        </button>
      </form>
    </div>
  );
}
