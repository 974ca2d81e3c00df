import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type CryptoKey } from 'jose';

/**
 * A stand-in for Entra ID on loopback: serves the tenant's JWKS at the real path
 * (/{tid}/discovery/v2.0/keys) and signs tokens shaped like Teams SSO tokens.
 */
export class FakeEntra {
  url = '';
  private server: Server | undefined;
  private key!: CryptoKey;
  private jwk!: JWK;
  readonly kid = 'fake-key-1';
  requests = 0;

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.key = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: this.kid, alg: 'RS256', use: 'sig' };
    this.server = createServer((req, res) => {
      this.requests++;
      if (/^\/[0-9a-f-]{36}\/discovery\/v2\.0\/keys$/.test(req.url ?? '')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [this.jwk] }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${address.port}`;
    return this;
  }

  /** A v2 token unless `claims.ver` is '1.0'. */
  async token(claims: Record<string, unknown>, options: { key?: CryptoKey; expiresIn?: string; issuer?: string; audience?: string } = {}) {
    const tid = claims.tid as string;
    const v1 = claims.ver === '1.0';
    return new SignJWT({ scp: 'access_as_user', ver: '2.0', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? (v1 ? `https://sts.windows.net/${tid}/` : `${this.url}/${tid}/v2.0`))
      .setAudience(options.audience ?? 'client-id')
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.key ?? this.key);
  }

  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
