import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_ROUTES } from '../../src-shared/protocol/routes';
import { COMMAND_TYPES } from '../../src-shared/protocol/commands';
import { Agent } from '../../src-shared/protocol/entities';
import { IdParams } from '../../src-shared/protocol/http';
import { QueueAlert } from '../../src-shared/protocol/contacts';
import { ForceAgentStateBody, SendBroadcastPayload } from '../../src-shared/protocol/supervisor-commands';
import {
  AlertsResponse,
  Broadcast,
  BroadcastResponse,
  BroadcastsResponse,
  NotificationsResponse,
} from '../../src-shared/protocol/supervisor-entities';
import { hasRole } from '../features/auth/actor';
import type { RouteDeps } from '../http/route-deps';
import type { CommandBus } from '../features/sync/command-bus';
import { STAFF_ROLES } from '../features/directory/staff-roles';
import { runAsCommand } from '../http/run-command';
import { listBroadcasts } from './broadcasts.repository';
import { listOpenAlerts } from './alerts-read';
import { listNotifications } from '../features/notices/notifications.repository';

const BroadcastIdParams = z.object({ id: z.uuid() });
const AlertIdParams = z.object({ id: z.string().min(1).max(200) });

/** Forced states, broadcasts, alerts and notifications over HTTP (issue 14). */
export function registerActionRoutes(
  app: FastifyInstance,
  { db, authenticate }: RouteDeps,
  commands: CommandBus,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const common = { security: [{ bearer: [] }], tags: ['supervision'] };
  routes.post(
    API_ROUTES.agentState,
    {
      schema: {
        ...common,
        summary: "Force an agent's state: Away with a reason code, or Offline (signs out every device)",
        params: IdParams,
        body: ForceAgentStateBody,
        response: { 200: z.object({ agent: Agent }) },
      },
      preHandler: authenticate(),
    },
    async (req) => {
      const entity = await runAsCommand(commands, req, COMMAND_TYPES.forceAgentState, {
        ...req.body,
        agentId: req.params.id,
      });
      return { agent: Agent.parse(entity) };
    },
  );
  routes.post(
    API_ROUTES.broadcasts,
    {
      schema: {
        ...common,
        summary: "Broadcast to a team's or a queue's agents",
        body: SendBroadcastPayload,
        response: { 200: BroadcastResponse },
      },
      preHandler: authenticate(),
    },
    async (req) => ({
      broadcast: Broadcast.parse(await runAsCommand(commands, req, COMMAND_TYPES.sendBroadcast, req.body)),
    }),
  );
  routes.get(
    API_ROUTES.broadcasts,
    {
      schema: {
        ...common,
        summary: 'Recent broadcasts (agents: their team’s)',
        response: { 200: BroadcastsResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => {
      const actor = req.actor();
      const teamId = hasRole(actor, 'supervisor', 'admin') ? null : (actor.teamId ?? '');
      return { broadcasts: await listBroadcasts(db, teamId) };
    },
  );
  routes.post(
    API_ROUTES.broadcastAcknowledge,
    {
      schema: {
        ...common,
        summary: 'Acknowledge a broadcast sent to you',
        params: BroadcastIdParams,
        response: { 200: BroadcastResponse },
      },
      preHandler: authenticate(),
    },
    async (req) => ({
      broadcast: Broadcast.parse(
        await runAsCommand(commands, req, COMMAND_TYPES.acknowledgeBroadcast, { broadcastId: req.params.id }),
      ),
    }),
  );
  routes.get(
    API_ROUTES.alerts,
    {
      schema: {
        ...common,
        summary: 'Open alerts, with who acknowledged them',
        response: { 200: AlertsResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => ({ alerts: await listOpenAlerts(db, req.actor()) }),
  );
  routes.post(
    API_ROUTES.alertAcknowledge,
    {
      schema: {
        ...common,
        summary: 'Acknowledge an open alert (supervisors of its team, admins)',
        params: AlertIdParams,
        response: { 200: z.object({ alert: QueueAlert }) },
      },
      preHandler: authenticate(),
    },
    async (req) => ({
      alert: QueueAlert.parse(
        await runAsCommand(commands, req, COMMAND_TYPES.acknowledgeAlert, { alertId: req.params.id }),
      ),
    }),
  );
  routes.get(
    API_ROUTES.notifications,
    {
      schema: {
        ...common,
        summary: 'Your console notifications, newest first',
        response: { 200: NotificationsResponse },
      },
      preHandler: authenticate(),
    },
    async (req) => ({ notifications: await listNotifications(db, req.actor().id) }),
  );
}
