// Staff filling a form for a resident (帮办代办) on a real keyboard: a plain desktop form with
// every shown field (a field appears as soon as its `relevant` rule holds), Chinese labels,
// checked with the same core validator as the kiosk and the server. Saving POSTs a new
// submission with the ticket id, or PUTs the completed answers of an existing one; the
// server records the staff member as the filler. A 422's field errors land on their fields.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, AnswerValue, FieldError, FormDefinition, FormField } from '../../../electron/core/forms/definition.js';
import { validateAnswers, validateField, visibleFields } from '../../../electron/core/forms/validate.js';
import { ApiError } from '../../shared/api.js';
import { useValidateOptions } from '../../shared/forms/formsText.js';
import { hallTimeZone } from '../../shared/hallClock.js';
import type { Lang } from '../types.js';

export interface StaffFormEditorProps {
  def: FormDefinition;
  initial: Answers;
  save: (answers: Answers) => Promise<void>;
  onCancel: () => void;
}

/** The server's per-field refusals of a 422. */
function refused(e: unknown): Record<string, FieldError> | null {
  if (!(e instanceof ApiError) || e.status !== 422) return null;
  const f = (e.details as { fields?: Record<string, FieldError> } | undefined)?.fields;
  return f && typeof f === 'object' ? f : null;
}

export function StaffFormEditor({ def, initial, save, onCancel }: StaffFormEditorProps) {
  const { t, i18n } = useTranslation('forms');
  // Messages in the staff member's UI language; the server answers a 422 in the resident's.
  const opts = useValidateOptions((['zh', 'bo', 'ug'].includes(i18n.language) ? i18n.language : 'zh') as Lang, hallTimeZone());
  const [answers, setAnswers] = useState<Answers>(() => ({ ...initial }));
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const shown = visibleFields(def, answers);

  const set = (code: string, v: AnswerValue | undefined) => {
    setAnswers((a) => {
      const n = { ...a };
      if (v === undefined || v === '') delete n[code];
      else n[code] = v;
      return n;
    });
    setErrors((e) => {
      const n = { ...e };
      delete n[code];
      return n;
    });
  };
  const check = (f: FormField) => {
    const r = validateField(f, answers[f.code], opts);
    if (!r.ok) setErrors((e) => ({ ...e, [f.code]: r.error }));
  };

  const submit = async () => {
    const r = validateAnswers(def, answers, opts);
    if (!r.ok) {
      setErrors(r.fields);
      setMessage(t('Counter.fixErrors'));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await save(r.answers);
    } catch (e) {
      const fields = refused(e);
      if (fields) {
        setErrors(fields);
        setMessage(t('Counter.fixErrors'));
      } else setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="staff-form"
      data-testid="staff-form"
      data-form-id={def.id}
      lang="zh"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{def.title.zh}</h3>
      {shown.map((f) => (
        <div key={f.code} className={`staff-field${errors[f.code] ? ' invalid' : ''}`}>
          <FieldInput f={f} value={answers[f.code]} onChange={(v) => set(f.code, v)} onBlur={() => check(f)} words={{ yes: t('Kiosk.yes'), no: t('Kiosk.no'), select: t('Counter.select'), required: t('Counter.required') }} />
          {errors[f.code] && (
            <p className="error" role="alert" data-testid={`staff-error-${f.code}`} data-code={errors[f.code]!.code}>
              {errors[f.code]!.message}
            </p>
          )}
        </div>
      ))}
      {message && (
        <p className="error" role="alert" data-testid="staff-form-message">
          {message}
        </p>
      )}
      <div className="staff-form-actions">
        <button type="submit" className="big primary" disabled={busy} data-testid="staff-form-save">
          {t('Counter.save')}
        </button>
        <button type="button" className="big" onClick={onCancel} disabled={busy} data-testid="staff-form-cancel">
          {t('Counter.cancel')}
        </button>
      </div>
    </form>
  );
}

interface Words {
  yes: string;
  no: string;
  select: string;
  required: string;
}

function FieldInput({ f, value, onChange, onBlur, words }: { f: FormField; value: AnswerValue | undefined; onChange: (v: AnswerValue | undefined) => void; onBlur: () => void; words: Words }) {
  const id = `staff-field-${f.code}`;
  const label = (
    <span className="staff-label">
      {f.label.zh}
      {f.required && <span className="required-mark"> *{words.required}</span>}
      {f.hint && <span className="staff-hint">{f.hint.zh}</span>}
    </span>
  );
  const str = value === undefined ? '' : String(value);
  switch (f.type) {
    case 'longtext':
      return (
        <label htmlFor={id}>
          {label}
          <textarea id={id} data-testid={id} dir="auto" rows={4} value={str} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />
        </label>
      );
    case 'date':
      return (
        <label htmlFor={id}>
          {label}
          <input id={id} data-testid={id} type="date" value={str} onChange={(e) => onChange(e.target.value || undefined)} onBlur={onBlur} />
        </label>
      );
    case 'choice':
      return (
        <label htmlFor={id}>
          {label}
          <select id={id} data-testid={id} value={str} onChange={(e) => onChange(e.target.value || undefined)} onBlur={onBlur}>
            <option value="">{words.select}</option>
            {(f.choices ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.label.zh}
              </option>
            ))}
          </select>
        </label>
      );
    case 'multichoice': {
      const picked = Array.isArray(value) ? value : [];
      return (
        <fieldset data-testid={id} onBlur={onBlur}>
          <legend>{label}</legend>
          {(f.choices ?? []).map((c) => (
            <label key={c.code} className="staff-check">
              <input
                type="checkbox"
                data-testid={`${id}-${c.code}`}
                checked={picked.includes(c.code)}
                onChange={(e) => {
                  const n = e.target.checked ? [...picked, c.code] : picked.filter((x) => x !== c.code);
                  onChange(n.length ? n : undefined);
                }}
              />
              {c.label.zh}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'yesno':
      return (
        <fieldset data-testid={id}>
          <legend>{label}</legend>
          {[true, false].map((v) => (
            <label key={String(v)} className="staff-check">
              <input type="radio" name={id} data-testid={`${id}-${v ? 'yes' : 'no'}`} checked={value === v} onChange={() => onChange(v)} />
              {v ? words.yes : words.no}
            </label>
          ))}
        </fieldset>
      );
    case 'consent':
      return (
        <label className="staff-check" htmlFor={id}>
          <input id={id} data-testid={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked ? true : undefined)} />
          {label}
        </label>
      );
    default: {
      const numeric = f.type === 'phone' || f.type === 'resident_id' || f.type === 'integer' || f.type === 'decimal';
      return (
        <label htmlFor={id}>
          {label}
          <input
            id={id}
            data-testid={id}
            type="text"
            dir={numeric ? 'ltr' : 'auto'}
            inputMode={f.type === 'decimal' ? 'decimal' : numeric && f.type !== 'resident_id' ? 'numeric' : undefined}
            value={str}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        </label>
      );
    }
  }
}
