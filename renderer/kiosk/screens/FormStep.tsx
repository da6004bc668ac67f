// The form hook. When a service has a form (service.formId, set once the forms module
// exists) the flow stops here between the priority question and the ticket, and this is
// the component the forms module replaces: render the form for formId in `lang`, with the
// on-screen keyboards from ../keyboards/, then call onDone() — the ticket is issued only
// after that. Until the forms module lands there is no form to show, so the step passes
// straight through; it never pretends to collect anything.
import { useEffect } from 'react';
import type { PageLanguage } from '../../shared/i18n.js';
import type { KioskService } from '../kioskApi.js';

export interface FormStepProps {
  lang: PageLanguage;
  service: KioskService;
  /** The form was filled in (or there is none): go on to issue the ticket. */
  onDone: () => void;
  /** The resident wants to choose another service. */
  onBack: () => void;
}

export function FormStep({ onDone }: FormStepProps) {
  useEffect(() => {
    onDone();
  }, [onDone]);
  return null;
}
