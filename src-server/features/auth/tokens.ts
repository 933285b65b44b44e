import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { AppError } from '../../platform/errors';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 30;
const ISSUER = 'agentdeck';

const AccessClaims = z.object({
  sub: z.string(),
  sid: z.string(),
  typ: z.literal('access'),
  exp: z.number(),
});
export type AccessClaims = z.infer<typeof AccessClaims>;

export async function signAccessToken(
  secret: Uint8Array,
  userId: string,
  sessionId: string,
  seconds = ACCESS_TOKEN_SECONDS,
): Promise<string> {
  return new SignJWT({ sid: sessionId, typ: 'access' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${seconds}s`)
    .sign(secret);
}

/** Verifies signature (HS256 only: `alg:none` and others are refused), issuer and expiry. */
export async function verifyAccessToken(secret: Uint8Array, token: unknown): Promise<AccessClaims> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
    throw new AppError('unauthenticated', 'A sign-in token is required');
  }
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: ISSUER });
    const claims = AccessClaims.safeParse(payload);
    if (!claims.success) throw new AppError('unauthenticated', 'The sign-in token is not valid');
    return claims.data;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof joseErrors.JWTExpired)
      throw new AppError('unauthenticated', 'The sign-in token has expired');
    throw new AppError('unauthenticated', 'The sign-in token is not valid');
  }
}

/** Refresh tokens are opaque `sessionId.secret`; only a hash of the secret is stored. */
export function newRefreshSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export function splitRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1) return null;
  return { sessionId: token.slice(0, dot), secret: token.slice(dot + 1) };
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
