// Filling one form on the kiosk: one shown question a screen (title, progress "3 / 7", the
// question, its hint, the right big control or on-screen keyboard, the error next to it),
// back and skip, then the review screen listing every answer with "change". Each screen is
// checked with the core validateField before going on; the whole form with validateAnswers
// before it is handed over, normalized and without the answers of hidden questions.
import './forms.css';
import { useState } from 'react';
import type { Answers, AnswerValue, FieldError, FormDefinition, FormField } from '../../../electron/core/forms/definition.js';
import { resolveDateBound, validateAnswers, validateField, type ValidateOptions } from '../../../electron/core/forms/validate.js';
import type { PageLanguage } from '../../shared/i18n.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { Paged } from '../components/Paged.js';
import { TapButton } from '../components/TapButton.js';
import { useKioskT } from '../useKioskT.js';
import { answerText } from '../../shared/forms/answerText.js';
import { ChoiceInput } from './ChoiceInput.js';
import { DatePicker } from './DatePicker.js';
import * as F from './fillerState.js';
import { useFormsT } from '../../shared/forms/formsText.js';
import { NumberEntry } from './NumberEntry.js';
import { TextEntry } from './TextEntry.js';
import { textMaxLength } from './textPad.js';
import { entryFor } from './keyboardFor.js';

export interface FormFillerProps {
  def: FormDefinition;
  lang: PageLanguage;
  opts: ValidateOptions;
  /** A draft to resume (after the server refused it) and the refusals to show. */
  draft?: Answers;
  errors?: Record<string, FieldError>;
  /** The label of the review screen's confirm button: take the ticket, or send. */
  confirmLabel: string;
  onConfirm: (answers: Answers) => void;
  /** Back from the first question. */
  onLeave: () => void;
  onHome: () => void;
}

export function FormFiller({ def, lang, opts, draft, errors, confirmLabel, onConfirm, onLeave, onHome }: FormFillerProps) {
  const [s, setS] = useState<F.FillerState>(() => F.startFilling(def, draft, errors));
  // The answer last changed from the review: the review reopens on its page.
  const [edited, setEdited] = useState<string | null>(null);
  const t = useFormsT(lang);
  const field = F.currentField(def, s);

  const goBack = () => {
    const b = F.back(def, s);
    if (b) setS(b);
    else onLeave();
  };

  if (!field) {
    const confirm = () => {
      const r = validateAnswers(def, s.answers, opts);
      if (r.ok) onConfirm(r.answers);
      else setS(F.refuseAll(def, s, r.fields));
    };
    const onEdit = (code: string) => {
      setEdited(code);
      setS(F.edit(s, code));
    };
    return <ReviewScreen def={def} lang={lang} s={s} onEdit={onEdit} edited={edited} onConfirm={confirm} confirmLabel={confirmLabel} onBack={goBack} onHome={onHome} />;
  }

  const goOn = () => {
    const r = validateField(field, s.answers[field.code], opts);
    if (!r.ok) return setS(F.refuse(s, field.code, r.error));
    setS(F.next(def, s));
  };
  const { position, total } = F.progress(def, s);
  const error = s.errors[field.code];
  const entry = entryFor(field);
  const input = entry.pad === 'numeric' ? 'pad' : entry.pad === 'text' ? 'keyboard' : field.type === 'date' ? 'date' : 'choices';
  return (
    // Keyed by the question: every button is new on each screen, so the second half of an
    // elderly double tap on "next" or "back" is ignored (TapButton's settle time) instead of
    // skipping a question.
    <ScreenFrame key={field.code} lang={lang} screen="form" title={def.title[lang]} onBack={goBack} onHome={onHome}>
      <div className={`form-question input-${input}`} data-testid="form-question" data-field={field.code} data-type={field.type}>
        <p className="form-progress" data-testid="form-progress">
          {t('Kiosk.progress', { position, total })}
        </p>
        <h2 className="form-label" id={`label-${field.code}`}>
          {field.label[lang]}
          {!field.required && <span className="form-optional"> {t('Kiosk.optional')}</span>}
        </h2>
        {field.hint && <p className="form-hint">{field.hint[lang]}</p>}
        {error && (
          <p className="notice error form-error" role="alert" data-testid="form-error" data-code={error.code}>
            {error.message}
          </p>
        )}
        <QuestionInput key={field.code} field={field} lang={lang} opts={opts} value={s.answers[field.code]} onChange={(v) => setS((cur) => F.answer(cur, field.code, v))} />
        <div className="form-actions">
          {!field.required && (
            <TapButton className="tap form-skip" onTap={() => setS(F.skip(def, s))} testId="form-skip">
              {t('Kiosk.skip')}
            </TapButton>
          )}
          <TapButton className="tap primary form-next" onTap={goOn} testId="form-next">
            {t('Kiosk.next')}
          </TapButton>
        </div>
      </div>
    </ScreenFrame>
  );
}

function QuestionInput({ field, lang, opts, value, onChange }: { field: FormField; lang: PageLanguage; opts: ValidateOptions; value: AnswerValue | undefined; onChange: (v: AnswerValue | undefined) => void }) {
  const t = useFormsT(lang);
  const kt = useKioskT(lang);
  const label = field.label[lang];
  const entry = entryFor(field);
  if (entry.pad === 'numeric') {
    return <NumberEntry mode={entry.mode} maxLength={entry.maxLength} value={value === undefined ? '' : String(value)} onChange={(v) => onChange(v || undefined)} kt={kt} label={label} />;
  }
  if (entry.pad === 'text') {
    return <TextEntry lang={lang} value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(v || undefined)} t={t} label={label} maxLength={textMaxLength(field)} />;
  }
  switch (field.type) {
    case 'date':
      return <DatePicker value={typeof value === 'string' ? value : undefined} start={dateStart(field, opts.today)} onChange={onChange} t={t} />;
    default:
      return <ChoiceInput field={field} lang={lang} value={value} onChange={onChange} t={t} />;
  }
}

/** Today, moved inside the field's bounds. */
function dateStart(field: FormField, today: string): string {
  const min = typeof field.min === 'string' ? resolveDateBound(field.min, today) : undefined;
  const max = typeof field.max === 'string' ? resolveDateBound(field.max, today) : undefined;
  if (min && today < min) return min;
  if (max && today > max) return max;
  return today;
}

interface ReviewProps {
  def: FormDefinition;
  lang: PageLanguage;
  s: F.FillerState;
  onEdit: (code: string) => void;
  onConfirm: () => void;
  confirmLabel: string;
  onBack: () => void;
  onHome: () => void;
  edited: string | null;
}

function ReviewScreen({ def, lang, s, onEdit, onConfirm, confirmLabel, onBack, onHome, edited }: ReviewProps) {
  const t = useFormsT(lang);
  const words = { yes: t('Kiosk.yes'), no: t('Kiosk.no'), agreed: t('Kiosk.review.agreed'), notAgreed: t('Kiosk.review.empty') };
  const shown = F.shownFields(def, s);
  return (
    <ScreenFrame lang={lang} screen="form-review" title={t('Kiosk.review.title')} onBack={onBack} onHome={onHome}>
      <p className="form-hint">{t('Kiosk.review.intro', { title: def.title[lang] })}</p>
      <Paged
        lang={lang}
        as="dl"
        count={shown.length}
        className="form-review"
        testId="form-review"
        initialIndex={Math.max(0, shown.findIndex((f) => f.code === edited))}
        renderItem={(i, measuring) => {
          const f = shown[i]!;
          const text = answerText(f, s.answers[f.code], lang, words);
          const error = s.errors[f.code];
          const id = (what: string) => (measuring ? undefined : `${what}-${f.code}`);
          return (
            <div key={f.code} className="form-review-row" data-field={measuring ? undefined : f.code}>
              <dt>{f.label[lang]}</dt>
              <dd className="form-review-value" dir="auto" data-testid={id('review-value')}>
                {text ?? <span className="form-empty">{t('Kiosk.review.empty')}</span>}
              </dd>
              {error && (
                <dd className="notice error" role="alert">
                  {error.message}
                </dd>
              )}
              <dd className="form-review-change">
                <TapButton className="tap form-change" onTap={() => onEdit(f.code)} testId={id('review-edit')}>
                  {t('Kiosk.review.change')}
                </TapButton>
              </dd>
            </div>
          );
        }}
      />
      <TapButton className="tap primary form-confirm" onTap={onConfirm} testId="form-confirm">
        {confirmLabel}
      </TapButton>
    </ScreenFrame>
  );
}
