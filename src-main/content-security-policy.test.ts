import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

const directive = (policy: string, name: string): string | undefined =>
  policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('contentSecurityPolicy', () => {
  it('allows no inline script in the built app', () => {
    const policy = contentSecurityPolicy({ kind: 'file', rendererDir: '/app/out/renderer' }, [
      'http://localhost:7400',
    ]);
    expect(directive(policy, 'script-src')).toBe("script-src 'self'");
    expect(directive(policy, 'connect-src')).toBe(
      "connect-src 'self' http://localhost:7400 ws://localhost:7400",
    );
  });

  it('in dev, adds what the Vite dev server needs: its inline preamble and its HMR socket', () => {
    const policy = contentSecurityPolicy({ kind: 'dev', url: 'http://localhost:5173' }, [
      'http://localhost:7400',
    ]);
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(directive(policy, 'connect-src')).toContain('ws://localhost:5173');
  });

  it('uses only the origin of a server URL, so a path cannot smuggle in a directive', () => {
    const policy = contentSecurityPolicy({ kind: 'file', rendererDir: '/r' }, [
      "https://a.example.com/x;script-src'",
    ]);
    expect(directive(policy, 'connect-src')).toBe(
      "connect-src 'self' https://a.example.com wss://a.example.com",
    );
  });
});
