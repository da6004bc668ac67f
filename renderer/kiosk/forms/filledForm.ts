// A form the resident has filled and confirmed on the review screen: what the kiosk sends as
// POST /api/submissions (with the ticket id when there is one).
import type { Answers } from '../../../electron/core/forms/definition.js';
import type { PageLanguage } from '../../shared/i18n.js';

export interface FilledForm {
  formId: string;
  version: number;
  language: PageLanguage;
  /** Only the answers of fields that are shown (the validator drops the rest). */
  answers: Answers;
}
