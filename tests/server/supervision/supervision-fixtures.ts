import type { Db } from '../../../src-server/db/database';
import { users } from '../../../src-server/db/schema';
import { hashPassword } from '../../../src-server/platform/password';
import { ORG } from '../../fixtures/minimal-org';

/** A supervisor of the Spanish team: a "supervisor of another team" for team_en's queue. */
export const OTHER_SUPERVISOR = { id: 'usr_sam', username: 'sam' } as const;

export async function insertOtherSupervisor(db: Db): Promise<void> {
  await db.insert(users).values({
    id: OTHER_SUPERVISOR.id,
    username: OTHER_SUPERVISOR.username,
    displayName: 'Sam',
    passwordHash: await hashPassword(ORG.password),
    roles: ['supervisor'],
    teamId: ORG.teams.es,
    languages: ['es'],
  });
}

/** Signs in by username (the test server's `login` knows only the fixture's people). */
export async function tokenOf(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: ORG.password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** An authenticated JSON call; answers the status and the parsed body. */
export async function call<T = { error?: { code: string; message: string; details?: unknown } }>(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
