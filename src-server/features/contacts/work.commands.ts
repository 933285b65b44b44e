import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import type { Actor } from '../auth/actor';
import { checkVersion, type CommandContext, type CommandDefinition } from '../sync/command-bus';
import { anyone } from '../access/command-scopes';
import { settleAgent } from '../agents/agent-work';
import { countMissedOffer } from '../agents/missed-offer';
import { clearTimer } from './contact-timers';
import { findQueue } from '../directory/directory.repository';
import { contactEvent } from './contact-events';
import { contactOf, type ContactRow } from './contact-row';
import { activate, returnToQueue, startWrapUp } from './contact-transitions';
import { changeContact, lockContact } from './contacts.repository';

/**
 * Locks the contact and checks it is this agent's, in the expected status. Whose offer or work it
 * is, is the contact's state (it moves): another agent's answers `conflict`, or `not_found` to an
 * agent who does not serve its queue; so these commands declare no scope beyond the agent role.
 */
async function myContact(
  { tx, actor }: CommandContext,
  contactId: string,
  status: ContactRow['status'],
  expectedVersion: number | undefined,
): Promise<ContactRow> {
  const row = await lockContact(tx, contactId);
  if (!row) throw new AppError('not_found', `No contact ${contactId}`);
  if (row.agentId !== actor.id) throw notYours(row, actor);
  if (row.status !== status) {
    throw new AppError(
      'conflict',
      `The contact is ${row.status.replace('_', '-')}, not ${status}`,
      contactOf(row),
    );
  }
  checkVersion(expectedVersion, row, contactOf(row));
  return row;
}

function notYours(row: ContactRow, actor: Actor): AppError {
  const visible = actor.queueIds.includes(row.queueId);
  return visible
    ? new AppError('conflict', 'This contact is not offered to you (any more)', contactOf(row))
    : new AppError('not_found', `No contact ${row.id}`);
}

/** Accept: the offer becomes this agent's work, and theirs alone (the row lock decides). */
export const acceptContactCommand: CommandDefinition<typeof COMMAND_TYPES.acceptContact> = {
  who: ['agent'],
  scope: anyone,
  async handle(ctx, command) {
    const row = await myContact(ctx, command.payload.contactId, 'offered', command.expectedVersion);
    if (row.offerExpiresAt && row.offerExpiresAt.getTime() < ctx.now.getTime()) {
      throw new AppError('conflict', 'The offer has expired', contactOf(row));
    }
    const next = contactOf(await activate(ctx.tx, row, ctx.now));
    const agentEvents = await settleAgent(ctx.tx, ctx.actor.id, ctx.now);
    return { entity: next, events: [contactEvent(next), ...agentEvents] };
  },
};

/**
 * Decline: back to the queue at its place in line; the next offer goes to someone else first.
 * A decline is a missed offer (docs/ROUTING.md), counted like a timeout.
 */
export const declineContactCommand: CommandDefinition<typeof COMMAND_TYPES.declineContact> = {
  who: ['agent'],
  scope: anyone,
  async handle(ctx, command) {
    const row = await myContact(ctx, command.payload.contactId, 'offered', command.expectedVersion);
    const next = contactOf(await returnToQueue(ctx.tx, row, ctx.actor.id));
    const missed = await countMissedOffer(ctx.tx, ctx.actor.id, ctx.now);
    return {
      entity: next,
      events: [contactEvent(next, { users: [ctx.actor.id] }), ...missed],
      afterCommit: (effects) => effects.kickRouting(),
    };
  },
};

/** End: the conversation is over; after-contact work starts, up to the queue's maximum. */
export const endContactCommand: CommandDefinition<typeof COMMAND_TYPES.endContact> = {
  who: ['agent'],
  scope: anyone,
  async handle(ctx, command) {
    const row = await myContact(ctx, command.payload.contactId, 'active', command.expectedVersion);
    const next = contactOf(await startWrapUp(ctx.tx, row, ctx.now));
    const agentEvents = await settleAgent(ctx.tx, ctx.actor.id, ctx.now);
    return { entity: next, events: [contactEvent(next), ...agentEvents] };
  },
};

/** Complete wrap-up: with a disposition where the queue asks for one; the agent is free again. */
export const completeWrapUpCommand: CommandDefinition<typeof COMMAND_TYPES.completeWrapUp> = {
  who: ['agent'],
  scope: anyone,
  async handle(ctx, command) {
    const { contactId, disposition } = command.payload;
    const row = await myContact(ctx, contactId, 'wrap_up', command.expectedVersion);
    const queue = await findQueue(ctx.tx, row.queueId);
    const allowed = queue?.routing.dispositions ?? [];
    if (allowed.length > 0 && !disposition) throw new AppError('invalid', 'Pick a disposition first');
    if (disposition && allowed.length > 0 && !allowed.includes(disposition)) {
      throw new AppError('invalid', `Unknown disposition "${disposition}" for this queue`);
    }
    await clearTimer(ctx.tx, 'wrap_up_due', row.id);
    const next = contactOf(
      await changeContact(ctx.tx, row, {
        status: 'closed',
        disposition: disposition ?? null,
        wrapUpEndedAt: ctx.now,
        wrapUpDueAt: null,
      }),
    );
    const agentEvents = await settleAgent(ctx.tx, ctx.actor.id, ctx.now);
    return {
      entity: next,
      events: [contactEvent(next), ...agentEvents],
      afterCommit: (effects) => effects.kickRouting(),
    };
  },
};
