// The form attached to the ticket at the counter. When the counter calls a ticket that has a
// submission, the panel reads it (GET /api/submissions/:id — audited on the server) and shows
// it in Chinese with the values as entered (forms/SubmissionSheet), with "reviewed" and an A4
// print. Staff can fill the form for the resident (帮办代办) when there is none, or complete
// the one there is (forms/StaffFormEditor); forms allowed without a ticket can be filled
// with no ticket called. It never invents content: no ticket, no submission, say so.
import './forms/forms.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, FormDefinition } from '../../electron/core/forms/definition.js';
import type { ApiClient } from '../shared/api.js';
import { StaffFormEditor } from './forms/StaffFormEditor.js';
import { SubmissionSheet } from './forms/SubmissionSheet.js';
import { submissionApi, type SubmissionView } from './forms/submissionApi.js';
import type { Lang, TicketView } from './types.js';

type Loaded = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; message: string } | { state: 'none'; ticketId: string } | { state: 'ready'; s: SubmissionView };
type Editing = null | { def: FormDefinition; initial: Answers; submissionId: string | null; language: Lang };

export function FormPanel({ api, ticket }: { api: ApiClient; ticket: TicketView | null }) {
  const { t } = useTranslation('forms');
  const forms = useMemo(() => submissionApi(api), [api]);
  const atCounter = ticket && (ticket.state === 'called' || ticket.state === 'serving') ? ticket : null;
  const ticketId = atCounter?.id ?? null;
  const [loaded, setLoaded] = useState<Loaded>({ state: 'idle' });
  const [defs, setDefs] = useState<FormDefinition[]>([]);
  const [editing, setEditing] = useState<Editing>(null);
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const load = useCallback(
    async (id: string | null, live: () => boolean = () => true) => {
      if (!id) return setLoaded({ state: 'idle' });
      setLoaded({ state: 'loading' });
      try {
        const sid = await forms.submissionIdOf(id);
        if (!live()) return;
        if (!sid) return setLoaded({ state: 'none', ticketId: id });
        const s = await forms.read(sid);
        if (live()) setLoaded({ state: 'ready', s });
      } catch (e) {
        if (live()) setLoaded({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    },
    [forms],
  );

  useEffect(() => {
    let live = true;
    setEditing(null);
    setChoosing(false);
    setNote(null);
    void load(ticketId, () => live);
    return () => {
      live = false;
    };
  }, [ticketId, load]);

  // The kiosk sends the form just after issuing the ticket; if the counter called it in
  // between, look again when the ticket moves on (recalled, started) while none is shown.
  const moved = `${atCounter?.state ?? ''}|${atCounter?.lastCalledAt ?? ''}`;
  const noneYet = loaded.state === 'none' && loaded.ticketId === ticketId;
  useEffect(() => {
    if (!noneYet) return;
    let live = true;
    void load(ticketId, () => live);
    return () => {
      live = false;
    };
    // Only a move of the ticket triggers this (noneYet and ticketId are read as they are then).
  }, [moved]);

  useEffect(() => {
    forms.forms().then(setDefs, () => setDefs([]));
  }, [forms]);

  /** The active definitions afresh: an admin may have imported a new version since the page loaded. */
  const freshDefs = async (): Promise<FormDefinition[]> => {
    try {
      const d = await forms.forms();
      setDefs(d);
      return d;
    } catch {
      return defs;
    }
  };
  const openChooser = async () => {
    await freshDefs();
    setChoosing(true);
  };
  /** Completing is done against the form's active version (the server refuses a retired one). */
  const openComplete = async (s: SubmissionView) => {
    const active = (await freshDefs()).find((d) => d.id === s.formId);
    setEditing({ def: active ?? s.form, initial: s.answers, submissionId: s.id, language: s.language });
  };

  const markReviewed = async (s: SubmissionView) => {
    setBusy(true);
    try {
      const r = await forms.markReviewed(s.id);
      setLoaded({ state: 'ready', s: { ...s, reviewedBy: r.reviewedBy, reviewedAt: r.reviewedAt } });
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  /** Forms staff may fill now: the ticket's service's form first; with no ticket only those allowed without one. */
  const fillable = defs
    .filter((d) => (atCounter ? true : d.allowWithoutTicket))
    .sort((a, b) => Number(b.serviceId === atCounter?.serviceId) - Number(a.serviceId === atCounter?.serviceId));
  const startFill = (def: FormDefinition) => {
    setChoosing(false);
    setEditing({ def, initial: {}, submissionId: null, language: atCounter?.language ?? 'zh' });
  };

  const save = async (answers: Answers) => {
    if (!editing) return;
    const { def, submissionId, language } = editing;
    if (submissionId) await forms.complete(submissionId, { version: def.version, language, answers });
    else await forms.create({ formId: def.id, version: def.version, language, answers, ticketId });
    setEditing(null);
    setNote(t('Counter.saved'));
    await load(ticketId);
  };

  let body;
  if (editing) {
    body = <StaffFormEditor key={editing.def.id} def={editing.def} initial={editing.initial} save={save} onCancel={() => setEditing(null)} />;
  } else if (choosing) {
    body = (
      <div className="staff-form-choice" data-testid="staff-form-choice">
        <p>{t('Counter.chooseForm')}</p>
        {fillable.map((d) => (
          <button key={d.id} type="button" className="big" onClick={() => startFill(d)} data-testid={`staff-fill-${d.id}`}>
            {d.title.zh}
          </button>
        ))}
        <button type="button" className="plain" onClick={() => setChoosing(false)}>
          {t('Counter.cancel')}
        </button>
      </div>
    );
  } else if (loaded.state === 'ready') {
    const s = loaded.s;
    body = (
      <>
        <SubmissionSheet s={s} ticketCode={atCounter?.code ?? null} />
        <div className="submission-actions no-print">
          <button type="button" className="big primary" disabled={busy || !!s.reviewedAt} onClick={() => void markReviewed(s)} data-testid="submission-mark-reviewed">
            {s.reviewedAt ? t('Counter.reviewed') : t('Counter.markReviewed')}
          </button>
          <button type="button" className="big" onClick={() => window.print()} data-testid="submission-print">
            {t('Counter.print')}
          </button>
          {!s.personalPurged && (
            <button type="button" className="big" onClick={() => void openComplete(s)} data-testid="submission-complete">
              {t('Counter.complete')}
            </button>
          )}
        </div>
      </>
    );
  } else {
    const text =
      loaded.state === 'loading' ? t('Counter.loading') : loaded.state === 'failed' ? `${t('Counter.loadFailed')} ${loaded.message}` : loaded.state === 'none' ? t('Counter.none') : t('Counter.noTicket');
    body = (
      <>
        <p className="form-none" data-testid="form-panel-state" data-state={loaded.state}>
          {text}
        </p>
        {loaded.state !== 'loading' && fillable.length > 0 && (
          <button type="button" className="big no-print" onClick={() => void openChooser()} data-testid="staff-fill">
            {t('Counter.fill')}
          </button>
        )}
      </>
    );
  }

  return (
    <section className="form-panel" data-testid="form-panel" aria-label={t('Counter.title')}>
      <h2>{t('Counter.title')}</h2>
      {note && (
        <p className="form-note no-print" role="status" data-testid="form-panel-note">
          {note}
        </p>
      )}
      {body}
    </section>
  );
}
