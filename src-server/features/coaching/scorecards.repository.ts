import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/database';
import { scorecardTemplates, scorecardVersions } from '../../db/schema';
import {
  ScorecardContent,
  type ScorecardTemplate,
  type ScorecardVersion,
  type VersionStatus,
} from '../../../src-shared/protocol/coaching';

type VersionRow = typeof scorecardVersions.$inferSelect;
type TemplateRow = typeof scorecardTemplates.$inferSelect;

export function versionOf(row: VersionRow): ScorecardVersion {
  // Stored content is input too: a row written by an older version must still parse.
  const content = ScorecardContent.parse(row.content);
  return {
    ...content,
    id: row.id,
    templateId: row.templateId,
    number: row.number,
    status: row.status as VersionStatus,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    version: row.version,
  };
}

function templateOf(row: TemplateRow, versions: VersionRow[]): ScorecardTemplate {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    versions: versions.map((v) => {
      const version = versionOf(v);
      return {
        id: version.id,
        number: version.number,
        status: version.status,
        name: version.name,
        createdAt: version.createdAt,
        publishedAt: version.publishedAt,
        retiredAt: version.retiredAt,
      };
    }),
  };
}

export async function findVersion(db: Db | Tx, id: string): Promise<ScorecardVersion | null> {
  const [row] = await db.select().from(scorecardVersions).where(eq(scorecardVersions.id, id));
  return row ? versionOf(row) : null;
}

export async function lockVersion(tx: Tx, id: string): Promise<VersionRow | null> {
  const [row] = await tx.select().from(scorecardVersions).where(eq(scorecardVersions.id, id)).for('update');
  return row ?? null;
}

export async function lockTemplate(tx: Tx, id: string): Promise<TemplateRow | null> {
  const [row] = await tx.select().from(scorecardTemplates).where(eq(scorecardTemplates.id, id)).for('update');
  return row ?? null;
}

export async function findTemplate(db: Db | Tx, id: string): Promise<ScorecardTemplate | null> {
  const [row] = await db.select().from(scorecardTemplates).where(eq(scorecardTemplates.id, id));
  if (!row) return null;
  const versions = await db
    .select()
    .from(scorecardVersions)
    .where(eq(scorecardVersions.templateId, id))
    .orderBy(asc(scorecardVersions.number));
  return templateOf(row, versions);
}

export async function listTemplates(db: Db | Tx): Promise<ScorecardTemplate[]> {
  const templates = await db.select().from(scorecardTemplates).orderBy(asc(scorecardTemplates.name));
  const versions = await db.select().from(scorecardVersions).orderBy(asc(scorecardVersions.number));
  return templates.map((t) =>
    templateOf(
      t,
      versions.filter((v) => v.templateId === t.id),
    ),
  );
}

export async function insertTemplate(
  tx: Tx,
  row: { id: string; name: string; createdBy: string | null; createdAt: Date },
): Promise<void> {
  await tx.insert(scorecardTemplates).values(row);
}

export async function nextVersionNumber(tx: Tx, templateId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${scorecardVersions.number}), 0)::int` })
    .from(scorecardVersions)
    .where(eq(scorecardVersions.templateId, templateId));
  return Number(row?.n ?? 0) + 1;
}

export async function insertDraftVersion(
  tx: Tx,
  draft: { id: string; templateId: string; number: number; content: ScorecardContent; createdAt: Date },
): Promise<void> {
  await tx.insert(scorecardVersions).values({ ...draft, status: 'draft' });
}

export async function updateVersion(
  tx: Tx,
  row: VersionRow,
  change: Partial<Pick<VersionRow, 'content' | 'status' | 'publishedAt' | 'retiredAt'>>,
): Promise<void> {
  await tx
    .update(scorecardVersions)
    .set({ ...change, version: row.version + 1 })
    .where(eq(scorecardVersions.id, row.id));
}

export async function renameTemplate(tx: Tx, row: TemplateRow, name: string): Promise<void> {
  await tx
    .update(scorecardTemplates)
    .set({ name, version: row.version + 1 })
    .where(eq(scorecardTemplates.id, row.id));
}
