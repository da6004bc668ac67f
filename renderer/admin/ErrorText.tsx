// Shows why something failed. The server already words its errors in the page language
// (Accept-Language); only "cannot reach the server" and the unexpected need our own text.
import { useTranslation } from 'react-i18next';
import { ApiError, OfflineError } from '../shared/api.js';

export function errorText(error: unknown, t: (key: string) => string): string {
  if (error instanceof OfflineError) return t('Common.offline');
  if (error instanceof ApiError) return error.message || t('Common.unexpected');
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
