import type { KpiCounts, KpiDelta, KpiKey } from './aggregate';
import type { ContactLeg, ContactLife } from './contact-life';
import { intervalStart } from './intervals';
import type { KpiProjectionSettings } from './settings';

/**
 * The counts one contact's life adds, as deltas keyed by interval and dimension. Convention: every
 * fact of a leg (offered, answered, abandoned, handle time, escalation) counts in the interval the
 * leg entered its queue, so an interval's service level, speed of answer and handle time are about
 * the same contacts. Each fact is counted once it is final (an answer once answered, handle time
 * once wrap-up is done or the contact moved on), so a later event only ever adds to these counts:
 * `deltaChange(contactDeltas(before), contactDeltas(after))` never subtracts.
 */
export function contactDeltas(life: ContactLife, settings: KpiProjectionSettings): KpiDelta[] {
  const deltas = life.legs.flatMap((leg) => legDeltas(life, leg, settings));
  const punctuality = callbackPunctuality(life);
  return punctuality ? [...deltas, punctuality] : deltas;
}

function queueKeyOf(life: ContactLife, leg: ContactLeg): KpiKey {
  return {
    interval: intervalStart(leg.queuedAt),
    queueId: leg.queueId,
    channel: life.channel,
    agentId: null,
    teamId: null,
  };
}

function legDeltas(life: ContactLife, leg: ContactLeg, settings: KpiProjectionSettings): KpiDelta[] {
  const queueKey = queueKeyOf(life, leg);
  const queue: Partial<KpiCounts> = { offered: 1, transferredIn: leg.byTransfer ? 1 : 0 };
  const deltas: KpiDelta[] = [{ key: queueKey, counts: queue }];
  if (leg.escalatedBy) deltas.push({ key: { ...queueKey, ...leg.escalatedBy }, counts: { escalated: 1 } });

  if (leg.answeredAt === null || leg.agentId === null) {
    if (leg.outcome === 'abandoned' && leg.endedAt !== null) {
      const waitMs = Math.max(0, leg.endedAt - leg.queuedAt);
      queue.abandoned = 1;
      queue.abandonWaitMs = waitMs;
      queue.abandonedInTarget = waitMs <= leg.targetSeconds * 1000 ? 1 : 0;
      queue.shortAbandoned = waitMs <= settings.shortAbandonSeconds * 1000 ? 1 : 0;
    }
    if (leg.outcome === 'transferred') queue.transferredOut = 1;
    return deltas;
  }

  const waitMs = Math.max(0, leg.answeredAt - leg.queuedAt);
  const agent: Partial<KpiCounts> = {
    answered: 1,
    answerWaitMs: waitMs,
    answeredInTarget: waitMs <= leg.targetSeconds * 1000 ? 1 : 0,
    transferredOut: leg.outcome === 'transferred' ? 1 : 0,
  };
  const handleEnd =
    leg.outcome === 'completed' ? leg.closedAt : leg.outcome === 'transferred' ? leg.endedAt : null;
  if (handleEnd !== null && leg.endedAt !== null) {
    const conversationMs = Math.max(0, leg.endedAt - leg.answeredAt);
    const holdMs = Math.min(leg.holdMs, conversationMs);
    agent.handled = 1;
    agent.holdMs = holdMs;
    agent.workMs = conversationMs - holdMs;
    agent.wrapUpMs = Math.max(0, handleEnd - leg.endedAt);
  }
  deltas.push({ key: { ...queueKey, agentId: leg.agentId, teamId: leg.teamId }, counts: agent });
  return deltas;
}

/**
 * A promised callback is started when an agent first answers it (accepting a callback places the
 * call), in whichever leg: inside the window or outside it (early or late). One that ends
 * abandoned without ever being started was missed. Counted where the start (or the end) was.
 */
function callbackPunctuality(life: ContactLife): KpiDelta | null {
  const window = life.callbackWindow;
  if (!window) return null;
  const started = life.legs.find((leg) => leg.answeredAt !== null && leg.agentId !== null);
  if (started?.answeredAt != null) {
    const inWindow = window.from <= started.answeredAt && started.answeredAt <= window.to;
    return {
      key: { ...queueKeyOf(life, started), agentId: started.agentId, teamId: started.teamId },
      counts: inWindow ? { callbacksInWindow: 1 } : { callbacksOutsideWindow: 1 },
    };
  }
  const last = life.legs.at(-1);
  if (last?.outcome === 'abandoned') return { key: queueKeyOf(life, last), counts: { callbacksMissed: 1 } };
  return null;
}
