// Staff accounts: list and create. Passwords must be at least 8 characters (the server
// checks too; checking here first gives the message before a round trip).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffInfo } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { useResource } from '../useResource.js';

export const MIN_PASSWORD_LENGTH = 8;

export function StaffSection() {
  const { t } = useTranslation('admin');
  const { api } = useAdmin();
  const staff = useResource(() => api.staff(), [api]);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<StaffInfo['role']>('staff');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [createdName, setCreatedName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCreatedName(null);
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      setProblem(t('Staff.passwordTooShort', { min: MIN_PASSWORD_LENGTH }));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await api.createStaff(username.trim(), password, role);
      setCreatedName(username.trim());
      setUsername('');
      setPassword('');
      await staff.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="staff-title">
      <h2 id="staff-title">{t('Staff.title')}</h2>
      <form className="card inline-form" onSubmit={(e) => void create(e)} aria-label={t('Staff.create')} noValidate>
        <label>
          {t('Staff.username')}
          <input name="newUsername" required maxLength={40} autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <div className="field">
          <label>
            {t('Staff.password')}
            <input
              name="newPassword"
              type="password"
              autoComplete="new-password"
              aria-describedby="password-hint"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <small id="password-hint">{t('Staff.passwordHint', { min: MIN_PASSWORD_LENGTH })}</small>
        </div>
        <label>
          {t('Staff.role')}
          <select name="newRole" value={role} onChange={(e) => setRole(e.target.value as StaffInfo['role'])}>
            <option value="staff">{t('Staff.roleStaff')}</option>
            <option value="admin">{t('Staff.roleAdmin')}</option>
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy || !username.trim()}>
          {t('Staff.create')}
        </button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {createdName && <p role="status">{t('Staff.created', { username: createdName })}</p>}
      <ErrorText error={error ?? staff.error} />
      {staff.data && (
        <table data-testid="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('Staff.username')}</th>
              <th scope="col">{t('Staff.role')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((s) => (
              <tr key={s.id}>
                <td dir="auto">{s.username}</td>
                <td>{t(s.role === 'admin' ? 'Staff.roleAdmin' : 'Staff.roleStaff')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
