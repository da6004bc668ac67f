// Shows why something failed. The server already words its errors in the page language
// (Accept-Language); only "cannot reach the server" and the unexpected need our own text.
import { useTranslation } from 'react-i18next';
import { ApiError, OfflineError } from '../shared/api.js';

export function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof OfflineError) return t('Common.offline');
  if (error instanceof ApiError) {
    // A refused form names the fields (zod paths such as "names.bo" or "hours.mon"), so the
    // admin sees which one to correct.
    const issues = (error.details as { issues?: { path?: unknown }[] } | undefined)?.issues;
    const fields = Array.isArray(issues) ? issues.map((i) => (typeof i.path === 'string' ? i.path : '')).filter(Boolean) : [];
    const text = error.message || t('Common.unexpected');
    return fields.length > 0 ? `${text} (\u2066${[...new Set(fields)].join(', ')}\u2069)` : text;
  }
  return t('Common.unexpected');
}

export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation('admin');
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {errorText(error, t)}
    </p>
  );
}
