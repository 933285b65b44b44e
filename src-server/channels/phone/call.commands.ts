import type { Contact } from '../../../src-shared/protocol/contacts';
import type { CommandEntityOf } from '../../../src-shared/protocol/command-results';
import { AppError } from '../../platform/errors';
import { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { contactOf, type ContactRow } from '../../features/contacts/contact-row';
import { lockContact } from '../../features/contacts/contacts.repository';
import { acceptContactCommand, endContactCommand } from '../../features/contacts/work.commands';
import {
  checkVersion,
  type CommandContext,
  type CommandDefinition,
  type CommandOutcome,
  type CommandRegistry,
  type Scope,
  type CommitEffects,
} from '../../features/sync/command-bus';
import { allOf, anyOf, hasAnyRole, holdsContact, seesContact } from '../../features/access/command-scopes';
import type { CallAction, CallTarget } from '../../../src-shared/protocol/phone';
import { fromPhoneSystem, tellPhoneSystem } from '../../features/outbound/call-control-job';
import { setOnHold, transferCall, type CallChange } from './call-transitions';

const CALL_CHANNELS = new Set(['phone', 'callback']);

type CallCommandType =
  | typeof COMMAND_TYPES.holdContact
  | typeof COMMAND_TYPES.resumeContact
  | typeof COMMAND_TYPES.transferContact;

/**
 * The agent on the call or any supervisor controls it. A call in a queue the agent does not
 * serve is not theirs to learn of (`not_found`); one they see but another agent holds is refused.
 */
const CALL_WHO = ['agent', 'supervisor'] as const;
const callScope: Scope<{ payload: { contactId: string } }> = anyOf(
  hasAnyRole(['supervisor'], 'Only the agent on the call or a supervisor controls it'),
  allOf(
    seesContact((command) => command.payload.contactId),
    holdsContact(
      (command) => command.payload.contactId,
      'Only the agent on the call or a supervisor controls it',
    ),
  ),
);

/** Locks a call the actor may control (the scope has said who may). */
async function controllableCall(
  { tx }: CommandContext,
  command: { payload: { contactId: string }; expectedVersion?: number | undefined },
): Promise<ContactRow> {
  const row = await lockContact(tx, command.payload.contactId);
  if (!row) throw new AppError('not_found', `No contact ${command.payload.contactId}`);
  if (!CALL_CHANNELS.has(row.channel)) throw new AppError('invalid', 'Only calls have call controls');
  checkVersion(command.expectedVersion, row, contactOf(row));
  return row;
}

interface OutboundKick {
  /** Sends the committed call-control job now rather than at the outbound queue's next tick. */
  kickOutbound(): void;
}

/**
 * The console's call controls: hold, resume, transfer, and accept/end for calls. Each changes
 * the contact in the command's transaction and writes a call-control job there, so the phone
 * system is told reliably. accept and end are the plain contact commands (same roles and rules)
 * plus telling the phone system; the registry lists these for their types.
 */
type CallCommands = Pick<
  CommandRegistry,
  CallCommandType | typeof COMMAND_TYPES.acceptContact | typeof COMMAND_TYPES.endContact
>;

export function createCallCommands({ kickOutbound }: OutboundKick): CallCommands {
  const outcomeOf = (change: CallChange) => ({
    entity: contactOf(change.row),
    events: change.events,
    afterCommit: (effects: CommitEffects) => {
      kickOutbound();
      if (change.kickRouting) effects.kickRouting();
    },
  });

  const holdCommand = <T extends typeof COMMAND_TYPES.holdContact | typeof COMMAND_TYPES.resumeContact>(
    held: boolean,
  ): CommandDefinition<T> => ({
    who: CALL_WHO,
    scope: callScope,
    async handle(ctx, command) {
      const row = await controllableCall(ctx, command);
      const change = await setOnHold(ctx.tx, row, held, ctx.now);
      if (change.events.length > 0) {
        const holder = row.agentId ? { agentId: row.agentId } : undefined;
        await tellPhoneSystem(ctx.tx, change.row, held ? 'hold' : 'resume', held ? undefined : holder);
      }
      // Both types answer a Contact; the compiler cannot see that through the open T.
      return outcomeOf(change) as CommandOutcome<CommandEntityOf<T>>;
    },
  });

  const transfer: CommandDefinition<typeof COMMAND_TYPES.transferContact> = {
    who: CALL_WHO,
    scope: callScope,
    async handle(ctx, command) {
      const row = await controllableCall(ctx, command);
      const { toAgentId, toQueueId } = command.payload;
      const change = await transferCall(
        ctx.tx,
        row,
        toAgentId ? { agentId: toAgentId } : { queueId: toQueueId },
        ctx.now,
      );
      const target = toAgentId ? { agentId: toAgentId } : { queueId: change.row.queueId };
      await tellPhoneSystem(ctx.tx, change.row, 'transfer', target);
      return outcomeOf(change);
    },
  };

  /**
   * Tells the phone system about a call it brought (a call logged by hand has none to control),
   * and wakes the outbound worker only when a job was written.
   */
  const tellAbout = async (
    ctx: CommandContext,
    outcome: CommandOutcome<Contact>,
    contactId: string,
    action: CallAction,
    target?: CallTarget,
  ): Promise<CommandOutcome<Contact>> => {
    const provider = (outcome.entity as { provider?: string | null } | null)?.provider;
    if (!fromPhoneSystem(provider)) return outcome;
    const row = await lockContact(ctx.tx, contactId);
    const told = row ? await tellPhoneSystem(ctx.tx, row, action, target) : false;
    return told ? withKick(outcome, kickOutbound) : outcome;
  };

  const accept: CommandDefinition<typeof COMMAND_TYPES.acceptContact> = {
    ...acceptContactCommand,
    async handle(ctx, command) {
      const outcome = await acceptContactCommand.handle(ctx, command);
      return tellAbout(ctx, outcome, command.payload.contactId, 'answer', { agentId: ctx.actor.id });
    },
  };

  const end: CommandDefinition<typeof COMMAND_TYPES.endContact> = {
    ...endContactCommand,
    async handle(ctx, command) {
      const outcome = await endContactCommand.handle(ctx, command);
      return tellAbout(ctx, outcome, command.payload.contactId, 'end');
    },
  };

  return {
    [COMMAND_TYPES.holdContact]: holdCommand(true),
    [COMMAND_TYPES.resumeContact]: holdCommand(false),
    [COMMAND_TYPES.transferContact]: transfer,
    [COMMAND_TYPES.acceptContact]: accept,
    [COMMAND_TYPES.endContact]: end,
  };
}

function withKick<E>(outcome: CommandOutcome<E>, kickOutbound: () => void): CommandOutcome<E> {
  return {
    ...outcome,
    afterCommit: (effects) => {
      outcome.afterCommit?.(effects);
      kickOutbound();
    },
  };
}
