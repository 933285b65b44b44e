import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { gte, sql } from 'drizzle-orm';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import { VolumeQuery, VolumeResponse } from '../../../src-shared/protocol/http';
import { CHANNELS, type VolumeDay } from '../../../src-shared/protocol/entities';
import { contacts } from '../../db/schema';
import type { RouteDeps } from '../../http/route-deps';

const DAY_MS = 86_400_000;

export function registerReportRoutes(app: FastifyInstance, { db, authenticate }: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    API_ROUTES.volumeReport,
    {
      schema: {
        tags: ['reports'],
        summary: 'Contacts per day (UTC) and channel, oldest first, every day present',
        security: [{ bearer: [] }],
        querystring: VolumeQuery,
        response: { 200: VolumeResponse },
      },
      preHandler: authenticate('supervisor', 'coach', 'admin'),
    },
    async (req) => {
      const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
      const from = new Date(today - (req.query.days - 1) * DAY_MS);
      const day = sql<string>`to_char(${contacts.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
      const rows = await db
        .select({ day, channel: contacts.channel, count: sql<number>`count(*)::int` })
        .from(contacts)
        .where(gte(contacts.createdAt, from))
        .groupBy(day, contacts.channel);
      const days: VolumeDay[] = Array.from({ length: req.query.days }, (_, i) => ({
        day: new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10),
        phone: 0,
        email: 0,
        web: 0,
        chat: 0,
        callback: 0,
      }));
      const byDay = new Map(days.map((d) => [d.day, d]));
      for (const row of rows) {
        const target = byDay.get(row.day);
        const channel = CHANNELS.find((c) => c === row.channel);
        if (target && channel) target[channel] += Number(row.count);
      }
      return { days };
    },
  );
}
