// Staff accounts: list, create, disable/enable, role, password reset (the new password is
// shown once) and the admin's own password. Passwords must be at least 8 characters (the
// server checks too; checking here first gives the message before a round trip).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffInfo } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { useSetupApi, type StaffRowJson } from '../setupApi.js';
import { useResource } from '../useResource.js';

export const MIN_PASSWORD_LENGTH = 8;

export function StaffSection() {
  const { t } = useTranslation('admin');
  const { api } = useAdmin();
  const setup = useSetupApi();
  const staff = useResource(() => setup.staff(), [setup]);
  const me = useResource(() => api.me(), [api]);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    setShown(null);
    try {
      await fn();
      await staff.reload();
    } catch (err) {
      setError(err);
    }
  };
  const reset = (s: StaffRowJson) =>
    act(async () => {
      if (!window.confirm(t('Staff.confirmReset', { username: s.username }))) return;
      const r = await setup.resetPassword(s.id);
      setShown({ username: s.username, password: r.password });
    });
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
      {shown && (
        <div className="card once" role="status" data-testid="reset-password">
          <p>{t('Staff.resetDone', { username: shown.username })}</p>
          <p className="code" dir="ltr">
            {shown.password}
          </p>
          <p className="hint">{t('Staff.shownOnce')}</p>
          <button type="button" onClick={() => setShown(null)}>
            {t('Staff.hidePassword')}
          </button>
        </div>
      )}
      {staff.data && (
        <table data-testid="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('Staff.username')}</th>
              <th scope="col">{t('Staff.role')}</th>
              <th scope="col">{t('Staff.status')}</th>
              <th scope="col">{t('Setup.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.data.map((s) => {
              const self = me.data?.staff.id === s.id;
              return (
                <tr key={s.id} className={s.active ? undefined : 'muted'} data-staff={s.username}>
                  <td dir="auto">{s.username}</td>
                  <td>
                    <select
                      aria-label={t('Staff.roleOf', { username: s.username })}
                      value={s.role}
                      disabled={self}
                      onChange={(e) => void act(() => setup.updateStaff(s.id, { role: e.target.value as StaffInfo['role'] }))}
                    >
                      <option value="staff">{t('Staff.roleStaff')}</option>
                      <option value="admin">{t('Staff.roleAdmin')}</option>
                    </select>
                  </td>
                  <td>{s.active ? t('Staff.active') : t('Staff.disabled')}</td>
                  <td className="buttons">
                    {!self && (
                      <button type="button" onClick={() => void act(() => setup.updateStaff(s.id, { active: !s.active }))}>
                        {s.active ? t('Staff.disable') : t('Staff.enable')}
                      </button>
                    )}
                    <button type="button" onClick={() => void reset(s)}>
                      {t('Staff.resetPassword')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <OwnPassword />
    </section>
  );
}

/** The signed-in admin changes their own password (the old one is needed); then signs in again. */
function OwnPassword() {
  const { t } = useTranslation('admin');
  const setup = useSetupApi();
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if ([...newPassword].length < MIN_PASSWORD_LENGTH) return setProblem(t('Staff.passwordTooShort', { min: MIN_PASSWORD_LENGTH }));
    setProblem(null);
    try {
      await setup.changeOwnPassword(oldPassword, newPassword);
      // Every session ended with the change: the next request goes back to the login screen.
      window.alert(t('Staff.ownChanged'));
      location.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="card inline-form" onSubmit={(e) => void submit(e)} aria-label={t('Staff.ownTitle')} noValidate>
      <h3>{t('Staff.ownTitle')}</h3>
      <label>
        {t('Staff.oldPassword')}
        <input name="oldPassword" type="password" autoComplete="current-password" value={oldPassword} onChange={(e) => setOld(e.target.value)} />
      </label>
      <label>
        {t('Staff.newPassword')}
        <input name="ownNewPassword" type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} />
      </label>
      <button type="submit" disabled={!oldPassword || !newPassword}>
        {t('Staff.ownSubmit')}
      </button>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ErrorText error={error} />
    </form>
  );
}
