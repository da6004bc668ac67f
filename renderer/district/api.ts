// The district page's HTTP client: bearer token from the login, JSON in and out, errors as
// {code, message} from the server (already in the reader's language).
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN = 'district.token';

export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN);
}

export function saveToken(t: string | null): void {
  if (t) sessionStorage.setItem(TOKEN, t);
  else sessionStorage.removeItem(TOKEN);
}

export async function call<T>(method: string, path: string, lang: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'Accept-Language': lang };
  const t = savedToken();
  if (t) headers.Authorization = `Bearer ${t}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const parsed = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) {
    if (res.status === 401) saveToken(null);
    throw new ApiFailure(res.status, parsed?.error?.code ?? 'HTTP', parsed?.error?.message ?? String(res.status));
  }
  return parsed as T;
}

/** Downloads a file the page may only fetch with its token (reports, form exports). */
export async function download(path: string, name: string): Promise<void> {
  const t = savedToken();
  const res = await fetch(path, { headers: t ? { Authorization: `Bearer ${t}` } : {} });
  if (!res.ok) throw new ApiFailure(res.status, 'DOWNLOAD', String(res.status));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
