// A big console button: label, its keyboard shortcut, and — when it does not apply — the
// reason, shown under it (not in a hover tooltip: staff should not have to hunt for it).
import { useTranslation } from 'react-i18next';
import type { Availability } from './actions.js';

export function ActionButton(props: { id: string; label: string; shortcut?: string; availability: Availability; busy: boolean; onClick: () => void; tone?: 'primary' | 'danger' }) {
  const { t } = useTranslation('counter');
  const { id, label, shortcut, availability, busy, onClick, tone } = props;
  const reasonId = `reason-${id}`;
  return (
    <div className="action">
      <button
        type="button"
        className={`big action-btn ${tone ?? ''}`}
        disabled={!availability.enabled || busy}
        aria-describedby={availability.reason ? reasonId : undefined}
        aria-keyshortcuts={shortcut}
        data-testid={`action-${id}`}
        onClick={onClick}
      >
        <span className="action-label">{label}</span>
        {shortcut ? (
          <kbd className="action-key" dir="ltr">
            {shortcut}
          </kbd>
        ) : null}
      </button>
      {availability.reason ? (
        <span className="action-reason" id={reasonId} data-testid={`reason-${id}`}>
          {t(availability.reason.key, availability.reason.vars ?? {})}
        </span>
      ) : null}
    </div>
  );
}
