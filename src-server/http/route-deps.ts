import type { preHandlerAsyncHookHandler } from 'fastify';
import type { Db } from '../db/database';
import type { Config } from '../platform/config';
import type { RateLimits } from '../platform/rate-limits';
import type { Role } from '../../src-shared/protocol/auth';
import type { AuthService } from '../features/auth/auth.service';
import type { CommitEffects } from '../features/sync/command-bus';

/** What every feature's routes may use. */
export interface RouteDeps {
  db: Db;
  config: Config;
  auth: AuthService;
  effects: CommitEffects;
  /** Rate limits, shared by every node when Redis is there. */
  limits: RateLimits;
  /** A preHandler that requires a live session and, when given, one of the roles. */
  authenticate(...roles: Role[]): preHandlerAsyncHookHandler;
}
