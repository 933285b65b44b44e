import { AppError } from '../platform/errors';
import { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { hasRole } from '../features/auth/actor';
import { checkVersion, type CommandHandler } from '../features/sync/command-bus';
import { scheduleAllUnresolved } from './escalation-deadlines';
import { lockEscalationRules, writeEscalationRules } from './escalation-rules.repository';

/**
 * An admin saves the escalation rules, all of them in order. Every unresolved case is looked at
 * again on the next sweep under the new rules; a step that already fired (same rule id and step
 * key) does not fire again.
 */
export const saveEscalationRulesHandler: CommandHandler<typeof COMMAND_TYPES.saveEscalationRules> = {
  type: COMMAND_TYPES.saveEscalationRules,
  async handle({ tx, actor, now }, command) {
    if (!hasRole(actor, 'admin')) throw new AppError('forbidden', 'Only admins edit escalation rules');
    const current = await lockEscalationRules(tx);
    checkVersion(command.expectedVersion, current, current);
    const saved = await writeEscalationRules(tx, command.payload.rules, current.version + 1);
    await scheduleAllUnresolved(tx, now);
    return { entity: saved, events: [] };
  },
};
