import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../http/route-deps';
import type { CommandBus, CommandHandler } from '../features/sync/command-bus';
import { createReassignHandler } from './reassign.command';
import { registerReassignRoutes } from './supervision.routes';
import { registerActionRoutes } from './actions.routes';
import { registerImpactRoutes } from './impact.routes';
import { jumpContactHandler } from './jump.command';
import { forceAgentStateHandler } from './force-agent-state.command';
import { acknowledgeBroadcastHandler, sendBroadcastHandler } from './broadcast.commands';
import { acknowledgeAlertHandler, readNotificationHandler } from './alert.commands';
import { saveEscalationRulesHandler } from './escalation.commands';
import { registerEscalationRoutes } from './escalation.routes';

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

/** The supervisor's HTTP routes; they run commands through the same bus as the console. */
export function registerSupervisionRoutes(app: FastifyInstance, deps: RouteDeps, commands: CommandBus): void {
  registerReassignRoutes(app, deps, commands);
  registerActionRoutes(app, deps, commands);
  registerImpactRoutes(app, deps, commands);
  registerEscalationRoutes(app, deps, commands);
}
