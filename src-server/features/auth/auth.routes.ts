import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginBody, LoginResponse, LogoutBody, RefreshBody } from '../../../src-shared/protocol/auth';
import { MeResponse } from '../../../src-shared/protocol/http';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import type { RouteDeps } from '../../http/route-deps';
import { limitRequests } from '../../http/rate-limit-hook';

const AUTH_BODY_LIMIT = 8 * 1024;

export function registerAuthRoutes(
  app: FastifyInstance,
  { auth, authenticate, effects, config, limits }: RouteDeps,
): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const logins = limits.shared('logins', { points: config.loginRateLimit, durationS: 60 });

  routes.post(
    API_ROUTES.login,
    {
      bodyLimit: AUTH_BODY_LIMIT,
      // preHandler: keyed by the username in the parsed body. Per address and username: one noisy
      // user cannot lock out a whole office behind one NAT.
      preHandler: limitRequests(logins, (req) => {
        const body: unknown = req.body;
        const username =
          typeof body === 'object' && body !== null && 'username' in body
            ? String(body.username).slice(0, 64)
            : '';
        return `${req.ip}|${username.toLowerCase()}`;
      }),
      schema: {
        tags: ['auth'],
        summary: 'Sign in: a short-lived access token and a rotating refresh token',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (req) => auth.login(req.body),
  );

  routes.post(
    API_ROUTES.refresh,
    {
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ['auth'],
        summary: 'Trade a refresh token for a new access token and a new refresh token',
        body: RefreshBody,
        response: { 200: LoginResponse },
      },
    },
    async (req) => auth.refresh(req.body.refreshToken),
  );

  routes.post(
    API_ROUTES.logout,
    {
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends this session and its live sockets',
        security: [{ bearer: [] }],
        body: LogoutBody.optional(),
        response: { 204: z.null() },
      },
      preHandler: authenticate(),
    },
    async (req, reply) => {
      const sessionId = await auth.logout(req.actor());
      effects.endSessions(`session:${sessionId}`, 'signed_out');
      return reply.status(204).send(null);
    },
  );

  routes.get(
    API_ROUTES.me,
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        security: [{ bearer: [] }],
        response: { 200: MeResponse },
      },
      preHandler: authenticate(),
    },
    async (req) => {
      const { id, username, displayName, roles, teamId } = req.actor();
      return { user: { id, username, displayName, roles, teamId } };
    },
  );
}
