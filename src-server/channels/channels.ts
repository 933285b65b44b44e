import type { FastifyInstance } from 'fastify';
import type { Server } from 'socket.io';
import type { RouteDeps } from '../http/route-deps';
import type { ConsoleEvent } from '../socket/console-events';
import type { ChannelDeps } from './inbound-commit';
import {
  createOutboundWorker,
  type JobKind,
  type JobSender,
  type OutboundWorker,
} from '../features/outbound/outbound-jobs';
import { createEmailReplyChannel } from './email/email-reply.channel';
import { createPhoneChannel } from './phone/phone-channel';
import { createWebChannel } from './web/web-channel';
import type { StoredEvent } from '../features/sync/event-log';
import { createEmailInChannel } from './email/email-in.channel';
import { createSurveyChannel } from './survey/survey.channel';

/**
 * What a channel adapter brings: routes, a socket namespace of its own, events on the console's
 * socket, a listener, an outbound sender.
 */
export interface ChannelModule {
  name: string;
  register?(http: FastifyInstance, routeDeps: RouteDeps): void;
  installSockets?(io: Server): void;
  /** Events the console sends on `/`, served by the console's socket wrapper and gate. */
  consoleEvents?: readonly ConsoleEvent[];
  senders?: Partial<Record<JobKind, JobSender>>;
  /** Starts listeners of its own (the SMTP server) once the app listens. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** Sees every event a command or channel committed on this node (e.g. to tell a chat visitor). */
  observe?(events: StoredEvent[]): void;
}

export interface ChannelContext extends ChannelDeps {
  /** Send committed outbound jobs now rather than at the next tick. */
  kickOutbound(): void;
}

/**
 * Every inbound channel under src-server/channels/ (phone, email, web) plus the durable outbound
 * queue they share. Add an adapter by adding its factory to CHANNEL_FACTORIES.
 */
const CHANNEL_FACTORIES: ((ctx: ChannelContext) => ChannelModule)[] = [
  createEmailReplyChannel,
  createPhoneChannel,
  createEmailInChannel,
  createWebChannel,
  createSurveyChannel,
];

export interface Channels {
  modules: ChannelModule[];
  /** Every channel's console events, for the socket server. */
  consoleEvents: readonly ConsoleEvent[];
  outbound: OutboundWorker;
  start(): Promise<void>;
  stop(): Promise<void>;
  observe(events: StoredEvent[]): void;
}

export function createChannels(
  http: FastifyInstance,
  io: Server,
  routeDeps: RouteDeps,
  deps: ChannelDeps,
): Channels {
  let outbound: OutboundWorker | null = null;
  const ctx: ChannelContext = { ...deps, kickOutbound: () => outbound?.kick() };
  const modules = CHANNEL_FACTORIES.map((factory) => factory(ctx));
  outbound = createOutboundWorker({
    db: deps.db,
    log: deps.log,
    senders: Object.assign({}, ...modules.map((m) => m.senders ?? {})) as Partial<Record<JobKind, JobSender>>,
  });
  for (const module of modules) {
    module.register?.(http, routeDeps);
    module.installSockets?.(io);
  }
  const worker = outbound;
  return {
    modules,
    consoleEvents: modules.flatMap((module) => module.consoleEvents ?? []),
    outbound: worker,
    observe(events) {
      for (const module of modules) module.observe?.(events);
    },
    async start() {
      for (const module of modules) await module.start?.();
      worker.start();
    },
    async stop() {
      await worker.stop();
      for (const module of [...modules].reverse()) await module.stop?.();
    },
  };
}
