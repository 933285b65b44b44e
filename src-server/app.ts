import { existsSync } from 'node:fs';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Server } from 'socket.io';
import type { Database } from './db/database';
import { watchDatabaseHealth } from './db/database-health';
import type { Config } from './platform/config';
import { createMetrics, type Metrics } from './platform/metrics';
import { installAuthentication } from './http/authenticate';
import { installErrorHandler } from './http/error-handler';
import { createCommandRegistry } from './command-registry';
import { installNulRefusal } from './platform/nul-input';
import { installCors } from './http/origins';
import { setConsoleHeaders } from './http/console-headers';
import { registerContactRoutes } from './features/contacts/contacts.routes';
import { createRoutingEngine, type RoutingEngine } from './routing/routing-engine';
import { createChannels, type Channels } from './channels/channels';
import type { RouteDeps } from './http/route-deps';
import { registerHealthRoutes } from './http/health.routes';
import { createAuthService } from './features/auth/auth.service';
import { registerAuthRoutes } from './features/auth/auth.routes';
import { registerAgentRoutes } from './features/agents/agents.routes';
import { registerCustomerRoutes } from './features/customers/customers.routes';
import { registerCaseRoutes } from './features/cases/cases.routes';
import { registerAttachmentRoutes } from './features/cases/attachments.routes';
import { registerDirectoryRoutes } from './features/directory/directory.routes';
import { registerKbRoutes } from './features/kb/kb.routes';
import { registerCannedResponseRoutes } from './features/canned/canned-responses.routes';
import { registerReportRoutes } from './features/reports/reports.routes';
import { registerAdminRoutes } from './features/admin/admin.routes';
import { createCommandBus, type CommandBus, type CommitEffects } from './features/sync/command-bus';
import { API_ROUTES } from '../src-shared/protocol/routes';
import { trackConsolePresence } from './socket/console-presence';
import { createSocketServer, socketEffects } from './socket/socket-server';
import { createRateLimits, type SharedLimitStore } from './platform/rate-limits';
import { createKpiProjection, type KpiProjection } from './features/kpi/kpi-projection';
import { readKpiSettings } from './features/kpi/kpi-settings';
import { registerKpiRoutes } from './features/kpi/kpi.routes';
import { registerDeadlineSweep, registerTimerHandler } from './routing/deadline-owners';
import { visitorGoneDue } from './channels/web/chat-conversations';
import { responseTimerDue } from './supervision/response-timer';
import { fireDueEscalations } from './supervision/escalation-sweep';
import { sweepFloorAlerts } from './supervision/alert-sweep';
import { registerSupervisionRoutes } from './supervision/supervision.routes';
import { readBoardToday } from './supervision/board-today';
import { registerBoardTodayRoute } from './supervision/board-today.routes';
import { pushBoardToday } from './socket/board-today-push';
import { registerCoachingRoutes } from './features/coaching/coaching.routes';
import { registerSurveyPreferenceRoute } from './features/surveys/survey-preference.routes';
import { logBackgroundFailure } from './platform/background-failure';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Installs a socket.io adapter (Redis Streams for several nodes); default: in-memory. */
  configureSockets?: (io: Server, log: FastifyBaseLogger) => void;
  /** Where rate-limit counters are shared by every node (Redis); default: each node counts alone. */
  sharedLimitStore?: SharedLimitStore;
}

export interface App {
  http: FastifyInstance;
  io: Server;
  commands: CommandBus;
  metrics: Metrics;
  /** The routing engine; it runs once the app listens. */
  routing: RoutingEngine;
  /** Inbound channel adapters and the outbound queue; they start once the app listens. */
  channels: Channels;
  /** The KPI projection of the event log (it polls once the app listens). */
  kpi: KpiProjection;
  /** Listens on the configured host and port (0: any free port); resolves to the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Builds the whole server (HTTP + socket.io) from its dependencies without listening. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const db = database.db;
  const metrics = createMetrics();
  registerDeadlineOwners();
  const http = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: 256 * 1024,
    // Room for a signed survey link's token in `/survey/:token` (default 100); longer ones answer 414.
    routerOptions: { maxParamLength: 2048 },
    trustProxy: false,
    // Per-request lines only when debugging: at info, a busy contact center would drown its own logs.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
  });
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  installErrorHandler(http);
  installNulRefusal(http);
  installCors(http, config);
  http.addHook('onResponse', async (req, reply) => {
    metrics.httpRequests.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  await http.register(fastifySwagger, {
    openapi: {
      info: { title: 'Agentdeck API', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: jsonSchemaTransform,
  });

  const limits = createRateLimits(deps.sharedLimitStore);
  // A session revoked for a replayed refresh token ends its live sockets on every node.
  const auth = createAuthService(db, config.jwtSecret, {
    onSessionRevoked: (sessionId) => liveEffects.endSessions(`session:${sessionId}`, 'revoked'),
  });
  const io = createSocketServer(http.server, {
    config,
    db,
    auth,
    limits,
    metrics,
    log: http.log,
    commandBus: () => commands,
    channelEvents: () => channels.consoleEvents,
  });
  deps.configureSockets?.(io, http.log);
  const presence = trackConsolePresence(io, { db, log: http.log, graceSeconds: config.presenceGraceSeconds });
  const liveEffects = socketEffects(io);
  const kpiSettings = readKpiSettings(process.env);
  const kpi = createKpiProjection({
    db,
    settings: kpiSettings.projection,
    onError: (err) => logBackgroundFailure(http.log, err, 'KPI projection'),
  });
  const readBoard = () =>
    readBoardToday(
      { db, kpi: kpiSettings.read, catchUp: () => kpi.catchUp(), devicesOf: () => boardPush.devicesOf() },
      Date.now(),
    );
  const boardPush = pushBoardToday(io, readBoard, http.log);
  const routing = createRoutingEngine({
    db: database.routingDb,
    publish: (events) => {
      liveEffects.publish(events);
      boardPush.changed();
    },
    log: http.log,
  });
  const effects: CommitEffects = {
    ...liveEffects,
    // Channels see committed events too (a chat line or a chat's end goes to its visitor).
    publish: (events) => {
      liveEffects.publish(events);
      channels.observe(events);
      kpi.kick();
      boardPush.changed();
    },
    kickRouting: () => routing.kick(),
  };
  const commandSettings = {
    expiredContractQueueId: config.expiredContractQueueId,
    coachingDisputeDays: config.coachingDisputeDays,
    phoneRegion: config.phoneRegion,
  };
  const commands = createCommandBus({
    db,
    registry: createCommandRegistry({
      mailFrom: config.mailFrom,
      kickOutbound: () => channels.outbound.kick(),
    }),
    effects,
    metrics,
    settings: commandSettings,
  });

  const routeDeps: RouteDeps = {
    db,
    config,
    auth,
    effects,
    limits,
    authenticate: installAuthentication(http, auth),
  };
  const health = watchDatabaseHealth(database, http.log);
  registerHealthRoutes(http, { database, health, metrics });
  for (const register of [
    registerAuthRoutes,
    registerAgentRoutes,
    registerCustomerRoutes,
    registerCaseRoutes,
    registerAttachmentRoutes,
    registerDirectoryRoutes,
    registerKbRoutes,
    registerCannedResponseRoutes,
    registerReportRoutes,
    registerAdminRoutes,
    registerContactRoutes,
  ]) {
    register(http, routeDeps);
  }
  registerKpiRoutes(http, routeDeps, { projection: kpi, settings: kpiSettings });
  registerSupervisionRoutes(http, routeDeps, commands);
  registerBoardTodayRoute(http, routeDeps, readBoard);
  registerCoachingRoutes(http, routeDeps, commands);
  registerSurveyPreferenceRoute(http, routeDeps, commands);
  const channels = createChannels(http, io, routeDeps, {
    db,
    config,
    effects,
    metrics,
    settings: commandSettings,
    limits,
    log: http.log,
  });
  http.get(API_ROUTES.openapi, { schema: { hide: true } }, async () => http.swagger());
  await serveConsole(http, config.rendererDir);

  return {
    http,
    io,
    commands,
    metrics,
    routing,
    channels,
    kpi,
    async listen() {
      await http.listen({ port: config.httpPort, host: config.host });
      routing.start();
      await channels.start();
      presence.checkAll();
      kpi.start();
      const address = http.server.address();
      const port = typeof address === 'object' && address ? address.port : config.httpPort;
      return `http://127.0.0.1:${port}`;
    },
    async close() {
      health.stop();
      boardPush.stop();
      await presence.settled();
      await channels.stop();
      await routing.stop();
      await kpi.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await presence.settled();
      await http.close();
    },
  };
}

/** The console built by electron-vite, served at `/` for people using a browser. */
async function serveConsole(http: FastifyInstance, rendererDir: string): Promise<void> {
  if (existsSync(rendererDir)) {
    await http.register(fastifyStatic, {
      root: rendererDir,
      prefix: '/',
      index: 'index.html',
      setHeaders: setConsoleHeaders,
    });
    return;
  }
  http.get('/', { schema: { hide: true } }, async (_req, reply) =>
    reply
      .status(503)
      .type('text/plain')
      .send('The console is not built yet: run `npm run build`, then reload.'),
  );
}

/** Deadlines owned above routing, fired by routing's deadline pass (which may not import them). */
function registerDeadlineOwners(): void {
  registerTimerHandler('visitor_gone', visitorGoneDue);
  registerTimerHandler('reassign_response', responseTimerDue);
  registerDeadlineSweep('escalation-steps', fireDueEscalations);
  // Last: the alerts read the floor as the other deadlines left it.
  registerDeadlineSweep('floor-alerts', (tx, now) => sweepFloorAlerts(tx, now));
}
