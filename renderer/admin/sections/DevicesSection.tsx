// Kiosk and display devices: list, create (token shown once), revoke (effective at once
// on the server; asked twice here because a revoked kiosk stops issuing tickets).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../adminApi.js';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { formatTime } from '../format.js';
import { useResource } from '../useResource.js';
import { PairingCard } from './PairingCard.js';

function isRevoked(d: Device): boolean {
  return Boolean(d.revoked) || (d.revokedAt !== null && d.revokedAt !== undefined);
}

export function DevicesSection() {
  const { t } = useTranslation('admin');
  const { api, hall, lang } = useAdmin();
  const devices = useResource(() => api.devices(), [api]);
  const counters = useResource(() => api.counters(), [api]);
  const [counterId, setCounterId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Device['role']>('kiosk');
  const [created, setCreated] = useState<{ name: string; role: Device['role']; token: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.createDevice(role, name.trim(), role === 'rater' ? counterId || counters.data?.[0]?.id : undefined);
      setCreated({ name: name.trim(), role, token: r.token });
      setName('');
      await devices.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    setError(null);
    try {
      await api.revokeDevice(id);
      setConfirming(null);
      await devices.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">{t('Devices.title')}</h2>
      {created && <PairingCard {...created} onClose={() => setCreated(null)} />}
      <form className="card inline-form" onSubmit={(e) => void create(e)} aria-label={t('Devices.create')}>
        <label>
          {t('Devices.name')}
          <input name="deviceName" required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('Devices.role')}
          <select name="deviceRole" value={role} onChange={(e) => setRole(e.target.value as Device['role'])}>
            <option value="kiosk">{t('Devices.roleKiosk')}</option>
            <option value="display">{t('Devices.roleDisplay')}</option>
            <option value="rater">{t('Devices.roleRater')}</option>
          </select>
        </label>
        {role === 'rater' && (
          <label>
            {t('Devices.counter')}
            <select name="deviceCounter" value={counterId || counters.data?.[0]?.id || ''} onChange={(e) => setCounterId(e.target.value)}>
              {counters.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.names[lang]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('Devices.create')}
        </button>
      </form>
      <ErrorText error={error ?? devices.error} />
      {devices.data && devices.data.length === 0 && <p>{t('Devices.none')}</p>}
      {devices.data && devices.data.length > 0 && (
        <table data-testid="devices-table">
          <thead>
            <tr>
              <th scope="col">{t('Devices.name')}</th>
              <th scope="col">{t('Devices.role')}</th>
              <th scope="col">{t('Devices.createdAt')}</th>
              <th scope="col">{t('Devices.status')}</th>
              <th scope="col">{t('Devices.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.data.map((d) => {
              const revoked = isRevoked(d);
              return (
                <tr key={d.id} data-device-id={d.id} className={revoked ? 'muted' : undefined}>
                  <td>{d.name}</td>
                  <td>
                    {t(d.role === 'kiosk' ? 'Devices.roleKiosk' : d.role === 'rater' ? 'Devices.roleRater' : 'Devices.roleDisplay')}
                    {d.role === 'rater' && d.counterId && ` · ${counters.data?.find((c) => c.id === d.counterId)?.names[lang] ?? d.counterId}`}
                  </td>
                  <td>{formatTime(d.createdAt, hall?.timeZone)}</td>
                  <td>{revoked ? t('Devices.revoked') : t('Devices.active')}</td>
                  <td>
                    {!revoked && confirming !== d.id && (
                      <button type="button" onClick={() => setConfirming(d.id)}>
                        {t('Devices.revoke')}
                      </button>
                    )}
                    {!revoked && confirming === d.id && (
                      <span className="confirm">
                        {t('Devices.revokeConfirm', { name: d.name })}{' '}
                        <button type="button" className="danger" onClick={() => void revoke(d.id)}>
                          {t('Devices.revokeYes')}
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t('Common.cancel')}
                        </button>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
