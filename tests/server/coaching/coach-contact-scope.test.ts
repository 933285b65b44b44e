import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG } from '../../fixtures/minimal-org';
import { startOnOwnDatabase, type TestServer } from '../support/test-server';
import { COACHING, insertCoachingFixture } from './coaching-fixture';
import { signInAs, type Person } from './coaching-session';

/**
 * A coach reviews the contacts of the agents they coach whatever queue those came through: Eli
 * has no team and serves no queue, but his coach profile names both teams.
 */
describe('what a coach may read of the agents they coach', () => {
  let server: TestServer;
  let eli: Person, dana: Person;

  beforeAll(async () => {
    server = await startOnOwnDatabase('embedded');
    await insertCoachingFixture(server.database.db);
    eli = await signInAs(server, 'eli');
    dana = await signInAs(server, 'dana');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reads a coached agent’s contact and its case, and lists their contacts', async () => {
    const contact = await eli.get(`/api/v1/contacts/${COACHING.contacts.anaCall}`);
    expect(contact.status).toBe(200);
    expect((await eli.get(`/api/v1/cases/${ORG.cases.en}`)).status).toBe(200);
    const listed = (await (
      await eli.get(`/api/v1/contacts?agent=${ORG.users.ana.id}&status=closed`)
    ).json()) as {
      contacts: { id: string }[];
    };
    expect(listed.contacts.map((c) => c.id)).toContain(COACHING.contacts.anaCall);
  });

  it('still answers 404 for a contact of a team the coach does not coach', async () => {
    // Dana coaches the Spanish team only, and serves its queue only.
    expect((await dana.get(`/api/v1/contacts/${COACHING.contacts.anaCall}`)).status).toBe(404);
    expect((await dana.get(`/api/v1/cases/${ORG.cases.en}`)).status).toBe(404);
  });
});
