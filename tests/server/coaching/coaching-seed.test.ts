import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../../../src-server/db/database';
import * as schema from '../../../src-server/db/schema';
import { seedDemoData } from '../../../src-server/db/seed';
import { DEMO_SCORECARD } from '../../../src-server/db/seed-data/coaching';
import { verifyPassword } from '../../../src-server/platform/password';
import { CalibrationReport } from '../../../src-shared/protocol/coaching-calibration';

describe('the coaching demo data', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ kind: 'embedded', dataDir: null });
    await seedDemoData(database.db, { now: new Date('2026-03-18T14:30:00Z') });
  });
  afterAll(() => database.close());

  it('has coaches carl, dana and eli (password demo) with teams, and the default scorecard published', async () => {
    const db = database.db;
    for (const username of ['carl', 'dana', 'eli']) {
      const [user] = await db.select().from(schema.users).where(eq(schema.users.username, username));
      expect(user?.roles, username).toEqual(['coach']);
      expect(await verifyPassword('demo', user?.passwordHash ?? '')).toBe(true);
      const [profile] = await db
        .select()
        .from(schema.coachProfiles)
        .where(eq(schema.coachProfiles.userId, user?.id ?? ''));
      expect(profile?.teamIds.length, username).toBeGreaterThan(0);
    }
    // Every agent team has a coach: Elena covers Development besides Spanish support.
    const [elena] = await db
      .select()
      .from(schema.coachProfiles)
      .where(eq(schema.coachProfiles.userId, 'usr_elena'));
    expect(elena?.teamIds).toEqual(['team_support_es', 'team_development']);
    const [version] = await db
      .select()
      .from(schema.scorecardVersions)
      .where(eq(schema.scorecardVersions.id, DEMO_SCORECARD.versionId));
    expect(version?.status).toBe('published');
  });

  it('has evaluations in several states, a sampling plan and a closed calibration session with its report', async () => {
    const db = database.db;
    const rows = await db.select().from(schema.evaluations).where(eq(schema.evaluations.kind, 'coach'));
    expect(new Set(rows.map((r) => r.state))).toEqual(
      new Set(['draft', 'submitted', 'released', 'acknowledged', 'disputed', 'resolved']),
    );
    expect(await db.select().from(schema.samplingPlans)).toHaveLength(1);
    const [session] = await db.select().from(schema.calibrations);
    expect(session?.state).toBe('closed');
    expect(session?.coachIds).toHaveLength(3);
    const report = CalibrationReport.parse(session?.report);
    expect(report.raters).toHaveLength(3);
    expect(report.sample.contacts).toBe(2);
  });
});
