import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

describe('the console served to browsers', () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'agentdeck-console-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Agentdeck</title>');
    server = await startTestServer({ env: { AGENTDECK_RENDERER_DIR: dir } });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('comes with a policy that allows only its own scripts and its own server', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Agentdeck</title>');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers a missing file with 404 and a path out of the build with a refusal', async () => {
    expect((await fetch(`${server.url}/nothing-here.js`)).status).toBe(404);
    const escape = await fetch(`${server.url}/..%2F..%2F..%2Fetc%2Fpasswd`);
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain('root:');
  });
});
