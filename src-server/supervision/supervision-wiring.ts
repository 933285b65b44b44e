import type { CommandRegistry } from '../features/sync/command-bus';
import { SUPERVISOR_COMMAND_TYPES as T } from '../../src-shared/protocol/supervisor-commands';
import { createReassignCommand } from './reassign.command';
import { jumpContactCommand } from './jump.command';
import { forceAgentStateCommand } from './force-agent-state.command';
import { acknowledgeBroadcastCommand, sendBroadcastCommand } from './broadcast.commands';
import { acknowledgeAlertCommand, readNotificationCommand } from './alert.commands';
import { saveEscalationRulesCommand } from './escalation.commands';

type SupervisionCommands = Pick<CommandRegistry, (typeof T)[keyof typeof T]>;

/** The supervisor's commands (issue 14), for the command registry. */
export function supervisionCommands(deps: { kickOutbound(): void }): SupervisionCommands {
  return {
    [T.reassignContact]: createReassignCommand(deps),
    [T.forceAgentState]: forceAgentStateCommand,
    [T.jumpContact]: jumpContactCommand,
    [T.sendBroadcast]: sendBroadcastCommand,
    [T.acknowledgeBroadcast]: acknowledgeBroadcastCommand,
    [T.acknowledgeAlert]: acknowledgeAlertCommand,
    [T.readNotification]: readNotificationCommand,
    [T.saveEscalationRules]: saveEscalationRulesCommand,
  };
}
