import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { LoginResponse } from '../../../src-shared/protocol/auth';
import type { ScorecardVersion } from '../../../src-shared/protocol/coaching';
import type { TemplateResult } from '../../../src-shared/protocol/coaching-commands';
import type { Ack } from '../../../src-shared/protocol/envelope';
import { ORG } from '../../fixtures/minimal-org';
import { runCommand } from '../support/contact-commands';
import type { TestServer } from '../support/test-server';
import { COACHING, insertCoachingFixture } from './coaching-fixture';

/** A person of the coaching fixture: their socket and HTTP calls with their token. */
export interface Person {
  socket: Socket;
  token: string;
  command<T = unknown>(
    type: string,
    payload: unknown,
    extra?: { commandId?: string; expectedVersion?: number },
  ): Promise<Ack<{ syncId: number | null; entity: T }>>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown, idempotencyKey?: string): Promise<Response>;
}

export async function signInAs(server: TestServer, username: string): Promise<Person> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: ORG.password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const { token } = LoginResponse.parse(await res.json());
  const socket = await server.connect({ token });
  const headers = { authorization: `Bearer ${token}` };
  return {
    socket,
    token,
    command: (type, payload, extra) => runCommand(socket, type, payload, extra),
    get: (path) => fetch(`${server.url}${path}`, { headers }),
    post: (path, body, idempotencyKey) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: {
          ...headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

/** Imports the default scorecard as `person` and publishes it; returns the published version. */
export async function publishDefaultScorecard(person: Person): Promise<ScorecardVersion> {
  const imported = await person.command<TemplateResult>('scorecard:import', {
    templateId: randomUUID(),
    versionId: randomUUID(),
    file: COACHING.scorecardFile,
  });
  if (!imported.ok) throw new Error(`import refused: ${imported.error.message}`);
  const published = await person.command<TemplateResult>('scorecard:publish', {
    versionId: imported.data.entity.version.id,
  });
  if (!published.ok) throw new Error(`publish refused: ${published.error.message}`);
  return published.data.entity.version;
}

/**
 * The coaching suites' floor on the suite's server (`serverForSuite`): the coaching fixture, the
 * named people signed in, and the default scorecard published by carl (who must be among them).
 */
export async function openCoachingFloor<N extends string>(
  server: TestServer,
  names: readonly ('carl' | N)[],
): Promise<{ people: Record<'carl' | N, Person>; version: ScorecardVersion }> {
  await insertCoachingFixture(server.database.db);
  const people = {} as Record<'carl' | N, Person>;
  for (const name of names) people[name] = await signInAs(server, name);
  return { people, version: await publishDefaultScorecard(people.carl) };
}
