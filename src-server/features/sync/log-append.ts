import type { Db, Tx } from '../../db/database';
import { transactionEndingWith } from '../../db/final-statement';
import { and, eq } from 'drizzle-orm';
import { appliedCommands } from '../../db/schema';
import { CommandResult } from '../../../src-shared/protocol/commands';
import type { NewEvent, StoredEvent } from './event-log';

/**
 * Appending to the log, in hand-written SQL: every command and routing pass ends here, so the
 * statement is built once, not per call. Each row's position comes from `next_sync_id()`, which
 * first takes the log's transaction-scoped append lock (migration 0003): positions commit in
 * order, so a reader that has seen position N has seen every visible event before N — catch-up
 * never skips an event committed late. The lock is held until commit, so appending is the last
 * statement of a transaction and is sent together with COMMIT (`transactionEndingWith`), and a
 * command records itself in the same statement: the shorter the lock is held, the more
 * transactions the log takes per second.
 */
const INSERT_EVENTS = `insert into events (type, entity_kind, entity_id, entity_version, payload,
    audience_users, audience_teams, audience_queues, audience_roles, actor_id)
  select e.type, e.entity_kind, e.entity_id, e.entity_version, e.payload,
    e.audience_users, e.audience_teams, e.audience_queues, e.audience_roles, $2::text
  from rows from (jsonb_to_recordset($1::jsonb) as (type text, entity_kind text, entity_id text,
    entity_version int, payload jsonb, audience_users text[], audience_teams text[],
    audience_queues text[], audience_roles text[]))
    with ordinality as e(type, entity_kind, entity_id, entity_version, payload, audience_users,
    audience_teams, audience_queues, audience_roles, n)
  order by e.n
  returning sync_id, at`;

const APPEND_EVENTS = { name: 'append_events', text: INSERT_EVENTS };

/**
 * The command's events and its applied row (`{ syncId: last position, entity }`, and the hash of
 * what it asked) in one statement.
 */
const APPEND_COMMAND = {
  name: 'append_command',
  text: `with e as (${INSERT_EVENTS}),
    applied as (
      insert into applied_commands (actor_id, command_id, type, result, payload_hash)
      select $2::text, $3::text, $4::text,
        jsonb_build_object('syncId', (select max(sync_id) from e), 'entity', $5::jsonb), $6::text
    )
    select sync_id, at from e`,
};

/** Events as rows of `jsonb_to_recordset`. */
function eventRows(newEvents: NewEvent[]): string {
  return JSON.stringify(
    newEvents.map((e) => ({
      type: e.type,
      entity_kind: e.entityKind,
      entity_id: e.entityId,
      entity_version: e.entityVersion,
      payload: e.payload,
      audience_users: e.audience.users ?? [],
      audience_teams: e.audience.teams ?? [],
      audience_queues: e.audience.queues ?? [],
      audience_roles: e.audience.roles ?? [],
    })),
  );
}

/**
 * The events with the positions the log gave them. Rows take positions in the order given; the
 * events are ours, typed, so they are not read back (nor their payloads parsed).
 */
function placeEvents(newEvents: NewEvent[], rows: unknown[]): StoredEvent[] {
  const placed = (rows as { sync_id: string | number; at: Date }[])
    .map((row) => ({ syncId: Number(row.sync_id), at: new Date(row.at) }))
    .sort((a, b) => a.syncId - b.syncId);
  return newEvents.map(({ audience, ...event }, i) => {
    const row = placed[i];
    if (!row) throw new Error('the event log returned fewer rows than it was given');
    return {
      ...event,
      syncId: row.syncId,
      at: row.at.toISOString(),
      audience: {
        users: audience.users ?? [],
        teams: audience.teams ?? [],
        queues: audience.queues ?? [],
        roles: audience.roles ?? [],
      },
    } as StoredEvent;
  });
}

/** Who appends: a person (their id) or the system (null). */
type Author = string | null;

/**
 * Runs `work` in a transaction that ends by appending the events it returns (see above: the
 * append and COMMIT go together, so the log's lock is held for the commit alone). Resolves once
 * committed, with the events in their log positions.
 */
export async function commitWithEvents<T>(
  db: Db,
  author: Author,
  work: (tx: Tx) => Promise<{ value: T; events: NewEvent[] }>,
): Promise<{ value: T; stored: StoredEvent[] }> {
  const { value, rows } = await transactionEndingWith(db, async (tx) => {
    const done = await work(tx);
    const final =
      done.events.length === 0
        ? null
        : { statement: APPEND_EVENTS, values: [eventRows(done.events), author] };
    return { value: done, final };
  });
  return { value: value.value, stored: placeEvents(value.events, rows) };
}

/** What a command records of itself: its id, type and content hash, and the entity its ack echoes. */
export interface AppliedCommand {
  actorId: string;
  commandId: string;
  type: string;
  /** `commandHash` of the command: tells a repeat from another command reusing the id. */
  payloadHash: string;
}

/**
 * A command's transaction: `work` changes rows and returns the entity and events; the events and
 * the record that the command was applied (its result, answered again to a repeat of its id) are
 * one statement, sent with COMMIT.
 */
export async function commitCommand<T extends { entity: unknown; events: NewEvent[] }>(
  db: Db,
  command: AppliedCommand,
  work: (tx: Tx) => Promise<T>,
): Promise<{ outcome: T; stored: StoredEvent[]; result: CommandResult }> {
  const { value: outcome, rows } = await transactionEndingWith(db, async (tx) => {
    const value = await work(tx);
    const values = [
      eventRows(value.events),
      command.actorId,
      command.commandId,
      command.type,
      JSON.stringify(value.entity ?? null),
      command.payloadHash,
    ];
    return { value, final: { statement: APPEND_COMMAND, values } };
  });
  const stored = placeEvents(outcome.events, rows);
  return { outcome, stored, result: { syncId: stored.at(-1)?.syncId ?? null, entity: outcome.entity } };
}

/**
 * The applied row of `commandId`, if there is one: its result, and whether it was this same
 * command (same hash; a row written before hashes were kept counts as the same) or another one
 * sent under the id.
 */
export async function appliedCommandOf(
  db: Db | Tx,
  command: Omit<AppliedCommand, 'type'>,
): Promise<{ isSameCommand: boolean; result: CommandResult } | null> {
  const [row] = await db
    .select({ result: appliedCommands.result, payloadHash: appliedCommands.payloadHash })
    .from(appliedCommands)
    .where(
      and(eq(appliedCommands.actorId, command.actorId), eq(appliedCommands.commandId, command.commandId)),
    )
    .limit(1);
  if (!row) return null;
  return {
    isSameCommand: row.payloadHash === null || row.payloadHash === command.payloadHash,
    result: CommandResult.parse(row.result),
  };
}
