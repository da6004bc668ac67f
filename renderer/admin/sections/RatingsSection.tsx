// 好差评 on the admin page: the hall's public address (what ticket QR codes and the phone
// page use), the day's ratings per counter, per service and per staff member, and the open
// follow-ups (差评回访) an admin closes with a note.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdmin } from '../context.js';
import { ErrorText } from '../ErrorText.js';
import { formatTime } from '../format.js';
import { useResource } from '../useResource.js';
import { groupRatings, scoreCounts, type RatingGroup, type RatingRow } from './ratingStats.js';

interface Followup {
  id: string;
  openedAt: string;
  rating: RatingRow;
}
interface PublicAddress {
  address: string;
  configured: string | null;
  default: string;
}

function hallToday(timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function RatingsSection() {
  const { t } = useTranslation('admin');
  const { api, client, hall, lang } = useAdmin();
  const [day, setDay] = useState(() => hallToday(hall?.timeZone));
  const ratings = useResource(() => client.request<RatingRow[]>('GET', `/api/ratings?day=${encodeURIComponent(day)}`), [client, day]);
  const followups = useResource(() => client.request<Followup[]>('GET', '/api/rating-followups?state=open'), [client]);
  const counters = useResource(() => api.counters(), [api]);
  const services = useResource(() => api.services(), [api]);
  const staff = useResource(() => api.staff(), [api]);
  const address = useResource(() => client.request<PublicAddress>('GET', '/api/hall/public-address'), [client]);
  const [addressText, setAddressText] = useState('');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => setAddressText(address.data?.configured ?? ''), [address.data]);

  const counterName = (id: string) => counters.data?.find((c) => c.id === id)?.names[lang] ?? id;
  const serviceName = (id: string) => services.data?.find((s) => s.id === id)?.names[lang] ?? id;
  const staffName = (id: string) => staff.data?.find((s) => s.id === id)?.username ?? id;

  const saveAddress = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await client.request('PUT', '/api/hall/public-address', { address: addressText.trim() || null });
      setSaved(true);
      await address.reload();
    } catch (err) {
      setError(err);
    }
  };

  const close = async (id: string) => {
    setError(null);
    try {
      await client.request('POST', `/api/rating-followups/${encodeURIComponent(id)}/close`, { note: notes[id] ?? '' });
      await followups.reload();
    } catch (err) {
      setError(err);
    }
  };

  const rows = ratings.data ?? [];
  const table = (title: string, groups: RatingGroup[], name: (key: string) => string, testId: string) => (
    <table data-testid={testId}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col">{t('Ratings.count')}</th>
          <th scope="col">{t('Ratings.average')}</th>
          <th scope="col">{t('Ratings.satisfied')}</th>
          <th scope="col">{t('Ratings.low')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key} data-key={g.key}>
            <td>{g.key === '—' ? '—' : name(g.key)}</td>
            <td>{g.count}</td>
            <td>{g.average.toFixed(2)}</td>
            <td>{Math.round(g.satisfied * 100)}%</td>
            <td>{g.low}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const counts = scoreCounts(rows);

  return (
    <section aria-labelledby="ratings-title">
      <h2 id="ratings-title">{t('Ratings.title')}</h2>
      <form className="card inline-form" onSubmit={(e) => void saveAddress(e)}>
        <label>
          {t('Ratings.publicAddress')}
          <input name="publicAddress" dir="ltr" maxLength={200} value={addressText} placeholder={address.data?.default ?? ''} onChange={(e) => (setAddressText(e.target.value), setSaved(false))} />
        </label>
        <button type="submit" className="primary">
          {t('Ratings.save')}
        </button>
        {saved && <span role="status">{t('Ratings.saved')}</span>}
        {address.data && <p className="hint">{t('Ratings.publicAddressHint', { address: address.data.default })}</p>}
      </form>
      <ErrorText error={error ?? ratings.error ?? followups.error} />
      <label>
        {t('Ratings.day')} <input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
      </label>
      {rows.length === 0 ? (
        <p>{t('Ratings.none')}</p>
      ) : (
        <>
          <table data-testid="ratings-by-score">
            <caption>{t('Ratings.byScore')}</caption>
            <tbody>
              {[5, 4, 3, 2, 1].map((s) => (
                <tr key={s}>
                  <td>{t(`Ratings.score${s}`)}</td>
                  <td>{counts[s]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {table(t('Ratings.byCounter'), groupRatings(rows, (r) => r.counterId), counterName, 'ratings-by-counter')}
          {table(t('Ratings.byService'), groupRatings(rows, (r) => r.serviceId), serviceName, 'ratings-by-service')}
          {table(t('Ratings.byStaff'), groupRatings(rows, (r) => r.staffId), staffName, 'ratings-by-staff')}
        </>
      )}
      <h3>{t('Ratings.followups')}</h3>
      {followups.data && followups.data.length === 0 && <p>{t('Ratings.noFollowups')}</p>}
      {followups.data && followups.data.length > 0 && (
        <table data-testid="followups">
          <thead>
            <tr>
              <th scope="col">{t('Ratings.ticket')}</th>
              <th scope="col">{t('Ratings.at')}</th>
              <th scope="col">{t('Ratings.byCounter')}</th>
              <th scope="col">{t('Ratings.byScore')}</th>
              <th scope="col">{t('Ratings.reasons')}</th>
              <th scope="col">{t('Ratings.via')}</th>
              <th scope="col">{t('Ratings.note')}</th>
            </tr>
          </thead>
          <tbody>
            {followups.data.map((f) => (
              <tr key={f.id} data-followup-id={f.id}>
                <td dir="ltr">{f.rating.code}</td>
                <td>{formatTime(f.rating.at, hall?.timeZone)}</td>
                <td>{f.rating.counterId ? counterName(f.rating.counterId) : '—'}</td>
                <td>{t(`Ratings.score${f.rating.score}`)}</td>
                <td>{f.rating.reasons.map((r) => t(`Ratings.reason_${r}`)).join('、')}</td>
                <td>{t(f.rating.via === 'pad' ? 'Ratings.viaPad' : 'Ratings.viaPhone')}</td>
                <td>
                  <input aria-label={t('Ratings.note')} maxLength={2000} value={notes[f.id] ?? ''} onChange={(e) => setNotes({ ...notes, [f.id]: e.target.value })} />{' '}
                  <button type="button" disabled={!(notes[f.id] ?? '').trim()} onClick={() => void close(f.id)}>
                    {t('Ratings.close')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
