import { slaThresholdSeconds } from '../../../src-shared/domain/supervision/queue-state';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Queue } from '../../../src-shared/protocol/entities';

/** A queue's day so far: service level against its targets and contacts abandoned. */
export interface QueueToday {
  /** Share (0–1) of today's answered or abandoned contacts answered within their threshold; null: none yet. */
  serviceLevel: number | null;
  /** The queue's target share for its first channel with one (0–1), else null. */
  target: number | null;
  abandoned: number;
}

/**
 * Service level today per queue from the contacts the cache holds: answered within the queue's
 * threshold for the channel (routing's own `slaThresholdSeconds`) over answered plus abandoned.
 */
export function queueToday(
  queues: readonly Queue[],
  contacts: readonly Contact[],
  dayStart: number,
): Map<string, QueueToday> {
  const byQueue = new Map(queues.map((q) => [q.id, { inTime: 0, counted: 0, abandoned: 0 }]));
  const queueById = new Map(queues.map((q) => [q.id, q]));
  for (const contact of contacts) {
    const tally = byQueue.get(contact.queueId);
    if (!tally || Date.parse(contact.createdAt) < dayStart) continue;
    if (contact.status === 'abandoned') {
      tally.abandoned += 1;
      tally.counted += 1;
    } else if (contact.answeredAt) {
      tally.counted += 1;
      const waitedS = (Date.parse(contact.answeredAt) - Date.parse(contact.queuedAt)) / 1000;
      if (waitedS <= slaThresholdSeconds(contact, queueById.get(contact.queueId))) tally.inTime += 1;
    }
  }
  const result = new Map<string, QueueToday>();
  for (const queue of queues) {
    const tally = byQueue.get(queue.id) ?? { inTime: 0, counted: 0, abandoned: 0 };
    const firstTarget = queue.channels.map((c) => queue.routing.serviceLevels[c]).find(Boolean);
    result.set(queue.id, {
      serviceLevel: tally.counted > 0 ? tally.inTime / tally.counted : null,
      target: firstTarget ? firstTarget.percent / 100 : null,
      abandoned: tally.abandoned,
    });
  }
  return result;
}
