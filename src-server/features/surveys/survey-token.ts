import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';

/** How long a survey link may be answered. */
export const SURVEY_VALID_DAYS = 14;
/** Longer strings are not ours: refused before any signature work. */
export const SURVEY_TOKEN_MAX_LENGTH = 1024;

const AUDIENCE = 'agentdeck:survey';
const ISSUER = 'agentdeck';
const SurveyClaims = z.object({ sub: z.string().min(1).max(64), typ: z.literal('survey') });

/**
 * A survey link's token: the survey id, signed (HS256) for the survey audience only, so neither a
 * sign-in token opens a survey nor a survey token signs anyone in. Single use is the survey row's.
 */
export function signSurveyToken(secret: Uint8Array, surveyId: string, expiresAt: Date): Promise<string> {
  return new SignJWT({ typ: 'survey' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(surveyId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
}

export type SurveyTokenCheck = { surveyId: string } | { refused: 'expired' | 'invalid' };

/** The survey a token names, or why it does not name one (a forged or malformed token: invalid). */
export async function verifySurveyToken(secret: Uint8Array, token: string): Promise<SurveyTokenCheck> {
  if (token.length === 0 || token.length > SURVEY_TOKEN_MAX_LENGTH) return { refused: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const claims = SurveyClaims.safeParse(payload);
    return claims.success ? { surveyId: claims.data.sub } : { refused: 'invalid' };
  } catch (err) {
    return { refused: err instanceof joseErrors.JWTExpired ? 'expired' : 'invalid' };
  }
}
