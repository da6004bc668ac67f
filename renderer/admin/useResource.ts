// Loads one thing from the API and keeps {data, error} for rendering; reload() refetches.
// A stale response (an older request finishing after a newer one) is dropped.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
}

export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const mounted = useRef(true);
  // Callers pass the real dependencies of `load`, as with useCallback.
  const run = useCallback(load, deps);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await run();
      if (mounted.current && mine === seq.current) {
        setData(value);
        setError(null);
      }
    } catch (e) {
      if (mounted.current && mine === seq.current) setError(e);
    } finally {
      if (mounted.current && mine === seq.current) setLoading(false);
    }
  }, [run]);

  useEffect(() => {
    mounted.current = true;
    void reload();
    return () => {
      mounted.current = false;
    };
  }, [reload]);

  return { data, error, loading, reload };
}
