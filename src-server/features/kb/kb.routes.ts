import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, eq, ilike, or } from 'drizzle-orm';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { KbSearchQuery, KbSearchResponse } from '../../../src-shared/protocol/http';
import { kbArticles, products } from '../../db/schema';
import type { RouteDeps } from '../../http/route-deps';
import { STAFF_ROLES } from '../directory/staff-roles';

export function registerKbRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    API_ROUTES.kbArticles,
    {
      schema: {
        tags: ['knowledge base'],
        summary: 'Search knowledge-base articles by title, body or product',
        security: [{ bearer: [] }],
        querystring: KbSearchQuery,
        response: { 200: KbSearchResponse },
      },
      preHandler: authenticate(...STAFF_ROLES),
    },
    async (req) => {
      const text = `%${req.query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const rows = await db
        .select({ id: kbArticles.id, title: kbArticles.title, body: kbArticles.body, product: products.name })
        .from(kbArticles)
        .innerJoin(products, eq(products.id, kbArticles.productId))
        .where(
          req.query.q
            ? or(ilike(kbArticles.title, text), ilike(kbArticles.body, text), ilike(products.name, text))
            : undefined,
        )
        .orderBy(asc(kbArticles.title))
        .limit(50);
      return { articles: rows };
    },
  );
}
