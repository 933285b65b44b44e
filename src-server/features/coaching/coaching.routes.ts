import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../http/route-deps';
import type { CommandBus } from '../sync/command-bus';
import { registerCoachingReadRoutes } from './coaching-read.routes';
import { registerCoachingWriteRoutes } from './coaching-write.routes';
import { registerFollowUpRoutes } from './coaching-follow-up.routes';
import { registerQualityCompareRoutes } from './quality-compare.routes';
import { registerSamplingRoutes } from './sampling.routes';

/** The coaching HTTP surface (src-shared/protocol/coaching-http.ts). */
export function registerCoachingRoutes(app: FastifyInstance, deps: RouteDeps, commands: CommandBus): void {
  registerCoachingReadRoutes(app, deps);
  registerCoachingWriteRoutes(app, deps, commands);
  registerFollowUpRoutes(app, deps, commands);
  registerSamplingRoutes(app, deps, commands);
  registerQualityCompareRoutes(app, deps);
}
