import Dexie, { type EntityTable } from 'dexie';
import type { OutboxEntry } from '../../src-shared/domain/outbox';
import type { Contact, QueueAlert } from '../../src-shared/protocol/contacts';
import type { Skill } from '../../src-shared/protocol/routing-config';
import type {
  Broadcast,
  ConsoleNotification,
  Reassignment,
} from '../../src-shared/protocol/supervisor-entities';
import type {
  AdminUser,
  Agent,
  CaseSummary,
  Customer,
  KbArticle,
  Message,
  Note,
  Queue,
  Team,
} from '../../src-shared/protocol/entities';
import type { ScorecardTemplate, ScorecardVersion } from '../../src-shared/protocol/coaching';
import type { FollowUpTask } from '../../src-shared/protocol/coaching-commands';
import type { CalibrationSession } from '../../src-shared/protocol/coaching-calibration';
import type { Evaluation } from '../../src-shared/protocol/coaching-evaluations';
import type { EvaluationDraft } from './coaching-drafts';
import type { PendingWrite } from './pending-writes';
import type { CaseCsat } from '../../src-shared/protocol/surveys';

/** A note as cached: the server's, or an optimistic one still waiting in the outbox. */
export interface CachedNote extends Note {
  /** 1 while the outbox has not delivered it (IndexedDB cannot index booleans). */
  pending: 0 | 1;
  /** The outbox entry that wrote this optimistic row. */
  pendingCommandId?: string | undefined;
}

/** A case's survey answer as cached (CaseDetail.csat), kept apart from the case summary events replace. */
export interface CachedCaseCsat extends CaseCsat {
  caseId: string;
}

/** One value the console keeps about itself (the sync position, whose cache this is). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The console's cache of server state plus the durable outbox (SYNC.md). Everything here is a
 * copy the server can give again, except the outbox, which holds writes it has not acknowledged.
 */
class ConsoleCache extends Dexie {
  agents!: EntityTable<Agent, 'id'>;
  teams!: EntityTable<Team, 'id'>;
  queues!: EntityTable<Queue, 'id'>;
  users!: EntityTable<AdminUser, 'id'>;
  customers!: EntityTable<Customer, 'id'>;
  cases!: EntityTable<CaseSummary, 'id'>;
  notes!: EntityTable<CachedNote, 'id'>;
  messages!: EntityTable<Message, 'id'>;
  kbArticles!: EntityTable<KbArticle, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  alerts!: EntityTable<QueueAlert, 'id'>;
  skills!: EntityTable<Skill, 'id'>;
  reassignments!: EntityTable<Reassignment, 'id'>;
  broadcasts!: EntityTable<Broadcast, 'id'>;
  notifications!: EntityTable<ConsoleNotification, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'commandId'>;
  meta!: EntityTable<MetaRow, 'key'>;
  scorecardTemplates!: EntityTable<ScorecardTemplate, 'id'>;
  scorecardVersions!: EntityTable<ScorecardVersion, 'id'>;
  evaluations!: EntityTable<Evaluation, 'id'>;
  evaluationDrafts!: EntityTable<EvaluationDraft, 'evaluationId'>;
  calibrations!: EntityTable<CalibrationSession, 'id'>;
  coachingTasks!: EntityTable<FollowUpTask, 'id'>;
  pendingWrites!: EntityTable<PendingWrite, 'commandId'>;
  caseCsat!: EntityTable<CachedCaseCsat, 'caseId'>;

  constructor() {
    // Strict durability: a write the UI calls saved (an outbox entry above all) is on disk.
    super('agentdeck', { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      agents: 'id, teamId',
      teams: 'id',
      queues: 'id, teamId',
      users: 'id',
      customers: 'id, companyId',
      cases: 'id, customerId, queueId',
      notes: 'id, caseId, pending, pendingCommandId',
      messages: 'id, caseId',
      kbArticles: 'id',
      outbox: 'commandId, createdAt, status',
      meta: 'key',
    });
    // The universal queue: contacts by status/queue/agent, queue alerts, the skill catalogue.
    this.version(2).stores({
      contacts: 'id, status, queueId, agentId, [queueId+status]',
      alerts: 'id, queueId, active',
      skills: 'id',
    });
    // Channels: cases may have no customer yet, messages carry HTML, attachments and delivery.
    // Cached cases and messages in the old shape are dropped; the server gives them again.
    this.version(3)
      .stores({ cases: 'id, customerId, queueId, requesterAddress' })
      .upgrade(async (tx) => {
        await tx.table('cases').clear();
        await tx.table('messages').clear();
      });
    // Coaching: scorecards, evaluations (and the coach's drafts as typed), calibration, follow-ups.
    this.version(5).stores({
      scorecardTemplates: 'id',
      scorecardVersions: 'id, templateId',
      evaluations: 'id, agentId, contactId, authorId, calibrationId',
      evaluationDrafts: 'evaluationId, contactId, calibrationId',
      calibrations: 'id',
      coachingTasks: 'id, agentId, evaluationId',
    });
    // Supervision (issue 14): reassignment audit rows, broadcasts, each person's console notifications.
    this.version(6).stores({
      reassignments: 'id, contactId, at',
      broadcasts: 'id, at',
      notifications: 'id, at',
    });
    // Offline writes (issue 16): a wrap-up or agent state request waiting in the outbox, by target.
    this.version(7).stores({
      pendingWrites: 'commandId, [kind+targetId]',
    });
    // Customer satisfaction (issue 15): a case's survey answer, from the case detail.
    this.version(8).stores({
      caseCsat: 'caseId',
    });
  }
}

export const db = new ConsoleCache();

/** Empties every table (sign-out, or another person signing in on this computer). */
export async function wipeCache(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
