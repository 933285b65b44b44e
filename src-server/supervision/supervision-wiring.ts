import type { CommandHandler } from '../features/sync/command-bus';
import { createReassignHandler } from './reassign.command';
import { jumpContactHandler } from './jump.command';
import { forceAgentStateHandler } from './force-agent-state.command';
import { acknowledgeBroadcastHandler, sendBroadcastHandler } from './broadcast.commands';
import { acknowledgeAlertHandler, readNotificationHandler } from './alert.commands';
import { saveEscalationRulesHandler } from './escalation.commands';

/** The supervisor's commands (issue 14), for the command bus. */
export function supervisionHandlers(deps: { kickOutbound(): void }): CommandHandler[] {
  return [
    createReassignHandler(deps),
    forceAgentStateHandler,
    jumpContactHandler,
    sendBroadcastHandler,
    acknowledgeBroadcastHandler,
    acknowledgeAlertHandler,
    readNotificationHandler,
    saveEscalationRulesHandler,
  ] as CommandHandler[];
}
