import * as fs from 'fs';
import * as path from 'path';
import type * as Forge from 'node-forge';

/** A self-signed server certificate for the plugin's TLS listener, as PEM, and its DER form for the handshake. */
export interface ServerCertificate {
  readonly certPem: string;
  readonly keyPem: string;
  readonly certDer: Buffer;
}

/**
 * go-plugin's automatic mTLS: Terraform pins the certificate the plugin prints in its handshake line, so it must be a
 * CA certificate valid for localhost and 127.0.0.1. EC keys would be faster, but node-forge makes RSA only; 2048
 * bits takes ~100-300 ms, once per provider process.
 */
export function selfSignedCertificate(): ServerCertificate {
  // Loaded only here: most provider starts reuse the cached certificate, and node-forge costs ~60 ms to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const forge = require('node-forge') as typeof Forge;
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(8));
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const subject = [{ name: 'organizationName', value: 'cdktf-azure-mlops terraform emulator' }, { name: 'commonName', value: 'localhost' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return {
    certPem: forge.pki.certificateToPem(cert),
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
    certDer: Buffer.from(der, 'binary'),
  };
}

/**
 * The certificate kept in `dir`, made once: node-forge's RSA key generation costs a few hundred ms, and Terraform
 * starts each provider twice per command. Terraform pins whatever certificate the handshake line carries, so one
 * certificate for every process of an emulator is as good as a new one each time.
 */
export function cachedCertificate(dir: string | undefined): ServerCertificate {
  if (!dir) return selfSignedCertificate();
  const file = path.join(dir, 'provider-certificate.json');
  try {
    const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as { certPem: string; keyPem: string; certDer: string };
    return { certPem: cached.certPem, keyPem: cached.keyPem, certDer: Buffer.from(cached.certDer, 'base64') };
  } catch {
    const made = selfSignedCertificate();
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ certPem: made.certPem, keyPem: made.keyPem, certDer: made.certDer.toString('base64') }), { mode: 0o600 });
    fs.renameSync(tmp, file);
    return made;
  }
}
