// The active form definitions, fetched once and kept for a minute (a new version imported by
// staff reaches the kiosk within that), retried while the server cannot be reached. The cache
// holds definitions only, never answers, so it survives the idle wipe harmlessly.
import { useEffect, useState } from 'react';
import type { FormDefinition } from '../../../electron/core/forms/definition.js';
import type { KioskApi } from '../kioskApi.js';

const FRESH_MS = 60_000;

let cached: { api: KioskApi; at: number; forms: Promise<FormDefinition[]> } | null = null;

export function loadFormDefinitions(api: KioskApi): Promise<FormDefinition[]> {
  const now = Date.now();
  if (cached && cached.api === api && now - cached.at < FRESH_MS) return cached.forms;
  const forms = api.forms();
  const entry = { api, at: now, forms };
  cached = entry;
  // A failed fetch is not kept: the next caller asks again.
  forms.catch(() => {
    if (cached === entry) cached = null;
  });
  return forms;
}

/** A definition changed on the server (409 FORM_VERSION_MISMATCH): the next screen fetches afresh. */
export function forgetFormDefinitions(): void {
  cached = null;
}

export type DefinitionsState = { status: 'loading' } | { status: 'offline' } | { status: 'ready'; forms: FormDefinition[] };

export function useFormDefinitions(api: KioskApi, retryMs: number): DefinitionsState {
  const [state, setState] = useState<DefinitionsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      loadFormDefinitions(api).then(
        (forms) => live && setState({ status: 'ready', forms }),
        (e: unknown) => {
          if (!live) return;
          console.warn('kiosk: form definitions unavailable, retrying', e);
          setState({ status: 'offline' });
          timer = setTimeout(attempt, retryMs);
        },
      );
    };
    attempt();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, retryMs]);
  return state;
}
