import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** The issuer of tokens the Bot Framework sends with every activity to a bot. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/**
 * A stand-in for the Bot Framework's token signing on loopback, following the real protocol:
 * an OpenID metadata document (`/v1/.well-known/openidconfiguration`, as at
 * login.botframework.com) whose `jwks_uri` lists RSA keys with the channels each key is
 * endorsed for, and tokens shaped like the ones Teams sends: issuer api.botframework.com,
 * audience the bot's app id, a `serviceurl` claim, RS256.
 */
export class FakeBotFrameworkAuth {
  url = '';
  /** Requests for the metadata document and the keys. */
  requests = 0;
  readonly kid = 'fake-bf-key-1';
  private server: Server | undefined;
  private key!: CryptoKey;
  private jwk!: JWK;

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.key = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: this.kid, kty: 'RSA', use: 'sig' };
    this.server = createServer((req, res) => {
      this.requests++;
      const json = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/v1/.well-known/openidconfiguration') {
        json({
          issuer: BOT_FRAMEWORK_ISSUER,
          authorization_endpoint: `${this.url}/v1/.well-known/authorize`,
          jwks_uri: `${this.url}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      } else if (req.url === '/v1/.well-known/keys') {
        json({ keys: [{ ...this.jwk, endorsements: ['msteams', 'webchat', 'emulator'] }] });
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  /** A token as the Bot Framework signs it for `appId`; `options` make the bad ones. */
  async token(
    appId: string,
    serviceUrl: string,
    options: { key?: CryptoKey; issuer?: string; audience?: string; expiresAt?: number; kid?: string } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ serviceurl: serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? this.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? BOT_FRAMEWORK_ISSUER)
      .setAudience(options.audience ?? appId)
      .setNotBefore(now - 60)
      .setIssuedAt(now - 60)
      .setExpirationTime(options.expiresAt ?? now + 3600)
      .sign(options.key ?? this.key);
  }

  /** A key the Bot Framework never published (a forged signature under its key id). */
  static async otherKey(): Promise<CryptoKey> {
    return (await generateKeyPair('RS256')).privateKey;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
