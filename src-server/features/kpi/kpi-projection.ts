import type { Db, Tx } from '../../db/database';
import { runRaw } from '../../db/raw-sql';
import { LOCK_POSITION, MOVE_POSITION, READ_EVENTS } from '../../db/kpi-statements';
import { mergeDeltas, type KpiRow } from '../../../src-shared/domain/kpi/aggregate';
import { KpiProjector } from '../../../src-shared/domain/kpi/projection';
import { singleFlight } from '../../../src-shared/domain/single-flight';
import type { KpiProjectionSettings } from '../../../src-shared/domain/kpi/settings';
import { EVENT_TYPES, SyncEvent } from '../../../src-shared/protocol/sync';
import { loadContactContext, loadQueueFacts, rowZones, type QueueFacts } from './kpi-context';
import { addRows, loadFacts, saveFacts, type CaseFacts } from './kpi-store';

/**
 * The KPI projection on the server: a consumer of the event log that folds each event with the
 * shared `KpiProjector` and adds the rows it answers to `kpi_intervals`. Each batch is one
 * transaction that also moves the stored log position, so a restart resumes where the last commit
 * left off and no event counts twice; the log's positions commit in order (migration 0003), so
 * reading after the stored position never skips an event.
 */
export interface KpiProjection {
  /** Folds every event committed before the call; resolves to how many events it read. */
  catchUp(onProgress?: (position: number) => void): Promise<number>;
  /** Asks for a catch-up soon (after commits). */
  kick(): void;
  /** Polls the log every `pollMs` (events appended by other nodes or the routing engine). */
  start(): void;
  stop(): Promise<void>;
}

export interface KpiProjectionDeps {
  db: Db;
  settings: KpiProjectionSettings & { callbackWindowMinutes: number };
  batchSize?: number;
  pollMs?: number;
  onError?: (err: unknown) => void;
}

const FOLDED_TYPES = new Set<string>([
  EVENT_TYPES.contactChanged,
  EVENT_TYPES.agentStateChanged,
  EVENT_TYPES.agentUpdated,
  EVENT_TYPES.caseChanged,
]);

interface EventRow {
  sync_id: string | number;
  type: string;
  entity_kind: string;
  entity_id: string;
  entity_version: number;
  payload: unknown;
  at: Date | string;
}

export function createKpiProjection(deps: KpiProjectionDeps): KpiProjection {
  const batchSize = deps.batchSize ?? 500;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function foldAll(onProgress?: (position: number) => void): Promise<number> {
    let total = 0;
    for (;;) {
      const { read, position } = await deps.db.transaction((tx) => foldBatch(tx, deps.settings, batchSize));
      total += read;
      onProgress?.(position);
      if (read < batchSize) return total;
    }
  }

  /** Reports the fold's position to whoever started the flight under way (the rebuild script). */
  let reportProgress: ((position: number) => void) | undefined;
  // Events committed before a call may have come after the running fold read: one more fold.
  const folds = singleFlight(() => foldAll(reportProgress), { combine: (a, b) => a + b });

  function catchUp(onProgress?: (position: number) => void): Promise<number> {
    if (onProgress) reportProgress = onProgress;
    return folds.run();
  }

  const background = () => void catchUp().catch((err: unknown) => deps.onError?.(err));
  return {
    catchUp,
    kick: background,
    start() {
      timer ??= setInterval(background, deps.pollMs ?? 2000);
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await folds.idle();
    },
  };
}

/** Folds up to `limit` events after the stored position, in one transaction. */
async function foldBatch(
  tx: Tx,
  settings: KpiProjectionDeps['settings'],
  limit: number,
): Promise<{ read: number; position: number }> {
  const [locked] = (await runRaw(tx, LOCK_POSITION, [])) as { sync_id: string | number }[];
  const from = Number(locked?.sync_id ?? 0);
  const rows = (await runRaw(tx, READ_EVENTS, [from, limit])) as EventRow[];
  const last = rows.at(-1);
  if (!last) return { read: 0, position: from };
  const events = rows.filter((row) => FOLDED_TYPES.has(row.type)).map(toSyncEvent);
  const queueFacts = await loadQueueFacts(tx);
  const projector = await loadProjector(tx, events, settings, queueFacts);
  const added: KpiRow[] = events.flatMap((event) => projector.apply(event));
  await addRows(tx, [...mergeDeltas(added).values()], rowZones(queueFacts));
  await storeProjector(tx, projector);
  const position = Number(last.sync_id);
  await runRaw(tx, MOVE_POSITION, [position]);
  return { read: rows.length, position };
}

function toSyncEvent(row: EventRow): SyncEvent {
  return SyncEvent.parse({
    syncId: Number(row.sync_id),
    type: row.type,
    entityKind: row.entity_kind,
    entityId: row.entity_id,
    entityVersion: row.entity_version,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    at: new Date(row.at).toISOString(),
  });
}

/** A projector holding the stored facts of every entity the events touch. */
async function loadProjector(
  tx: Tx,
  events: SyncEvent[],
  settings: KpiProjectionDeps['settings'],
  queueFacts: Map<string, QueueFacts>,
): Promise<KpiProjector> {
  const contactIds = new Set<string>();
  const agentIds = new Set<string>();
  const caseIds = new Set<string>();
  for (const event of events) {
    if (event.type === EVENT_TYPES.contactChanged) {
      contactIds.add(event.payload.id);
      if (event.payload.caseId) caseIds.add(event.payload.caseId);
    } else if (event.type === EVENT_TYPES.caseChanged) caseIds.add(event.payload.id);
    else if (event.type === EVENT_TYPES.agentStateChanged || event.type === EVENT_TYPES.agentUpdated)
      agentIds.add(event.payload.id);
  }
  const cases = await loadFacts(tx, 'case', caseIds);
  // Escalating or resolving a case reads the lives of all its contacts.
  for (const facts of cases.values()) for (const id of facts.contactIds) contactIds.add(id);
  const projector = new KpiProjector(
    await loadContactContext(tx, settings.callbackWindowMinutes, queueFacts),
    settings,
  );
  for (const [id, life] of await loadFacts(tx, 'contact', contactIds)) projector.contacts.set(id, life);
  for (const [id, presence] of await loadFacts(tx, 'agent', agentIds)) projector.agents.set(id, presence);
  for (const [id, facts] of cases) {
    projector.caseHistories.set(id, facts.history);
    projector.caseContacts.set(id, facts.contactIds);
    if (facts.status) projector.caseStatus.set(id, facts.status);
    if (facts.clock) projector.caseClocks.set(id, facts.clock);
  }
  return projector;
}

async function storeProjector(tx: Tx, projector: KpiProjector): Promise<void> {
  await saveFacts(tx, 'contact', projector.contacts);
  await saveFacts(tx, 'agent', projector.agents);
  const caseIds = new Set([
    ...projector.caseHistories.keys(),
    ...projector.caseContacts.keys(),
    ...projector.caseStatus.keys(),
    ...projector.caseClocks.keys(),
  ]);
  const cases = new Map<string, CaseFacts>();
  for (const id of caseIds) {
    cases.set(id, {
      history: projector.caseHistories.get(id) ?? { caseId: id, contactsAt: [], resolutions: [] },
      contactIds: projector.caseContacts.get(id) ?? [],
      status: projector.caseStatus.get(id) ?? null,
      clock: projector.caseClocks.get(id) ?? null,
    });
  }
  await saveFacts(tx, 'case', cases);
}
