import { AppError } from '../../platform/errors';
import { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { hasRole } from '../../features/auth/actor';
import { contactOf, type ContactRow } from '../../features/contacts/contact-row';
import { lockContact } from '../../features/contacts/contacts.repository';
import { acceptContactHandler, endContactHandler } from '../../features/contacts/work.commands';
import {
  checkVersion,
  type CommandContext,
  type CommandHandler,
  type CommandOutcome,
  type CommitEffects,
} from '../../features/sync/command-bus';
import type { CallAction, CallTarget } from '../../../src-shared/protocol/phone';
import { fromPhoneSystem, tellPhoneSystem } from '../../features/outbound/call-control-job';
import { setOnHold, transferCall, type CallChange } from './call-transitions';

const CALL_CHANNELS = new Set(['phone', 'callback']);

/** Locks a call the actor may control: the agent holding it, or any supervisor. */
async function controllableCall(
  { tx, actor }: CommandContext,
  command: { payload: { contactId: string }; expectedVersion?: number | undefined },
): Promise<ContactRow> {
  const isSupervisor = hasRole(actor, 'supervisor');
  if (!isSupervisor && !hasRole(actor, 'agent'))
    throw new AppError('forbidden', 'Only agents and supervisors control calls');
  const row = await lockContact(tx, command.payload.contactId);
  const visible = row && (isSupervisor || row.agentId === actor.id || actor.queueIds.includes(row.queueId));
  if (!row || !visible) throw new AppError('not_found', `No contact ${command.payload.contactId}`);
  if (!isSupervisor && row.agentId !== actor.id) {
    throw new AppError('forbidden', 'Only the agent on the call or a supervisor controls it', contactOf(row));
  }
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
 * system is told reliably. accept and end replace the plain contact handlers of the same type
 * (same rules, plus telling the phone system): the command bus keeps the last handler per type.
 */
export function createCallCommandHandlers({ kickOutbound }: OutboundKick): CommandHandler[] {
  const outcomeOf = (change: CallChange) => ({
    entity: contactOf(change.row),
    events: change.events,
    afterCommit: (effects: CommitEffects) => {
      kickOutbound();
      if (change.kickRouting) effects.kickRouting();
    },
  });

  const holdHandler = <T extends typeof COMMAND_TYPES.holdContact | typeof COMMAND_TYPES.resumeContact>(
    type: T,
    held: boolean,
  ): CommandHandler<T> => ({
    type,
    async handle(ctx, command) {
      const row = await controllableCall(ctx, command);
      const change = await setOnHold(ctx.tx, row, held, ctx.now);
      if (change.events.length > 0) {
        const holder = row.agentId ? { agentId: row.agentId } : undefined;
        await tellPhoneSystem(ctx.tx, change.row, held ? 'hold' : 'resume', held ? undefined : holder);
      }
      return outcomeOf(change);
    },
  });

  const transfer: CommandHandler<typeof COMMAND_TYPES.transferContact> = {
    type: COMMAND_TYPES.transferContact,
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
    outcome: CommandOutcome,
    contactId: string,
    action: CallAction,
    target?: CallTarget,
  ): Promise<CommandOutcome> => {
    const provider = (outcome.entity as { provider?: string | null } | null)?.provider;
    if (!fromPhoneSystem(provider)) return outcome;
    const row = await lockContact(ctx.tx, contactId);
    const told = row ? await tellPhoneSystem(ctx.tx, row, action, target) : false;
    return told ? withKick(outcome, kickOutbound) : outcome;
  };

  const accept: CommandHandler<typeof COMMAND_TYPES.acceptContact> = {
    type: COMMAND_TYPES.acceptContact,
    async handle(ctx, command) {
      const outcome = await acceptContactHandler.handle(ctx, command);
      return tellAbout(ctx, outcome, command.payload.contactId, 'answer', { agentId: ctx.actor.id });
    },
  };

  const end: CommandHandler<typeof COMMAND_TYPES.endContact> = {
    type: COMMAND_TYPES.endContact,
    async handle(ctx, command) {
      const outcome = await endContactHandler.handle(ctx, command);
      return tellAbout(ctx, outcome, command.payload.contactId, 'end');
    },
  };

  return [
    holdHandler(COMMAND_TYPES.holdContact, true),
    holdHandler(COMMAND_TYPES.resumeContact, false),
    transfer,
    accept,
    end,
  ] as CommandHandler[];
}

function withKick(outcome: CommandOutcome, kickOutbound: () => void): CommandOutcome {
  return {
    ...outcome,
    afterCommit: (effects) => {
      outcome.afterCommit?.(effects);
      kickOutbound();
    },
  };
}
