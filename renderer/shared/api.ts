// The hall API client used by every page. Errors arrive as {error:{code,message}}; the
// message is already in the language the page asked for (Accept-Language).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details` as the server sent them (e.g. a 422's per-field refusals). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Thrown when the hall server cannot be reached at all (network down, server restarting). */
export class OfflineError extends Error {
  constructor() {
    super('The hall server cannot be reached.');
    this.name = 'OfflineError';
  }
}

export interface RequestOptions {
  timeoutMs?: number;
  /** Extra headers, e.g. the kiosk's Idempotency-Key. */
  headers?: Record<string, string>;
}

export interface ApiClient {
  request<T>(method: string, path: string, body?: unknown, opts?: RequestOptions): Promise<T>;
}

export function createApi(getToken: () => string | null, getLang: () => string): ApiClient {
  return {
    async request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
      const headers: Record<string, string> = { ...opts.headers, 'Accept-Language': getLang() };
      const token = getToken();
      if (token) headers.Authorization = `Bearer ${token}`;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 10_000);
      let res: Response;
      try {
        res = await fetch(path, {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          signal: controller.signal,
          cache: 'no-store',
        });
      } catch {
        throw new OfflineError();
      } finally {
        clearTimeout(timer);
      }
      if (res.status === 204) return null as T;
      const text = await res.text();
      let data: unknown = null;
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        data = null;
      }
      if (!res.ok) {
        const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
        if (res.status >= 502 && !err) throw new OfflineError();
        throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.details);
      }
      return data as T;
    },
  };
}
