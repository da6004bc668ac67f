// Sends a confirmed form: with the ticket id once the ticket is issued ('submitting'), or on
// its own for forms that need no ticket ('directSending'). Every attempt of one submission
// carries the same Idempotency-Key; with a ticket the server also keeps one submission per
// ticket and form, so a retry after a lost answer gets SUBMISSION_EXISTS, which means "sent".
// A refusal (422) sends the resident back to the form with the server's errors on their
// fields. With a ticket, after a few failed attempts the ticket is shown anyway with a note to
// tell staff (who can fill the form at the counter); without one, the resident may try again.
import { useEffect } from 'react';
import type { FieldError } from '../../../electron/core/forms/definition.js';
import { ApiError } from '../../shared/api.js';
import type { Action, Step } from '../flow.js';
import { isOffline, isUnpaired, type KioskApi } from '../kioskApi.js';
import { forgetFormDefinitions } from './useFormDefinitions.js';

/** Attempts with a ticket before giving up and showing the ticket with the "tell staff" note. */
const TICKET_ATTEMPTS = 3;

/** The per-field refusals of a 422, or null when the error is not one. */
export function refusedFields(e: unknown): Record<string, FieldError> | null {
  if (!(e instanceof ApiError) || e.status !== 422) return null;
  const fields = (e.details as { fields?: unknown } | null | undefined)?.fields;
  if (!fields || typeof fields !== 'object') return null;
  const out: Record<string, FieldError> = {};
  for (const [code, err] of Object.entries(fields as Record<string, unknown>)) {
    const x = err as Partial<FieldError> | null;
    if (x && typeof x.message === 'string') out[code] = { code: typeof x.code === 'string' ? x.code : 'INVALID', message: x.message };
  }
  return Object.keys(out).length ? out : null;
}

export function useFormSubmission(step: Step, api: KioskApi, retryMs: number, dispatch: (a: Action) => void, markUnpaired: () => void): void {
  const job =
    step.name === 'submitting'
      ? { form: step.request.form, ticketId: step.ticket.id, key: step.key }
      : step.name === 'directSending' && step.failed === null
        ? { form: step.form, ticketId: null, key: step.key }
        : null;
  const form = job?.form;
  const ticketId = job?.ticketId ?? null;
  const key = job?.key;
  useEffect(() => {
    if (!form || !key) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    const attempt = async () => {
      attempts++;
      try {
        await api.submitForm(form, ticketId, key);
        if (!cancelled) dispatch(ticketId ? { type: 'formSent' } : { type: 'directSent' });
      } catch (e) {
        if (cancelled) return;
        if (isUnpaired(e)) return markUnpaired();
        // An earlier attempt did reach the server (its answer was lost): the form is there.
        if (ticketId && e instanceof ApiError && e.code === 'SUBMISSION_EXISTS') return dispatch({ type: 'formSent' });
        // Staff imported a new version while this resident was filling: back to the review with
        // the draft, under the new version fetched afresh (the ticket, if issued, is kept).
        if (e instanceof ApiError && e.code === 'FORM_VERSION_MISMATCH') {
          forgetFormDefinitions();
          return dispatch({ type: 'formRejected', errors: {} });
        }
        const refused = refusedFields(e);
        if (refused) return dispatch({ type: 'formRejected', errors: refused });
        const retryable = isOffline(e) || !(e instanceof ApiError) || e.status >= 500;
        console.warn('kiosk: sending the form failed', e);
        if (ticketId) {
          if (retryable && attempts < TICKET_ATTEMPTS) timer = setTimeout(() => void attempt(), retryMs);
          else dispatch({ type: 'formFailed' });
        } else {
          dispatch({ type: 'directFailed', message: e instanceof ApiError && !retryable ? e.message : '' });
        }
      }
    };
    void attempt();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [form, ticketId, key, api, retryMs, dispatch, markUnpaired]);
}
