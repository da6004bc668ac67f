// What the counter's form panel asks of the hall server: the submission attached to a ticket
// (GET /api/tickets/:id carries submissionId; GET /api/submissions/:id is audited on the
// server), marking it reviewed, the active definitions, and staff filling (帮办代办): POST a new
// submission or PUT the completed answers of an existing one.
import type { Answers, FormDefinition } from '../../../electron/core/forms/definition.js';
import type { ApiClient } from '../../shared/api.js';
import type { Lang } from '../types.js';

/** GET /api/submissions/:id (electron/server/forms/submissions.ts SubmissionView). */
export interface SubmissionView {
  id: string;
  formId: string;
  version: number;
  ticketId: string | null;
  language: Lang;
  filledBy: 'kiosk' | 'staff';
  fillerId: string | null;
  createdAt: string;
  answers: Answers;
  personalCodes: string[];
  personalPurged: boolean;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** The definition it was filled against: labels, choices, field order. */
  form: FormDefinition;
}

export interface SubmissionApi {
  submissionIdOf(ticketId: string): Promise<string | null>;
  read(id: string): Promise<SubmissionView>;
  markReviewed(id: string): Promise<{ reviewedBy: string; reviewedAt: string }>;
  forms(): Promise<FormDefinition[]>;
  create(form: { formId: string; version: number; language: Lang; answers: Answers; ticketId: string | null }): Promise<{ id: string }>;
  complete(id: string, form: { version: number; language: Lang; answers: Answers }): Promise<{ id: string }>;
}

const enc = encodeURIComponent;

export function submissionApi(api: ApiClient): SubmissionApi {
  return {
    submissionIdOf: async (ticketId) => {
      const t = await api.request<{ submissionId?: string | null }>('GET', `/api/tickets/${enc(ticketId)}`);
      return typeof t?.submissionId === 'string' ? t.submissionId : null;
    },
    read: (id) => api.request<SubmissionView>('GET', `/api/submissions/${enc(id)}`),
    markReviewed: (id) => api.request('POST', `/api/submissions/${enc(id)}/reviewed`, {}),
    forms: async () => {
      const list = await api.request<unknown>('GET', '/api/forms');
      return Array.isArray(list) ? (list as FormDefinition[]) : [];
    },
    create: (form) => api.request('POST', '/api/submissions', form),
    complete: (id, form) => api.request('PUT', `/api/submissions/${enc(id)}`, form),
  };
}
