import { seesEverything } from '../features/auth/actor';
import { listAgents } from '../features/agents/agents.repository';
import { listOpenContacts } from '../features/contacts/contacts.repository';
import { listQueues, listSkills, listTeams } from '../features/directory/directory.repository';
import type { SnapshotSources } from '../features/sync/catch-up';
import { listActiveAlerts } from '../routing/alerts.repository';

/** What a console's snapshot holds, each part read by the feature that owns it, in the actor's scope. */
export const SNAPSHOT_SOURCES: SnapshotSources = {
  agents: (db, actor) => listAgents(db, seesEverything(actor) ? null : actor.teamIds),
  queues: (db) => listQueues(db),
  teams: (db) => listTeams(db),
  skills: (db) => listSkills(db),
  contacts: (db, actor) => listOpenContacts(db, actor),
  alerts: (db, actor) => listActiveAlerts(db, actor),
};
