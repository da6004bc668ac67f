// The form the resident filled in at the kiosk, attached to the ticket. The forms feature
// (another issue) will pass the submission in; until then no ticket carries one and the
// panel says so. It never invents content.
import { useTranslation } from 'react-i18next';

/** What the forms module will hand over: labels in Chinese, values as entered. */
export interface AttachedSubmission {
  formTitle: string;
  fields: { label: string; value: string }[];
}

export function FormPanel({ hasTicket, submission }: { hasTicket: boolean; submission: AttachedSubmission | null }) {
  const { t } = useTranslation('counter');
  return (
    <section className="form-panel" data-testid="form-panel" aria-label={t('Form.title')}>
      <h2>{t('Form.title')}</h2>
      {!hasTicket ? (
        <p className="form-none">{t('Form.noTicket')}</p>
      ) : !submission ? (
        <p className="form-none">{t('Form.none')}</p>
      ) : (
        <>
          <h3 lang="zh">{submission.formTitle}</h3>
          <dl className="form-fields" lang="zh">
            {submission.fields.map((f, i) => (
              <div key={i} className="form-field">
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
