import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signAccessToken } from '../auth/tokens';
import { signSurveyToken, verifySurveyToken } from './survey-token';

const secret = new TextEncoder().encode('survey-test-secret-survey-test-secret');
const inAnHour = () => new Date(Date.now() + 3_600_000);

describe('survey link tokens', () => {
  it('name their survey until they expire', async () => {
    const token = await signSurveyToken(secret, 'srv_1', inAnHour());
    expect(await verifySurveyToken(secret, token)).toEqual({ surveyId: 'srv_1' });
    const old = await signSurveyToken(secret, 'srv_1', new Date(Date.now() - 1000));
    expect(await verifySurveyToken(secret, old)).toEqual({ refused: 'expired' });
  });

  it('refuses another key, a sign-in token, an unsigned token and oversized input', async () => {
    const other = new TextEncoder().encode('another-secret-another-secret-12345');
    expect(await verifySurveyToken(secret, await signSurveyToken(other, 'srv_1', inAnHour()))).toEqual({
      refused: 'invalid',
    });
    expect(await verifySurveyToken(secret, await signAccessToken(secret, 'usr_ana', 'ses_1'))).toEqual({
      refused: 'invalid',
    });
    const unsigned = await new SignJWT({ typ: 'survey' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('srv_1')
      .setAudience('agentdeck:survey')
      .setIssuer('agentdeck')
      .sign(secret);
    expect(await verifySurveyToken(secret, unsigned)).toEqual({ refused: 'invalid' });
    expect(await verifySurveyToken(secret, 'x'.repeat(2000))).toEqual({ refused: 'invalid' });
    expect(await verifySurveyToken(secret, '')).toEqual({ refused: 'invalid' });
  });
});
