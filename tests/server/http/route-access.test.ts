import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../src-shared/protocol/auth';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { ORG, type FixtureUser } from '../../fixtures/minimal-org';
import { startOnOwnDatabase, type TestServer } from '../support/test-server';

interface Operation {
  method: string;
  path: string;
  roles: Role[] | undefined;
  description: string | undefined;
}

/**
 * Routes anyone may call, each for a reason: no sign-in yet, or a caller proving itself another
 * way (a webhook's own signature, a visitor's form with its rate limit). Any other route without
 * `x-roles` fails this test: a forgotten access check cannot ship silently.
 */
const PUBLIC_ROUTES = new Set<string>([
  'POST /api/v1/auth/login', // signing in: a password, rate-limited per address
  'POST /api/v1/auth/refresh', // a refresh token, rotated and checked for replay
  'POST /api/v1/channels/web/forms', // website visitors, rate-limited per address
  'POST /api/v1/channels/cti/events', // the phone system, signed with the CTI secret
  'POST /api/v1/channels/voice/twilio', // Twilio, signed with X-Twilio-Signature
  'POST /api/v1/channels/voice/twilio/status', // Twilio, signed with X-Twilio-Signature
  'GET /survey/{token}', // a customer's survey page: the signed single-use link, rate-limited per address
  'POST /survey/{token}', // the survey's answer: the same link, once, rate-limited per address
]);

async function operationsOf(server: TestServer): Promise<Operation[]> {
  const doc = (await (await fetch(`${server.url}${API_ROUTES.openapi}`)).json()) as {
    paths: Record<string, Record<string, { 'x-roles'?: Role[]; description?: string }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      roles: op['x-roles'],
      description: op.description,
    })),
  );
}

const key = (op: Pick<Operation, 'method' | 'path'>) => `${op.method} ${op.path}`;
/** Path parameters filled with a stand-in: the access check answers before anything is looked up. */
const urlOf = (server: TestServer, path: string) => `${server.url}${path.replace(/\{[^}]+\}/g, 'x')}`;

/** A fixture person holding none of `roles`, if there is one. */
function outsider(roles: readonly Role[]): FixtureUser | undefined {
  const users = Object.entries(ORG.users) as [FixtureUser, { roles: readonly Role[] }][];
  return users.find(([, user]) => user.roles.every((role) => !roles.includes(role)))?.[0];
}

describe('who may call each HTTP route', () => {
  let server: TestServer;
  let operations: Operation[];
  const tokens = new Map<FixtureUser, string>();
  const tokenOf = async (user: FixtureUser) => {
    if (!tokens.has(user)) tokens.set(user, (await server.login(user)).token);
    return tokens.get(user)!;
  };
  const call = (op: Operation, token?: string) =>
    fetch(urlOf(server, op.path), {
      method: op.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
      },
      body: op.method === 'GET' || op.method === 'DELETE' ? undefined : '{}',
    });

  beforeAll(async () => {
    server = await startOnOwnDatabase('embedded');
    operations = await operationsOf(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('documents the roles of every route but the public ones, in x-roles and in words', () => {
    expect(operations.length).toBeGreaterThan(40);
    const undeclared = operations.filter((op) => !op.roles && !PUBLIC_ROUTES.has(key(op))).map(key);
    expect(undeclared).toEqual([]);
    for (const op of operations.filter((o) => o.roles)) {
      expect(op.description, key(op)).toMatch(/Who may call: .+\./);
    }
    // The allow-list holds only routes that exist and are really undeclared.
    for (const open of PUBLIC_ROUTES) {
      expect(operations.find((op) => key(op) === open)?.roles, open).toBeUndefined();
    }
  });

  it('refuses a caller without a token on every declared route (401)', async () => {
    const refused: string[] = [];
    for (const op of operations.filter((o) => o.roles)) {
      const res = await call(op);
      if (res.status !== 401) refused.push(`${key(op)} → ${res.status}`);
    }
    expect(refused).toEqual([]);
  });

  it('refuses a signed-in person outside the declared roles on every route (403)', async () => {
    const restricted = operations.filter((op) => op.roles && ROLES.some((role) => !op.roles!.includes(role)));
    expect(restricted.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const op of restricted) {
      const user = outsider(op.roles!);
      if (!user) throw new Error(`no fixture person outside ${op.roles!.join(', ')} for ${key(op)}`);
      const res = await call(op, await tokenOf(user));
      if (res.status !== 403) wrong.push(`${key(op)} as ${user} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
