import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../http/route-deps';
import type { CommandBus } from '../sync/command-bus';
import { registerCoachingReadRoutes } from './coaching-read.routes';
import { registerCoachingWriteRoutes } from './coaching-write.routes';

/** The coaching HTTP surface (src-shared/protocol/coaching-http.ts). */
export function registerCoachingRoutes(app: FastifyInstance, deps: RouteDeps, commands: CommandBus): void {
  registerCoachingReadRoutes(app, deps);
  registerCoachingWriteRoutes(app, deps, commands);
}
