// Staff login. The admin page needs an admin account; a staff account is told so after login.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminApi, Session } from './adminApi.js';
import { ErrorText } from './ErrorText.js';

export function LoginScreen({ api, onLogin }: { api: AdminApi; onLogin: (s: Session) => void }) {
  const { t } = useTranslation('admin');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await api.login(username.trim(), password));
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

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
