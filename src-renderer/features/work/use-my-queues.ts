import type { Queue } from '../../../src-shared/protocol/entities';
import { useAgent, useTeamQueues } from '../../data/directory-hooks';
import { useAppStore } from '../../store/store';

/** The queues the signed-in agent serves: their team's. `undefined` while loading. */
export function useMyQueues(): Queue[] | undefined {
  const user = useAppStore((s) => s.user);
  const me = useAgent(user?.id);
  return useTeamQueues(me?.teamId);
}
