// Issue 17 item 8: the hall CA carries a critical NameConstraints extension, so a copy of
// ca.key cannot vouch for any other website: Node's TLS (OpenSSL, with the hall CA as the
// only trust root) refuses a certificate it made for another name or a public address, and
// the shell's pin does not accept it either; the hall's own certificate is still accepted.
import assert from 'node:assert/strict';
import { webcrypto, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { connect, createServer } from 'node:tls';
import { after, describe, it } from 'node:test';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { ACCEPT, certificateVerdict, REFUSE } from '../../electron/shell/certificatePin.js';
import { ensureHallTls } from '../../electron/server/tls/hallCa.js';
import { namePermitted, permittedDnsOfCa } from '../../electron/server/tls/nameConstraints.js';
import { tempDir } from '../support/hall.js';

const tmp = tempDir('hall-tls-nc-');
after(() => tmp.remove());
const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** What a thief holding ca.key could do: a server certificate for any names. */
async function forged(caPem: string, caKeyPem: string, names: { type: 'dns' | 'ip'; value: string }[]): Promise<{ cert: string; key: string }> {
  const keys = (await crypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const signingKey = await crypto.subtle.importKey('pkcs8', new Uint8Array(pemBody(caKeyPem)), ALG, false, ['sign']);
  const ca = new x509.X509Certificate(caPem);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: '01ab',
    subject: `CN=${names[0]!.value}`,
    issuer: ca.subject,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 30 * 86_400_000),
    publicKey: keys.publicKey,
    signingKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { cert: cert.toString('pem') + '\n', key: `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n` };
}

/** A TLS handshake with the hall CA as the only root; the name check is left to `servername`. */
async function handshake(chain: string, key: string, caPem: string, servername: string | undefined, checkName: boolean): Promise<string> {
  const server = createServer({ cert: chain, key }, (s) => s.end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  try {
    return await new Promise<string>((resolve) => {
      const s = connect({ host: '127.0.0.1', port, ca: caPem, ...(servername ? { servername } : {}), ...(checkName ? {} : { checkServerIdentity: () => undefined }) });
      s.on('secureConnect', () => (s.end(), resolve('ok')));
      s.on('error', (e: NodeJS.ErrnoException) => resolve(`${e.code ?? ''} ${e.message}`));
    });
  } finally {
    server.close();
  }
}

describe('hall CA name constraints', () => {
  it('the CA constrains names; a certificate it makes for another name or a public address is refused; the hall’s own is accepted', async () => {
    const tls = await ensureHallTls(tmp.dir, ['127.0.0.1', 'localhost', 'hall.lan', '203.0.113.9']);
    assert.equal(tls.caNameConstrained, true);
    const ca = new X509Certificate(tls.caPem);
    const permitted = permittedDnsOfCa(ca.raw)!;
    assert.ok(permitted.includes('hall.lan') && permitted.includes('local'), permitted.join(' '));
    // The critical flag: 06 03 55 1D 1E 01 01 FF.
    assert.ok(ca.raw.includes(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x1e, 0x01, 0x01, 0xff])));
    // A public address is left out of the server certificate instead of spoiling it.
    assert.ok(!tls.names.includes('203.0.113.9') && tls.names.includes('127.0.0.1'), tls.names.join(' '));
    assert.equal(namePermitted('192.168.1.20', permitted), true);
    assert.equal(namePermitted('8.8.8.8', permitted), false);
    assert.equal(namePermitted('bank.example', permitted), false);

    // The hall's own certificate: accepted, name check included.
    assert.equal(await handshake(tls.certChainPem, tls.keyPem, tls.caPem, undefined, true), 'ok');

    const caKey = readFileSync(join(tmp.dir, 'tls', 'ca.key'), 'utf8');
    for (const names of [[{ type: 'dns' as const, value: 'bank.example' }], [{ type: 'ip' as const, value: '8.8.8.8' }], [{ type: 'dns' as const, value: 'hall.lan' }, { type: 'dns' as const, value: 'www.example.com' }]]) {
      const evil = await forged(tls.caPem, caKey, names);
      // Refused by the chain check itself (the name check is switched off here).
      const r = await handshake(evil.cert + tls.caPem, evil.key, tls.caPem, names[0]!.type === 'dns' ? names[0]!.value : undefined, false);
      assert.notEqual(r, 'ok', `${names.map((n) => n.value).join(',')} was accepted`);
      assert.match(r, /SUBTREE|NAME_CONSTRAINT|subtree/i);
    }

    // The shell's pin: a forged certificate for another name is never accepted for the hall.
    const pin = { host: '127.0.0.1', caFingerprint: tls.caFingerprint };
    const evil = await forged(tls.caPem, caKey, [{ type: 'dns', value: 'bank.example' }]);
    const now = Date.now();
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: { data: evil.cert, issuerCert: { data: tls.caPem } } }, pin, now), REFUSE);
    assert.notEqual(certificateVerdict({ hostname: 'bank.example', certificate: { data: evil.cert, issuerCert: { data: tls.caPem } } }, pin, now), ACCEPT);
    const own = tls.certChainPem.slice(0, tls.certChainPem.indexOf('-----END CERTIFICATE-----') + 26);
    assert.equal(certificateVerdict({ hostname: '127.0.0.1', certificate: { data: own, issuerCert: { data: tls.caPem } } }, pin, now), ACCEPT);
  });
});
