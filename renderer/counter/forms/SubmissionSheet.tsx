// One submission as staff read it and as it prints on A4: the form's Chinese title and
// labels; values as the resident entered them (Tibetan and Uyghur in their own script and
// direction, each value isolated with <bdi dir="auto">), choices by their Chinese label.
// Everything is rendered as React text, so an answer that looks like HTML stays text.
import { useTranslation } from 'react-i18next';
import { formatHallTime } from '../../shared/hallClock.js';
import { visibleFields } from '../../../electron/core/forms/validate.js';
import { answerText } from '../../shared/forms/answerText.js';
import type { SubmissionView } from './submissionApi.js';

/** Each language named in Chinese for the sheet. */
const LANG_ZH = { zh: '汉语', bo: '藏语', ug: '维吾尔语' } as const;

/** In the hall's time zone (renderer/shared/hallClock.ts), not the counter PC's. */
function stamp(iso: string | null): string {
  return iso ? formatHallTime(iso, { date: true }) : '';
}

export function SubmissionSheet({ s, ticketCode }: { s: SubmissionView; ticketCode: string | null }) {
  const { t, i18n } = useTranslation('forms');
  // Values of the sheet are in Chinese (the hall's working language), whatever the staff UI language.
  const zh = i18n.getFixedT('zh', 'forms');
  const words = { yes: zh('Kiosk.yes'), no: zh('Kiosk.no'), agreed: zh('Kiosk.review.agreed'), notAgreed: zh('Kiosk.review.empty') };
  const fields = visibleFields(s.form, s.answers);
  // The staff's own words inside the Chinese sheet (the "personal" mark, "no answer") carry
  // the staff's language, so a bo/ug reader gets the right font and voice.
  const ui = i18n.language;
  const dir = ui === 'ug' ? 'rtl' : 'ltr';
  return (
    <article className="submission-sheet form-print" data-testid="submission" data-submission-id={s.id} data-reviewed={s.reviewedAt ? 'yes' : 'no'}>
      <h3 lang="zh">{s.form.title.zh}</h3>
      <p className="submission-meta">
        {ticketCode && <span>{t('Counter.ticket', { code: ticketCode })}</span>}
        <span>{t(`Counter.filledBy.${s.filledBy}`)}</span>
        <span>{t('Counter.language', { lang: LANG_ZH[s.language] })}</span>
        <span>{t('Counter.created', { time: stamp(s.createdAt) })}</span>
        {s.reviewedAt && (
          <span className="submission-reviewed" data-testid="submission-reviewed-at">
            {t('Counter.reviewedAt', { time: stamp(s.reviewedAt) })}
          </span>
        )}
      </p>
      {s.personalPurged && <p className="notice">{t('Counter.purged')}</p>}
      <dl className="submission-fields" lang="zh">
        {fields.map((f) => {
          const text = answerText(f, s.answers[f.code], 'zh', words);
          // Free text keeps the resident's script; choices, dates and numbers are shown in Chinese / digits.
          const typed = f.type === 'text' || f.type === 'longtext';
          return (
            <div key={f.code} className="submission-field" data-testid={`submission-field-${f.code}`}>
              <dt>
                {f.label.zh}
                {s.personalCodes.includes(f.code) && (
                  <span className="personal-mark" lang={ui} dir={dir}>
                    {' '}
                    · {t('Counter.personal')}
                  </span>
                )}
              </dt>
              <dd>
                {text === null ? (
                  <span className="submission-empty" lang={ui} dir={dir}>
                    {t('Counter.empty')}
                  </span>
                ) : (
                  <bdi dir="auto" lang={typed ? s.language : undefined} className={f.type === 'longtext' ? 'long' : undefined} data-testid={`submission-value-${f.code}`}>
                    {text}
                  </bdi>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </article>
  );
}
