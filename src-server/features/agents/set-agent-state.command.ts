import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { agentStateEvent } from './agent-state';
import { checkVersion, type CommandDefinition } from '../sync/command-bus';
import { hasAnyRole } from '../access/command-scopes';
import { lockAgent } from './agents.repository';
import { chooseAgentState } from './agent-work';

const ownState = hasAnyRole(['agent'], 'Only agents have an agent state');
const othersState = hasAnyRole(['supervisor'], "Only supervisors change another agent's state");

/**
 * An agent changes their own state; a supervisor may change another agent's. Only agents have
 * a state, so the self case asks for the agent role.
 */
export const setAgentStateCommand: CommandDefinition<typeof COMMAND_TYPES.setAgentState> = {
  who: ['agent', 'supervisor'],
  scope: (ctx, command) =>
    (command.payload.agentId ?? ctx.actor.id) === ctx.actor.id
      ? ownState(ctx, command)
      : othersState(ctx, command),
  async handle({ tx, actor, now }, command) {
    const { state, reasonCode } = command.payload;
    const agentId = command.payload.agentId ?? actor.id;
    const current = await lockAgent(tx, agentId);
    if (!current) throw new AppError('not_found', `No agent ${agentId}`);
    if (current.disabled) throw new AppError('forbidden', 'This account is disabled');
    checkVersion(command.expectedVersion, current, current);
    const chosen = await chooseAgentState(tx, current, { state, reasonCode: reasonCode ?? null }, now);
    return {
      entity: chosen.agent,
      events: [...chosen.contactEvents, agentStateEvent(chosen.agent)],
      afterCommit: (effects) => effects.kickRouting(),
    };
  },
};
