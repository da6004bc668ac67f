// The hall CA certificate for counter PCs to trust. The PEM is public: a certificate gives no
// power, and a counter PC fetching it has no credential yet. What makes trusting it safe is
// comparing its fingerprint with the one shown on the hall machine itself (server console or
// the admin page opened there), so the admin view repeats the fingerprint and names.
import type { ServerContext } from '../../context.js';
import { HttpError } from '../errors.js';
import type { Router } from '../router.js';

export function registerTlsRoutes(router: Router, ctx: ServerContext): void {
  router.add('GET', '/api/tls/ca.pem', { access: 'public' }, () => {
    if (!ctx.tls) throw new HttpError(404, 'NOT_FOUND');
    return {
      status: 200,
      body: ctx.tls.caPem,
      contentType: 'application/x-pem-file',
      headers: { 'Content-Disposition': 'attachment; filename="hall-ca.pem"' },
    };
  });

  router.add('GET', '/api/tls', { access: ['admin'] }, () => {
    const t = ctx.tls;
    return {
      status: 200,
      json: t ? { enabled: true, caFingerprint: t.caFingerprint, names: t.names, caPem: t.caPem } : { enabled: false, caFingerprint: null, names: [], caPem: null },
    };
  });
}
