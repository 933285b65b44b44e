import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it('gives the documented defaults: embedded database with demo data on port 7400', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      httpPort: 7400,
      smtpPort: 2525,
      databaseUrl: undefined,
      demoSeed: true,
      supportAddresses: ['support@agentdeck.test', 'sales@agentdeck.test'],
      loginRateLimit: 10,
    });
    expect(config.dataDir).toMatch(/data$/);
    expect(config.jwtSecret.length).toBe(32);
  });

  it('reads national phone numbers in the region of AGENTDECK_PHONE_REGION (US by default)', () => {
    expect(readConfig({}).phoneRegion).toBe('US');
    expect(readConfig({ AGENTDECK_PHONE_REGION: ' es ' }).phoneRegion).toBe('ES');
    expect(() => readConfig({ AGENTDECK_PHONE_REGION: 'Spain' })).toThrow(
      /AGENTDECK_PHONE_REGION: a region code/,
    );
  });

  it('never seeds PostgreSQL unless asked, and needs a shared signing secret there', () => {
    expect(() => readConfig({ DATABASE_URL: 'postgres://db/agentdeck' })).toThrow(/AGENTDECK_JWT_SECRET/);
    const secret = 'x'.repeat(40);
    expect(
      readConfig({ DATABASE_URL: 'postgres://db/agentdeck', AGENTDECK_JWT_SECRET: secret }).demoSeed,
    ).toBe(false);
    expect(
      readConfig({
        DATABASE_URL: 'postgres://db/agentdeck',
        AGENTDECK_JWT_SECRET: secret,
        AGENTDECK_DEMO_SEED: '1',
      }).demoSeed,
    ).toBe(true);
  });

  it('names every bad setting in one message', () => {
    expect(() =>
      readConfig({ AGENTDECK_HTTP_PORT: 'eighty', REDIS_URL: 'not a url', AGENTDECK_DEMO_SEED: 'maybe' }),
    ).toThrow(/AGENTDECK_HTTP_PORT[\s\S]*REDIS_URL|REDIS_URL[\s\S]*AGENTDECK_HTTP_PORT/);
    expect(() => readConfig({ AGENTDECK_DEMO_SEED: 'maybe' })).toThrow(/AGENTDECK_DEMO_SEED/);
  });

  it('splits comma-separated lists', () => {
    const config = readConfig({
      AGENTDECK_SUPPORT_ADDRESSES: 'help@a.test, billing@a.test ,',
      AGENTDECK_ALLOWED_ORIGINS: 'https://desk.a.test',
    });
    expect(config.supportAddresses).toEqual(['help@a.test', 'billing@a.test']);
    expect(config.allowedOrigins).toEqual(['https://desk.a.test']);
  });
});
