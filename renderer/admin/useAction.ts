// One admin action at a time on a section: busy while it runs, its notice (or none) when it
// succeeds, its error when it fails, and in either case the section's data is fetched again,
// since a failed action may still have changed something on the server.
import { useState } from 'react';

export function useAction(reload: () => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<string | null>) => {
    setNotice(null);
    setError(null);
    setBusy(true);
    try {
      setNotice(await fn());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      await reload();
    }
  };
  return { error, setError, notice, busy, act };
}
