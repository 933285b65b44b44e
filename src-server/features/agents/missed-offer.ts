import type { Tx } from '../../db/database';
import { afterMissedOffer } from '../../../src-shared/domain/routing/lifecycle';
import type { NewEvent } from '../sync/event-log';
import { agentStateEvent, changeAgentState } from './agent-state';
import { chooseAgentState } from './agent-work';
import { lockAgent } from './agents.repository';

/**
 * An agent missed an offer (declined it or let it time out, docs/ROUTING.md): the count in a row
 * grows, and at the limit they are set Away "missed". Answers the events to publish.
 */
export async function countMissedOffer(tx: Tx, agentId: string, now: Date): Promise<NewEvent[]> {
  const agent = await lockAgent(tx, agentId);
  if (!agent) return [];
  const missed = afterMissedOffer(agent.missedOffers);
  if (missed.setAwayMissed) {
    const away = await chooseAgentState(
      tx,
      agent,
      { state: 'away', reasonCode: 'missed', missedOffers: missed.missedOffers },
      now,
    );
    return [...away.contactEvents, agentStateEvent(away.agent)];
  }
  const counted = await changeAgentState(
    tx,
    agent,
    { state: agent.state, reasonCode: agent.reasonCode, missedOffers: missed.missedOffers },
    now,
  );
  return [agentStateEvent(counted)];
}
