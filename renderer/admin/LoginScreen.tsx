// Staff login. The admin page needs an admin account; a staff account is told so after login.
import { useTranslation } from 'react-i18next';
import { useStaffLogin } from '../shared/useStaffLogin.js';
import type { AdminApi, Session } from './adminApi.js';
import { ErrorText } from './ErrorText.js';

export function LoginScreen({ api, onLogin }: { api: AdminApi; onLogin: (s: Session) => void }) {
  const { t } = useTranslation('admin');
  const { username, setUsername, password, setPassword, error, busy, submit } = useStaffLogin(api.login, onLogin);

  return (
    <form className="card login" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
      <h2 id="login-title">{t('Login.title')}</h2>
      <label>
        {t('Login.username')}
        <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        {t('Login.password')}
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <ErrorText error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {t('Login.submit')}
      </button>
    </form>
  );
}
