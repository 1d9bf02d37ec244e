/**
 * A local stand-in for the Bot Framework channel's token issuer: an OpenID configuration and a JWKS on
 * 127.0.0.1, and a minter of RS256 channel tokens. A second key pair is never published, for forged tokens.
 * Also a static-token credentials factory, so outbound calls carry a known bearer token without MSAL.
 */
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { ServiceClientCredentialsFactory, TokenCredentials } from 'botframework-connector';

export interface MintOptions {
  /** The `aud` claim: the bot's app id. */
  readonly audience: string;
  /** The `serviceurl` claim: must equal the activity's `serviceUrl`. */
  readonly serviceUrl: string;
  /** Sign with the key the issuer does NOT publish (same `kid`): a forged token. */
  readonly forged?: boolean;
  readonly issuer?: string;
  readonly expiresInSeconds?: number;
}

export interface OpenIdIssuer {
  /** Base URL, e.g. http://127.0.0.1:PORT */
  readonly url: string;
  readonly issuer: string;
  readonly metadataUrl: string;
  /** A `Bearer …` header value. */
  bearer(options: MintOptions): string;
  /**
   * The channel-authentication overrides of bot/config.ts, all pointing at this issuer. Merge them into the
   * environment given to `loadConfig`.
   */
  env(): Record<string, string>;
  /** While false, the metadata and the keys answer 503: the issuer is down. */
  setAvailable(available: boolean): void;
  close(): Promise<void>;
}

function rsaKeyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** Start the issuer on 127.0.0.1 with a random port. */
export async function startOpenIdIssuer(): Promise<OpenIdIssuer> {
  const kid = randomUUID();
  const published = rsaKeyPair();
  const unpublished = rsaKeyPair();
  const jwk = { ...published.publicKey.export({ format: 'jwk' }), kid, kty: 'RSA', use: 'sig', alg: 'RS256' };

  let base = '';
  let available = true;
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!available) return reply(503, { error: 'unavailable' });
    if (req.method === 'GET' && req.url === '/v1/.well-known/openidconfiguration') {
      return reply(200, { issuer: base, jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.method === 'GET' && req.url === '/v1/keys') {
      return reply(200, { keys: [{ ...jwk, endorsements: ['msteams'] }] });
    }
    return reply(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const metadataUrl = `${base}/v1/.well-known/openidconfiguration`;

  return {
    url: base,
    issuer: base,
    metadataUrl,
    bearer(options) {
      const key = options.forged ? unpublished.privateKey : published.privateKey;
      const token = jwt.sign({ serviceurl: options.serviceUrl }, key, {
        algorithm: 'RS256',
        keyid: kid,
        issuer: options.issuer ?? base,
        audience: options.audience,
        expiresIn: options.expiresInSeconds ?? 300,
      });
      return `Bearer ${token}`;
    },
    env: () => ({
      BotOpenIdMetadata: metadataUrl,
      ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
      ToBotFromChannelTokenIssuer: base,
      ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
      ToChannelFromBotLoginUrl: `${base}/login`,
      ToChannelFromBotOAuthScope: base,
      OAuthUrl: `${base}/oauth`,
      OAuthApiEndpoint: `${base}/oauth`,
      ChannelService: base,
      ValidateAuthority: 'false',
      CallerId: 'urn:botframework:test',
    }),
    setAvailable(value) {
      available = value;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Outbound credentials that always send `Bearer <token>`; inbound app-id checks stay real. */
export class StaticTokenCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(
    private readonly appId: string,
    readonly token: string,
  ) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(): Promise<TokenCredentials> {
    return new TokenCredentials(this.token);
  }
}
