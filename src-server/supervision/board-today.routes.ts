import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BoardToday } from '../../src-shared/protocol/board-today';
import { API_ROUTES } from '../../src-shared/protocol/routes';
import type { RouteDeps } from '../http/route-deps';

/** The board's figures for today, as pushed on the socket (for integrations and for checking the push). */
export function registerBoardTodayRoute(
  app: FastifyInstance,
  { authenticate }: RouteDeps,
  read: () => Promise<BoardToday>,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    API_ROUTES.boardToday,
    {
      schema: {
        tags: ['supervision'],
        summary:
          "Today's board figures: queues' service level (the KPI report's, for the local day), abandoned and expected wait by channel; agents' occupancy, offers missed today and connected consoles",
        security: [{ bearer: [] }],
        response: { 200: BoardToday },
      },
      preHandler: authenticate('supervisor', 'admin'),
    },
    () => read(),
  );
}
