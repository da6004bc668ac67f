// For district admins: enrol a hall (id, names in three scripts, the public key from the
// hall's admin page; the answer's fingerprint is read out by phone to compare) and add accounts.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, call } from './api.js';

const groups = (hex: string) => hex.replace(/(.{4})/g, '$1 ').trim();

export function AdminSection({ onEnrolled }: { onEnrolled: () => void }) {
  const { t, i18n } = useTranslation();
  const [result, setResult] = useState('');
  const [error, setError] = useState('');
  const run = async (e: FormEvent<HTMLFormElement>, fn: (f: FormData) => Promise<string>) => {
    e.preventDefault();
    const form = e.currentTarget;
    try {
      setResult(await fn(new FormData(form)));
      setError('');
      form.reset();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  const enrol = (f: FormData) =>
    call<{ fingerprint: string }>('POST', '/api/halls', i18n.language, {
      id: f.get('id'),
      names: { zh: f.get('zh'), bo: f.get('bo'), ug: f.get('ug') },
      publicKey: f.get('publicKey'),
    }).then((r) => {
      onEnrolled();
      return t('admin.enrolled', { fingerprint: groups(r.fingerprint) });
    });
  const account = (f: FormData) =>
    call('POST', '/api/accounts', i18n.language, { username: f.get('username'), password: f.get('password'), role: f.get('role') }).then(() => t('admin.accountAdded'));
  return (
    <section aria-labelledby="admin-h">
      <h2 id="admin-h">{t('admin.title')}</h2>
      <form onSubmit={(e) => void run(e, enrol)} aria-label={t('admin.enrol')}>
        <h3>{t('admin.enrol')}</h3>
        <div className="row">
          <label>{t('admin.hallId')} <input name="id" dir="ltr" required /></label>
          <label lang="zh">{t('admin.nameZh')} <input name="zh" required /></label>
          <label lang="bo">{t('admin.nameBo')} <input name="bo" lang="bo" required /></label>
          <label lang="ug">{t('admin.nameUg')} <input name="ug" lang="ug" dir="rtl" required /></label>
        </div>
        <label>{t('admin.publicKey')} <textarea name="publicKey" rows={4} cols={60} dir="ltr" required /></label>
        <button type="submit">{t('admin.enrolSubmit')}</button>
      </form>
      <form onSubmit={(e) => void run(e, account)} aria-label={t('admin.addAccount')} className="row">
        <h3>{t('admin.addAccount')}</h3>
        <label>{t('login.username')} <input name="username" dir="ltr" required /></label>
        <label>{t('login.password')} <input name="password" type="password" autoComplete="new-password" required /></label>
        <select name="role" aria-label={t('admin.role')} defaultValue="viewer">
          <option value="viewer">{t('admin.viewer')}</option>
          <option value="admin">{t('admin.admin')}</option>
        </select>
        <button type="submit">{t('admin.addAccountSubmit')}</button>
      </form>
      {result && <p role="status" data-testid="admin-result"><bdi>{result}</bdi></p>}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
