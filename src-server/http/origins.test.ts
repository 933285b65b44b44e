import { describe, expect, it } from 'vitest';
import { allowedOrigins, isAllowedOrigin } from './origins';

const base = { allowedOrigins: [], httpPort: 7400, host: '0.0.0.0', publicUrl: undefined };

describe('allowedOrigins', () => {
  it('serves the console on the loopback names of its port, plus the desktop app', () => {
    expect([...allowedOrigins(base)].sort()).toEqual([
      'file://',
      'http://127.0.0.1:7400',
      'http://[::1]:7400',
      'http://localhost:7400',
    ]);
  });

  it('adds the address it listens on, its public address and the listed origins, as origins', () => {
    const origins = allowedOrigins({
      ...base,
      httpPort: 80,
      host: '10.1.2.3',
      publicUrl: 'https://Desk.Example.com:443/agentdeck/',
      allowedOrigins: ['https://crm.example.org/', 'null'],
    });
    expect(origins).toContain('http://10.1.2.3');
    expect(origins).toContain('http://localhost');
    expect(origins).toContain('https://desk.example.com');
    expect(origins).toContain('https://crm.example.org');
    expect(origins).not.toContain('null');
    expect(allowedOrigins({ ...base, host: 'fd00::5' })).toContain('http://[fd00::5]:7400');
  });
});

describe('isAllowedOrigin', () => {
  it('takes no Origin (not a browser) and refuses strangers on the same port', () => {
    expect(isAllowedOrigin(undefined, base)).toBe(true);
    expect(isAllowedOrigin('http://localhost:7400', base)).toBe(true);
    expect(isAllowedOrigin('http://evil.test:7400', base)).toBe(false);
    expect(isAllowedOrigin('null', base)).toBe(false);
    expect(isAllowedOrigin('not a url', base)).toBe(false);
  });
});
