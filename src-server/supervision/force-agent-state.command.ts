import { AppError } from '../platform/errors';
import type { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { agentStateEvent } from '../features/agents/agent-state';
import { lockAgent } from '../features/agents/agents.repository';
import { revokeUserSessions } from '../features/admin/users.repository';
import { chooseAgentState } from '../features/agents/agent-work';
import { checkVersion, type CommandDefinition } from '../features/sync/command-bus';
import { notify } from '../features/notices/notifications.repository';
import { supervisesTeam, teamOfUser } from '../features/access/command-scopes';

/**
 * A supervisor sets an agent's state (issue 14): Away with a reason code, or Offline — which
 * signs out a ghost session on every device (sessions revoked, sockets told and closed on every
 * node). Offers not yet accepted go back to their queues; the agent is told who and why.
 */
export const forceAgentStateCommand: CommandDefinition<typeof COMMAND_TYPES.forceAgentState> = {
  who: ['supervisor', 'admin'],
  scope: supervisesTeam(({ tx }, { payload }) => teamOfUser(tx, payload.agentId)),
  async handle({ tx, actor, now }, command) {
    const { agentId, state, reasonCode, reason } = command.payload;
    const current = await lockAgent(tx, agentId);
    if (!current) throw new AppError('not_found', `No agent ${agentId}`);
    checkVersion(command.expectedVersion, current, current);
    const chosen = await chooseAgentState(tx, current, { state, reasonCode: reasonCode ?? null }, now);
    const signsOut = state === 'offline';
    if (signsOut) await revokeUserSessions(tx, agentId, now);
    const notice = await notify(tx, {
      userId: agentId,
      kind: 'state_forced',
      params: { by: actor.displayName, state, reasonCode: reasonCode ?? '', reason },
      now,
    });
    return {
      entity: chosen.agent,
      events: [...chosen.contactEvents, agentStateEvent(chosen.agent), notice],
      afterCommit: (effects) => {
        if (signsOut) effects.endSessions(`user:${agentId}`, 'signed_out');
        effects.kickRouting();
      },
    };
  },
};
