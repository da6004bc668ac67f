// Images behind a bearer token cannot be an <img src>: fetch them and show a blob: URL
// (the CSP allows blob: images). The caller revokes the URL when done with it.
import { ApiError, OfflineError } from '../shared/api.js';

export async function fetchImageUrl(path: string, token: string, lang: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Authorization: `Bearer ${token}`, 'Accept-Language': lang }, cache: 'no-store' });
  } catch {
    throw new OfflineError();
  }
  if (!res.ok) {
    let code = `HTTP_${res.status}`;
    let message = res.statusText;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiError(res.status, code, message);
  }
  return URL.createObjectURL(await res.blob());
}
