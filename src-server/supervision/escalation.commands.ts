import type { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { anyone } from '../features/access/command-scopes';
import { checkVersion, type CommandDefinition } from '../features/sync/command-bus';
import { scheduleAllUnresolved } from './escalation-deadlines';
import { lockEscalationRules, writeEscalationRules } from './escalation-rules.repository';

/**
 * An admin saves the escalation rules, all of them in order. Every unresolved case is looked at
 * again on the next sweep under the new rules; a step that already fired (same rule id and step
 * key) does not fire again.
 */
export const saveEscalationRulesCommand: CommandDefinition<typeof COMMAND_TYPES.saveEscalationRules> = {
  who: ['admin'],
  scope: anyone,
  async handle({ tx, now }, command) {
    const current = await lockEscalationRules(tx);
    checkVersion(command.expectedVersion, current, current);
    const saved = await writeEscalationRules(tx, command.payload.rules, current.version + 1);
    await scheduleAllUnresolved(tx, now);
    return { entity: saved, events: [] };
  },
};
