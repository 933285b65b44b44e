import { AppError } from '../../platform/errors';
import type { COMMAND_TYPES } from '../../../src-shared/protocol/commands';
import { EVENT_TYPES } from '../../../src-shared/protocol/sync';
import { agentStateEvent } from '../agents/agent-state';
import { chooseAgentState } from '../agents/agent-work';
import { lockAgent } from '../agents/agents.repository';
import { checkVersion, type CommandDefinition } from '../sync/command-bus';
import { anyone } from '../access/command-scopes';
import type { NewEvent } from '../sync/event-log';
import { lockUser, revokeUserSessions, saveDisabled } from './users.repository';

/**
 * Disabling an account ends all its sessions and live sockets at once and takes the agent
 * out of routing (Offline); enabling lets the person sign in again.
 */
export const setUserDisabledCommand: CommandDefinition<typeof COMMAND_TYPES.setUserDisabled> = {
  who: ['admin'],
  scope: anyone,
  async handle({ tx, actor, now }, command) {
    const { userId, disabled } = command.payload;
    if (userId === actor.id) throw new AppError('invalid', 'You cannot disable your own account');
    const current = await lockUser(tx, userId);
    if (!current) throw new AppError('not_found', `No user ${userId}`);
    checkVersion(command.expectedVersion, current, current);
    if (current.disabled === disabled) return { entity: current, events: [] };
    const next = { ...current, disabled, version: current.version + 1 };
    await saveDisabled(tx, userId, disabled, next.version);
    const events: NewEvent[] = [
      {
        type: EVENT_TYPES.userUpdated,
        entityKind: 'user',
        entityId: userId,
        entityVersion: next.version,
        payload: next,
        audience: { users: [userId], roles: ['admin', 'supervisor'] },
      },
    ];
    if (disabled) {
      await revokeUserSessions(tx, userId, now);
      const agent = next.roles.includes('agent') ? await lockAgent(tx, userId) : null;
      if (agent && agent.state !== 'offline') {
        const offline = await chooseAgentState(
          tx,
          { ...agent, disabled: true },
          { state: 'offline', reasonCode: null },
          now,
        );
        events.push(...offline.contactEvents, agentStateEvent(offline.agent));
      }
    }
    return {
      entity: next,
      events,
      afterCommit: (effects) => {
        if (disabled) effects.endSessions(`user:${userId}`, 'disabled');
        effects.kickRouting();
      },
    };
  },
};
