import { AppError } from '../../platform/errors';
import { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { hasRole } from '../auth/actor';
import { agentStateEvent } from './agent-state';
import { checkVersion, type CommandHandler } from '../sync/command-bus';
import { lockAgent } from './agents.repository';
import { chooseAgentState } from './agent-work';

export const setAgentStateHandler: CommandHandler<typeof COMMAND_TYPES.setAgentState> = {
  type: COMMAND_TYPES.setAgentState,
  async handle({ tx, actor, now }, command) {
    const { state, reasonCode } = command.payload;
    const agentId = command.payload.agentId ?? actor.id;
    const isSelf = agentId === actor.id;
    if (isSelf && !hasRole(actor, 'agent'))
      throw new AppError('forbidden', 'Only agents have an agent state');
    if (!isSelf && !hasRole(actor, 'supervisor')) {
      throw new AppError('forbidden', "Only supervisors change another agent's state");
    }
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
