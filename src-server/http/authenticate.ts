import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../platform/errors';
import type { Role } from '../../src-shared/protocol/auth';
import { hasRole, type Actor } from '../features/auth/actor';
import type { AuthService } from '../features/auth/auth.service';
import { declareAccess, tagAccess } from './route-access';

declare module 'fastify' {
  interface FastifyRequest {
    authenticatedActor: Actor | null;
    /** The signed-in actor; only call behind an `authenticate` preHandler. */
    actor(): Actor;
  }
}

/**
 * Installs the one way a route says who may call it: `preHandler: authenticate(...roles)` (or
 * `onRequest:`). The check runs on `onRequest` either way, and the OpenAPI document shows the
 * roles (route-access.ts). Routes registered before this call are not seen.
 */
export function installAuthentication(app: FastifyInstance, auth: AuthService) {
  app.addHook('onRoute', declareAccess);
  app.decorateRequest('authenticatedActor', null);
  app.decorateRequest('actor', function (this: { authenticatedActor: Actor | null }) {
    if (!this.authenticatedActor) throw new AppError('unauthenticated', 'Sign in first');
    return this.authenticatedActor;
  });

  return (...roles: Role[]): preHandlerAsyncHookHandler =>
    tagAccess(
      async (req) => {
        const header = req.headers.authorization;
        const token =
          typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
        const actor = await auth.authenticate(token);
        if (roles.length > 0 && !hasRole(actor, ...roles)) {
          throw new AppError('forbidden', `This needs the ${roles.join(' or ')} role`);
        }
        req.authenticatedActor = actor;
      },
      { roles },
    );
}
