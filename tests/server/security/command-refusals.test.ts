import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createCommandRegistry } from '../../../src-server/command-registry';
import { contacts, appliedCommands, events, queueAlerts } from '../../../src-server/db/schema';
import { anyone } from '../../../src-server/features/access/command-scopes';
import type { CommandDefinition } from '../../../src-server/features/sync/command-bus';
import { ROLES } from '../../../src-shared/protocol/auth';
import type { CalibrationSession } from '../../../src-shared/protocol/coaching-calibration';
import type { FollowUpTask } from '../../../src-shared/protocol/coaching-commands';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { Command, type CommandType } from '../../../src-shared/protocol/commands';
import { ORG } from '../../fixtures/minimal-org';
import { COACHING, fullMarks, insertCoachingFixture } from '../coaching/coaching-fixture';
import { publishDefaultScorecard, signInAs, type Person } from '../coaching/coaching-session';
import { actorFor } from '../support/actor';
import { KINDS, serverForSuite } from '../support/server-test';
import {
  NO_SCOPE,
  REFUSAL_FIXTURES,
  type PersonName,
  type RefusalFixture,
  type RefusalWorld,
} from './command-refusal-fixtures';

/**
 * Walks the command registry: for every command type, someone outside its `who` and someone
 * inside `who` but outside its declared `scope` are refused over a real socket, and nothing is
 * written (no event, no applied command). The cases come from the registry and one fixture per
 * command (command-refusal-fixtures.ts), not from a test per command.
 */

const REGISTRY = createCommandRegistry({ mailFrom: 'support@test.invalid', kickOutbound: () => {} });
const REGISTERED = Object.keys(REGISTRY) as CommandType[];
const PEOPLE: Record<PersonName, { id: string; roles: readonly string[] }> = {
  ana: ORG.users.ana,
  carl: ORG.users.carl,
  sofia: ORG.users.sofia,
  admin: ORG.users.admin,
  dana: { id: COACHING.users.dana, roles: ['coach'] },
};
const ROLE_HOLDERS: PersonName[] = ['ana', 'carl', 'sofia', 'admin'];

const definitionOf = (type: CommandType) => REGISTRY[type] as CommandDefinition<CommandType>;
const fixtureOf = (type: CommandType) =>
  (REFUSAL_FIXTURES as Record<string, RefusalFixture<CommandType> | undefined>)[type];
const inWho = (person: PersonName, type: CommandType) =>
  PEOPLE[person].roles.some((role) => definitionOf(type).who.includes(role as (typeof ROLES)[number]));
/** Someone none of whose roles the command names; undefined when every role may send it. */
const outsiderOf = (type: CommandType) => ROLE_HOLDERS.find((person) => !inWho(person, type));

it('has a refusal fixture for every command the registry runs, and the registry every command', () => {
  const missing = REGISTERED.filter((type) => !fixtureOf(type));
  expect(missing, 'commands without a refusal fixture').toEqual([]);
  const parsed = Command.options.map((option) => option.shape.type.value);
  expect([...REGISTERED].sort()).toEqual([...parsed].sort());
});

it('says NO_SCOPE exactly where the registry declares no scope', () => {
  const wrong = REGISTERED.filter(
    (type) => (fixtureOf(type)?.outsideScope === NO_SCOPE) !== (definitionOf(type).scope === anyone),
  );
  expect(wrong, 'fixtures that disagree with the declared scope').toEqual([]);
});

describe.each(KINDS)('every command refuses outside its who and scope, on %s', (kind) => {
  const server = serverForSuite(kind);
  let world: RefusalWorld;
  const people = {} as Record<PersonName, Person>;

  /** What the person wrote: events in their name (other writers, e.g. routing passes, run on) and applied commands. */
  const writtenBy = async (person: PersonName) => {
    const db = server.database.db;
    const [log] = await db.select({ n: count() }).from(events).where(eq(events.actorId, PEOPLE[person].id));
    const [applied] = await db.select({ n: count() }).from(appliedCommands);
    return { events: log?.n, appliedCommands: applied?.n };
  };
  const entityOf = <T>(ack: Awaited<ReturnType<Person['command']>>, what: string): T => {
    if (!ack.ok) throw new Error(`${what} refused: ${ack.error.message}`);
    return ack.data.entity as T;
  };

  beforeAll(async () => {
    const db = server.database.db;
    await insertCoachingFixture(db);
    const live = {
      status: 'active',
      queueId: ORG.queues.es,
      agentId: ORG.users.eva.id,
      from: '+34612345678',
    };
    await db.insert(contacts).values([
      { id: 'ct_eva_live', channel: 'phone', provider: 'cti', externalId: 'cti-eva-live', ...live },
      { id: 'ct_eva_chat', channel: 'chat', ...live },
    ]);
    await db
      .insert(queueAlerts)
      .values({ id: 'alert_es', queueId: ORG.queues.es, kind: 'long_wait', active: true });
    for (const name of Object.keys(PEOPLE) as PersonName[]) people[name] = await signInAs(server, name);

    const version = await publishDefaultScorecard(people.carl);
    const answers = fullMarks(version, 'phone');
    const evaluation = entityOf<Evaluation>(
      await people.dana.command('evaluation:save-draft', {
        evaluationId: randomUUID(),
        versionId: version.id,
        contactId: COACHING.contacts.evaCall,
        answers,
        submit: true,
      }),
      'dana scoring eva',
    );
    entityOf(await people.dana.command('evaluation:release', { evaluationId: evaluation.id }), 'release');
    const task = entityOf<FollowUpTask>(
      await people.dana.command('coaching-task:assign', {
        taskId: randomUUID(),
        evaluationId: evaluation.id,
        skills: [answers[0]!.key],
        title: 'Greeting',
        dueAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
      'follow-up',
    );
    const calibration = entityOf<CalibrationSession>(
      await people.carl.command('calibration:create', {
        calibrationId: randomUUID(),
        versionId: version.id,
        contactIds: [COACHING.contacts.anaCall],
        coachIds: [ORG.users.carl.id, COACHING.users.dana],
      }),
      'calibration',
    );
    world = {
      version,
      answers,
      evaluationOfEva: evaluation.id,
      followUpOfEva: task.id,
      calibrationByCarl: calibration.id,
      alertOnEsQueue: 'alert_es',
      evaCall: 'ct_eva_live',
      evaChat: 'ct_eva_chat',
    };
  });

  /** Sends the fixture's command as `person`; the answer, and whether anything was written. */
  async function sendAs(person: PersonName, type: CommandType) {
    const payload = fixtureOf(type)!.payload(world);
    const parsed = Command.safeParse({ commandId: randomUUID(), type, payload });
    if (!parsed.success) throw new Error(`the ${type} fixture does not parse: ${parsed.error.message}`);
    const before = await writtenBy(person);
    const ack = await people[person].command(type, payload);
    expect(await writtenBy(person), `${type} as ${person} wrote nothing`).toEqual(before);
    return { ack, command: parsed.data };
  }

  describe.each(REGISTERED)('%s', (type) => {
    const outsider = outsiderOf(type);
    if (outsider) {
      it(`refuses ${outsider}, outside who`, async () => {
        const { ack } = await sendAs(outsider, type);
        expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      });
    } else {
      it('is sent by every role', () => {
        expect(ROLES.every((role) => definitionOf(type).who.includes(role))).toBe(true);
      });
    }

    const outsideScope = fixtureOf(type)?.outsideScope;
    if (outsideScope === NO_SCOPE) return;
    it(`refuses ${outsideScope?.as ?? 'someone'} inside who but outside its scope`, async () => {
      if (!outsideScope) throw new Error(`no refusal fixture for ${type}`);
      const { as, answer } = outsideScope;
      expect(inWho(as, type), `${as} is inside who of ${type}`).toBe(true);
      const { ack, command } = await sendAs(as, type);
      expect(ack).toMatchObject({ ok: false, error: { code: answer } });
      // The refusal is the declared scope's, not the handler's.
      const actor = await actorFor(server.database.db, PEOPLE[as].id);
      const verdict = await server.database.db.transaction((tx) =>
        Promise.resolve(definitionOf(type).scope({ tx, actor }, command as never)),
      );
      expect(verdict).toMatchObject({
        allowed: false,
        ...(answer === 'not_found' ? { as: 'not_found' } : {}),
      });
    });
  });
});
