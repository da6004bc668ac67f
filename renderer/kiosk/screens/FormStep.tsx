// The form step between the priority question and the ticket, for a service with a formId:
// the service's form filled one question a screen (../forms/FormFiller). Confirming the
// review hands the checked answers to the flow, which issues the ticket and then sends the
// form with the ticket's id (see useFormSubmission). A service whose form is not among the
// active definitions goes straight on to the ticket: staff can fill the form at the counter.
import { useEffect } from 'react';
import type { FieldError } from '../../../electron/core/forms/definition.js';
import type { PageLanguage } from '../../shared/i18n.js';
import { OfflineNotice } from '../components/OfflineNotice.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import type { FilledForm } from '../forms/filledForm.js';
import { FormFiller } from '../forms/FormFiller.js';
import { useFormsT, useValidateOptions } from '../../shared/forms/formsText.js';
import { useFormDefinitions } from '../forms/useFormDefinitions.js';
import type { KioskApi, KioskService } from '../kioskApi.js';

export interface FormStepProps {
  lang: PageLanguage;
  service: KioskService;
  /** The form was filled in and confirmed (or there is none): go on to issue the ticket. */
  onDone: (form?: FilledForm) => void;
  /** The resident wants to choose another service. */
  onBack: () => void;
  onHome: () => void;
  api: KioskApi;
  timeZone: string | undefined;
  retryMs: number;
  /** Back after the server refused the answers: the draft and the refusals. */
  draft?: FilledForm;
  errors?: Record<string, FieldError>;
  /** The ticket was already issued (the form is being corrected after a refusal). */
  ticketIssued?: boolean;
}

export function FormStep({ lang, service, onDone, onBack, onHome, api, timeZone, retryMs, draft, errors, ticketIssued }: FormStepProps) {
  const t = useFormsT(lang);
  const opts = useValidateOptions(lang, timeZone);
  const defs = useFormDefinitions(api, retryMs);
  const def = defs.status === 'ready' ? defs.forms.find((f) => f.id === service.formId) : undefined;
  const missing = defs.status === 'ready' && !def;

  useEffect(() => {
    if (missing) {
      console.warn(`kiosk: form ${service.formId} of service ${service.id} is not active; issuing without it`);
      onDone();
    }
  }, [missing, onDone, service.formId, service.id]);

  if (!def) {
    return (
      <ScreenFrame lang={lang} screen="form" title={t('Kiosk.loading')} onBack={onBack} onHome={onHome}>
        {defs.status === 'offline' && <OfflineNotice lang={lang} />}
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
      confirmLabel={t(ticketIssued ? 'Kiosk.review.send' : 'Kiosk.review.takeTicket')}
      onConfirm={(answers) => onDone({ formId: def.id, version: def.version, language: lang, answers })}
      onLeave={onBack}
      onHome={onHome}
    />
  );
}
