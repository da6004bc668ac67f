// Forms a resident can send without queuing (definitions with allowWithoutTicket: the
// suggestion box, the proxy-service request): the list, the form, sending, and "thank you".
import type { FieldError } from '../../../electron/core/forms/definition.js';
import type { PageLanguage } from '../../shared/i18n.js';
import { OfflineNotice } from '../components/OfflineNotice.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { Paged } from '../components/Paged.js';
import { TapButton } from '../components/TapButton.js';
import type { KioskApi } from '../kioskApi.js';
import type { FilledForm } from './filledForm.js';
import { FormFiller } from './FormFiller.js';
import { useFormsT, useValidateOptions } from '../../shared/forms/formsText.js';
import { useFormDefinitions } from './useFormDefinitions.js';

interface Common {
  lang: PageLanguage;
  onBack: () => void;
  onHome: () => void;
}

export function DirectFormsScreen({ lang, api, retryMs, onChoose, onBack, onHome }: Common & { api: KioskApi; retryMs: number; onChoose: (formId: string) => void }) {
  const t = useFormsT(lang);
  const defs = useFormDefinitions(api, retryMs);
  const forms = defs.status === 'ready' ? defs.forms.filter((f) => f.allowWithoutTicket) : [];
  return (
    <ScreenFrame lang={lang} screen="direct-forms" title={t('Kiosk.direct.title')} onBack={onBack} onHome={onHome}>
      <p className="form-hint">{t('Kiosk.direct.intro')}</p>
      {defs.status === 'offline' && <OfflineNotice lang={lang} />}
      {defs.status === 'loading' && <p className="notice">{t('Kiosk.loading')}</p>}
      {defs.status === 'ready' && forms.length === 0 && <p className="notice">{t('Kiosk.direct.none')}</p>}
      <Paged
        lang={lang}
        count={forms.length}
        className="form-choices"
        renderItem={(i, measuring) => {
          const f = forms[i]!;
          return (
            <TapButton key={f.id} className="tap choice direct-form" onTap={() => onChoose(f.id)} testId={measuring ? undefined : `direct-form-${f.id}`}>
              <span>{f.title[lang]}</span>
              {lang !== 'zh' && (
                <span className="service-name-zh" lang="zh">
                  {f.title.zh}
                </span>
              )}
            </TapButton>
          );
        }}
      />
    </ScreenFrame>
  );
}

export function DirectFormScreen(
  props: Common & { api: KioskApi; retryMs: number; timeZone: string | undefined; formId: string; draft?: FilledForm; errors?: Record<string, FieldError>; onSend: (form: FilledForm) => void },
) {
  const { lang, api, retryMs, timeZone, formId, draft, errors, onSend, onBack, onHome } = props;
  const t = useFormsT(lang);
  const opts = useValidateOptions(lang, timeZone);
  const defs = useFormDefinitions(api, retryMs);
  const def = defs.status === 'ready' ? defs.forms.find((f) => f.id === formId && f.allowWithoutTicket) : undefined;
  if (!def) {
    return (
      <ScreenFrame lang={lang} screen="form" title={t('Kiosk.loading')} onBack={onBack} onHome={onHome}>
        {defs.status === 'offline' && <OfflineNotice lang={lang} />}
        {defs.status === 'ready' && <p className="notice">{t('Kiosk.direct.none')}</p>}
      </ScreenFrame>
    );
  }
  return (
    <FormFiller
      def={def}
      lang={lang}
      opts={opts}
      draft={draft?.formId === def.id ? draft.answers : undefined}
      errors={errors}
      confirmLabel={t('Kiosk.review.send')}
      onConfirm={(answers) => onSend({ formId: def.id, version: def.version, language: lang, answers })}
      onLeave={onBack}
      onHome={onHome}
    />
  );
}

export function DirectSendingScreen({ lang, failed, onRetry, onBack, onHome }: Common & { failed: string | null; onRetry: () => void }) {
  const t = useFormsT(lang);
  if (failed === null) {
    return (
      <ScreenFrame lang={lang} screen="direct-sending" title={t('Kiosk.sending')}>
        <p className="notice">{t('Kiosk.wait')}</p>
      </ScreenFrame>
    );
  }
  return (
    <ScreenFrame lang={lang} screen="direct-failed" title={t('Kiosk.direct.failedTitle')} onBack={onBack} onHome={onHome}>
      {failed && <p className="notice error">{failed}</p>}
      <p className="notice warn">{t('Kiosk.direct.failedHelp')}</p>
      <TapButton className="tap primary form-confirm" onTap={onRetry} testId="direct-retry">
        {t('Kiosk.direct.retry')}
      </TapButton>
    </ScreenFrame>
  );
}

export function DirectSentScreen({ lang, onDone }: { lang: PageLanguage; onDone: () => void }) {
  const t = useFormsT(lang);
  return (
    <ScreenFrame lang={lang} screen="direct-sent" title={t('Kiosk.direct.thanksTitle')}>
      <p className="notice" data-testid="direct-sent">
        {t('Kiosk.direct.thanksBody')}
      </p>
      <TapButton className="tap primary done" onTap={onDone} testId="direct-done">
        {t('Kiosk.direct.done')}
      </TapButton>
    </ScreenFrame>
  );
}

/** The note under the ticket about the form sent with it. */
export function FormOutcomeNote({ lang, outcome }: { lang: PageLanguage; outcome: 'sent' | 'failed' }) {
  const t = useFormsT(lang);
  return (
    <p className={`notice${outcome === 'failed' ? ' warn' : ''}`} role="status" data-testid="form-outcome" data-outcome={outcome}>
      {t(outcome === 'sent' ? 'Kiosk.sent' : 'Kiosk.sendFailed')}
    </p>
  );
}
