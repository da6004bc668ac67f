// The hall: its name in three scripts, time zone, opening hours, the display's notice line,
// and the calling policy (recall gap, no-show after N calls, ageing limit). Two forms, two
// saves, each audited on the server and live on every page at once.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../adminApi.js';
import { ErrorText } from '../ErrorText.js';
import { HALL_CHANGED, useSetupApi, type HallSettingsJson } from '../setupApi.js';
import { useResource } from '../useResource.js';
import type { WeekdayJson } from '../../shared/wire.js';
import { HoursInputs, hoursToText, NameInputs, SCRIPTS, textToHours } from './ServicesSection.js';

/** Zones offered first; any IANA name can be typed (the server checks it with Intl). */
const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Kashgar', 'UTC'];

export function HallSection() {
  const { t } = useTranslation('admin');
  const setup = useSetupApi();
  const settings = useResource(() => setup.hallSettings(), [setup]);
  const [names, setNames] = useState<Record<Lang, string>>({ zh: '', bo: '', ug: '' });
  const [notice, setNotice] = useState<Record<Lang, string>>({ zh: '', bo: '', ug: '' });
  const [timeZone, setTimeZone] = useState('');
  const [limitHours, setLimitHours] = useState(false);
  const [hoursText, setHoursText] = useState<Record<WeekdayJson, string>>(hoursToText(null));
  const [policy, setPolicy] = useState({ recallGapSeconds: '', noShowAfterCalls: '', agingMinutes: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const fill = (s: HallSettingsJson) => {
    setNames(s.names);
    setNotice(s.notice);
    setTimeZone(s.timeZone);
    setLimitHours(!!s.openingHours);
    setHoursText(hoursToText(s.openingHours));
    setPolicy({
      recallGapSeconds: String(s.policy.recallGapSeconds),
      noShowAfterCalls: String(s.policy.noShowAfterCalls),
      agingMinutes: String(s.policy.agingMinutes),
    });
  };
  useEffect(() => {
    if (settings.data) fill(settings.data);
  }, [settings.data]);

  const saveHall = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    let openingHours = null;
    if (limitHours) {
      const r = textToHours(hoursText);
      if (r.bad) return setProblem(t('Setup.badHours', { day: t(`Setup.day_${r.bad}`) }));
      openingHours = r.hours;
    }
    setProblem(null);
    try {
      fill(await setup.updateHall({ names, notice, timeZone: timeZone.trim(), openingHours }));
      window.dispatchEvent(new Event(HALL_CHANGED));
      setSaved(t('Hall.savedHall'));
    } catch (err) {
      setError(err);
    }
  };

  const savePolicy = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    try {
      fill(
        await setup.updatePolicy({
          recallGapSeconds: Number(policy.recallGapSeconds),
          noShowAfterCalls: Number(policy.noShowAfterCalls),
          agingMinutes: Number(policy.agingMinutes),
        }),
      );
      setSaved(t('Hall.savedPolicy'));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="hall-title">
      <h2 id="hall-title">{t('Hall.title')}</h2>
      <ErrorText error={settings.error ?? error} />
      {saved && <p role="status">{saved}</p>}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {settings.data && (
        <>
          <form className="card setup-form" onSubmit={(e) => void saveHall(e)} aria-label={t('Hall.hallForm')} noValidate>
            <h3>{t('Hall.hallForm')}</h3>
            <NameInputs prefix="hall" names={names} onChange={setNames} />
            <label>
              {t('Hall.timeZone')}
              <input name="hall-time-zone" dir="ltr" list="hall-zones" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
              <datalist id="hall-zones">
                {COMMON_ZONES.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </label>
            <fieldset>
              <legend>{t('Hall.notice')}</legend>
              {SCRIPTS.map((l) => (
                <label key={l}>
                  {t(`Setup.name_${l}`)}
                  <textarea
                    name={`hall-notice-${l}`}
                    lang={l}
                    dir={l === 'ug' ? 'rtl' : 'ltr'}
                    rows={2}
                    maxLength={l === 'zh' ? 200 : 400}
                    value={notice[l]}
                    onChange={(e) => setNotice({ ...notice, [l]: e.target.value })}
                  />
                </label>
              ))}
            </fieldset>
            <label className="check">
              <input name="hall-limit-hours" type="checkbox" checked={limitHours} onChange={(e) => setLimitHours(e.target.checked)} />
              {t('Hall.limitHours')}
            </label>
            {limitHours && <HoursInputs prefix="hall" text={hoursText} onChange={setHoursText} />}
            <div className="buttons">
              <button type="submit" className="primary">
                {t('Setup.save')}
              </button>
            </div>
          </form>

          <form className="card setup-form" onSubmit={(e) => void savePolicy(e)} aria-label={t('Hall.policyForm')} noValidate>
            <h3>{t('Hall.policyForm')}</h3>
            <label>
              {t('Hall.recallGap')}
              <input name="policy-recall-gap" type="number" dir="ltr" min={0} max={600} value={policy.recallGapSeconds} onChange={(e) => setPolicy({ ...policy, recallGapSeconds: e.target.value })} />
            </label>
            <label>
              {t('Hall.noShowAfter')}
              <input name="policy-no-show" type="number" dir="ltr" min={1} max={10} value={policy.noShowAfterCalls} onChange={(e) => setPolicy({ ...policy, noShowAfterCalls: e.target.value })} />
            </label>
            <div className="field">
              <label>
                {t('Hall.agingMinutes')}
                <input
                  name="policy-aging"
                  type="number"
                  dir="ltr"
                  min={1}
                  max={240}
                  aria-describedby="aging-hint"
                  value={policy.agingMinutes}
                  onChange={(e) => setPolicy({ ...policy, agingMinutes: e.target.value })}
                />
              </label>
              <small id="aging-hint">{t('Hall.agingHint')}</small>
            </div>
            <div className="buttons">
              <button type="submit" className="primary">
                {t('Hall.savePolicy')}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
