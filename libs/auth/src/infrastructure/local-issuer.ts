import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import type { Role } from '../domain/role';
import { CLAIM_NAME, CLAIM_ORGANISATIONS, CLAIM_ROLES, TOKEN_ALGORITHM } from './token-claims';

const PRIVATE_FILE = 'issuer.private.jwk.json';
const PUBLIC_FILE = 'issuer.public.jwk.json';

export interface TokenRequest {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly organisationNumbers?: readonly string[];
  readonly name?: string;
  /** jose duration, e.g. '8h'; or an absolute expiry in seconds since the epoch. */
  readonly expiresIn?: string | number;
}

/**
 * The development and test stand-in for the OpenID Connect provider: a key pair on disk
 * (git-ignored), created on first use. Production verifies against AUTH_JWKS_URL instead.
 */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: KeyLike | Uint8Array,
    readonly publicJwk: JWK,
    private readonly issuer: string,
    private readonly audience: string,
  ) {}

  static async open(keyDirectory: string, issuer: string, audience: string): Promise<LocalIssuer> {
    const privatePath = join(keyDirectory, PRIVATE_FILE);
    if (!existsSync(privatePath)) await LocalIssuer.createKeyPair(keyDirectory);
    const privateJwk = JSON.parse(readFileSync(privatePath, 'utf8')) as JWK;
    const publicJwk = JSON.parse(readFileSync(join(keyDirectory, PUBLIC_FILE), 'utf8')) as JWK;
    return new LocalIssuer(await importJWK(privateJwk, TOKEN_ALGORITHM), publicJwk, issuer, audience);
  }

  static readPublicJwk(keyDirectory: string): JWK | undefined {
    const path = join(keyDirectory, PUBLIC_FILE);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as JWK) : undefined;
  }

  private static async createKeyPair(keyDirectory: string): Promise<void> {
    // Only the key directory itself is private. A parent made with it in one recursive call would be too: `.local`,
    // where npm start's embedded PostgreSQL (run as the postgres user) must then get through, and could not.
    mkdirSync(dirname(keyDirectory), { recursive: true });
    mkdirSync(keyDirectory, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
    const kid = `local-${Date.now()}`;
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: TOKEN_ALGORITHM };
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALGORITHM, use: 'sig' };
    writeFileSync(join(keyDirectory, PRIVATE_FILE), JSON.stringify(privateJwk), { mode: 0o600 });
    writeFileSync(join(keyDirectory, PUBLIC_FILE), JSON.stringify(publicJwk));
  }

  async sign(request: TokenRequest): Promise<string> {
    return new SignJWT({
      [CLAIM_ROLES]: [...request.roles],
      [CLAIM_ORGANISATIONS]: [...(request.organisationNumbers ?? [])],
      [CLAIM_NAME]: request.name ?? request.sub,
    })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: this.publicJwk.kid })
      .setSubject(request.sub)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(request.expiresIn ?? '8h')
      .sign(this.privateKey);
  }
}
