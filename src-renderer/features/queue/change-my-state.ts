import { queueAgentState } from '../../data/pending-writes';
import { applyAgentAnswer } from '../../data/sync-repository';
import { runOnlineCommand } from '../../sync/online-command';
import { payloadOf } from './agent-state-options';

/**
 * Sets the signed-in agent's state to a choice of the "Agent state" control. Offline, the
 * request waits in the outbox (the latest choice wins) and the server applies it on reconnect.
 */
export async function changeMyState(userId: string, isOnline: boolean, choice: string): Promise<void> {
  const payload = payloadOf(choice);
  if (!payload) return;
  if (!isOnline) return void (await queueAgentState(userId, payload));
  await applyAgentAnswer(await runOnlineCommand({ type: 'agent:set-state', payload }));
}
