// The shell's TLS policy: exactly the hall CA, by fingerprint, for the hall's host only.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureHallTls, type HallTls } from '../../electron/server/tls/hallCa.js';
import { ACCEPT, certificateVerdict, hallPin, REFUSE, USE_CHROMIUM, type CertificateLike } from '../../electron/shell/certificatePin.js';

/** Electron's Certificate shape from a PEM chain (leaf first), as the server sends it. */
function chainOf(pems: string): CertificateLike {
  const certs = pems.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g)!;
  let issuer: CertificateLike | null = null;
  for (const pem of [...certs].reverse()) issuer = { data: pem, issuerCert: issuer };
  return issuer!;
}

describe('certificate pinning policy', () => {
  const root = mkdtempSync(join(tmpdir(), 'hall-pin-'));
  let hall: HallTls;
  let otherName: HallTls;
  let otherCa: HallTls;
  const now = Date.now();
  before(async () => {
    hall = await ensureHallTls(join(root, 'hall'), ['127.0.0.1', 'hall.local']);
    // The same hall CA, but a server certificate for another name.
    mkdirSync(join(root, 'other-name', 'tls'), { recursive: true });
    for (const f of ['ca.pem', 'ca.key']) copyFileSync(join(root, 'hall', 'tls', f), join(root, 'other-name', 'tls', f));
    otherName = await ensureHallTls(join(root, 'other-name'), ['printer.example']);
    // Another self-signed CA claiming the hall's own address.
    otherCa = await ensureHallTls(join(root, 'other-ca'), ['127.0.0.1', 'hall.local']);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const pinFor = () => hallPin('https://127.0.0.1:8443', hall.caFingerprint)!;

  it('accepts the hall certificate signed by the pinned CA, by address and by name', () => {
    assert.equal(otherName.caFingerprint, hall.caFingerprint, 'fixture: same CA');
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: chainOf(hall.certChainPem) }, pinFor(), now), ACCEPT);
    const byName = hallPin('https://hall.local:8443', hall.caFingerprint.replaceAll(':', '').toLowerCase())!;
    assert.equal(certificateVerdict({ hostname: 'hall.local', certificate: chainOf(hall.certChainPem) }, byName, now), ACCEPT);
  });

  it('refuses a certificate the hall CA made for another name', () => {
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: chainOf(otherName.certChainPem) }, pinFor(), now), REFUSE);
  });

  it('refuses any other self-signed CA, the CA certificate itself, a chain without the CA, and an expired certificate', () => {
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: chainOf(otherCa.certChainPem) }, pinFor(), now), REFUSE);
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: chainOf(hall.caPem) }, pinFor(), now), REFUSE);
    const leafOnly = { data: chainOf(hall.certChainPem).data, issuerCert: null };
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: leafOnly }, pinFor(), now), REFUSE);
    // A leaf signed by another key but carrying the pinned CA in its chain.
    const spliced = { data: chainOf(otherCa.certChainPem).data, issuerCert: { data: hall.caPem } };
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: spliced }, pinFor(), now), REFUSE);
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: chainOf(hall.certChainPem) }, pinFor(), now + 3 * 365 * 86_400_000), REFUSE);
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: { data: 'not a certificate' } }, pinFor(), now), REFUSE);
  });

  it("leaves other hosts to Chromium's own verification, and plain http has no pin", () => {
    assert.equal(certificateVerdict({ hostname: 'example.org', certificate: chainOf(hall.certChainPem) }, pinFor(), now), USE_CHROMIUM);
    assert.equal(hallPin('http://127.0.0.1:8080', hall.caFingerprint), null);
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: chainOf(hall.certChainPem) }, null, now), USE_CHROMIUM);
  });
});
