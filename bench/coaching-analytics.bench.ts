// `npx tsx bench/coaching-analytics.bench.ts [postgres]`: the quality-trend query over 100,000
// evaluations (target p95 ≤ 300 ms; whole days read from the daily rollup the database keeps on
// write) and the scoring of one 40-criterion form (the console's live-preview floor).
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src-server/db/database';
import { scorecardTemplates, scorecardVersions } from '../src-server/db/schema';
import { qualityTrend } from '../src-server/features/coaching/analytics.repository';
import { buildBenchmarkForm } from '../src-shared/domain/coaching/benchmark-form';
import { scoreForm } from '../src-shared/domain/coaching/scoring';
import { insertMinimalOrg } from '../tests/fixtures/minimal-org';
import { createTestDatabase } from '../tests/server/support/services';
import type { DatabaseKind } from '../tests/server/support/test-server';
import { percentile, toMarkdown, type BenchRow } from './harness';
import { socketEchoFloor } from './socket-echo.bench';

const EVALUATIONS = 100_000;
const RUNS = 20;

export async function coachingAnalytics(
  kind: DatabaseKind,
  options: { floorP50: number; databaseUrl?: string },
): Promise<BenchRow[]> {
  const database = await openDatabase(
    kind === 'postgres' && options.databaseUrl
      ? { kind: 'postgres', url: options.databaseUrl }
      : { kind: 'embedded', dataDir: null },
  );
  const db = database.db;
  await insertMinimalOrg(db);
  const { content, answers } = buildBenchmarkForm(40);
  await db.insert(scorecardTemplates).values({ id: 'tpl_bench', name: 'Bench' });
  await db
    .insert(scorecardVersions)
    .values({ id: 'ver_bench', templateId: 'tpl_bench', number: 1, status: 'published', content });
  await db.execute(
    sql`insert into contacts (id, channel, status, queue_id, agent_id) values ('ct_bench', 'phone', 'closed', 'q_en', 'usr_ana')`,
  );
  // 100,000 evaluations over a year for three agents of two teams, with three skill rows each.
  await db.execute(sql`insert into evaluations (id, kind, version_id, contact_id, channel, agent_id, team_id, author_id,
      state, answers, raw_score, final_score, max_score, sections, critical_failures, submitted_at)
    select 'ev_' || g, 'coach', 'ver_bench', 'ct_bench', 'phone',
      (array['usr_ana','usr_ben','usr_eva'])[1 + g % 3], (array['team_en','team_en','team_es'])[1 + g % 3], 'usr_carl',
      'released', '[]'::jsonb, 60 + (g % 40), 60 + (g % 40), 105, '[]'::jsonb, '[]'::jsonb,
      now() - (g % 365) * interval '1 day'
    from generate_series(1, ${EVALUATIONS}) g`);
  await db.execute(sql`insert into evaluation_scores (evaluation_id, dimension, key, score, agent_id, team_id, at)
    select e.id, 'skill', k, e.final_score, e.agent_id, e.team_id, e.submitted_at
    from evaluations e cross join unnest(array['empathy','clarity','process']) k`);
  await db.execute(sql`analyze`);

  const from = new Date(Date.now() - 366 * 86_400_000).toISOString();
  const time = async (by: 'agent' | 'skill') => {
    const values: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await qualityTrend(db, { by, period: 'week', from }, null);
      values.push(performance.now() - start);
    }
    return values;
  };
  const byAgent = await time('agent');
  const bySkill = await time('skill');
  await database.close();

  const scoring: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const start = performance.now();
    scoreForm(content, answers, { channel: 'phone' });
    scoring.push(performance.now() - start);
  }
  const row = (metric: string, values: number[], extra: string): BenchRow => ({
    bench: 'coaching-analytics',
    metric,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    ratio: metric.startsWith('score') ? null : percentile(values, 50) / options.floorP50,
    extra: `p95 ${percentile(values, 95).toFixed(2)} ms; ${extra}`,
  });
  const engine = kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  return [
    row(`trend by agent, weekly, 100k evaluations (${engine})`, byAgent, `${RUNS} runs, target p95 ≤ 300 ms`),
    row(`trend by skill, weekly, 300k score rows (${engine})`, bySkill, `${RUNS} runs, target p95 ≤ 300 ms`),
    row('score one 40-criterion form', scoring, '2,000 runs'),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const floor = await socketEchoFloor(500);
  const rows = [...floor.rows];
  if (process.argv[2] === 'postgres') {
    const pg = await createTestDatabase();
    try {
      rows.push(...(await coachingAnalytics('postgres', { floorP50: floor.floorP50, databaseUrl: pg.url })));
    } finally {
      await pg.drop();
    }
  } else {
    rows.push(...(await coachingAnalytics('embedded', { floorP50: floor.floorP50 })));
  }
  console.log(toMarkdown(rows));
  process.exit(0);
}
