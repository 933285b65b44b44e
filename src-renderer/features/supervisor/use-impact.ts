import { useEffect, useState } from 'react';
import type { ImpactQuery } from '../../../src-shared/protocol/supervision';
import { fetchImpact } from '../../sync/supervisor-api';
import type { ImpactState } from './ImpactPanel';

const keyOf = (query: ImpactQuery) => `${query.action}:${query.agentId ?? ''}:${query.queueId ?? ''}`;

/** The impact preview of an action, fetched again whenever the action changes; null: no action yet. */
export function useImpact(contactId: string, query: ImpactQuery | null): ImpactState | null {
  const [answer, setAnswer] = useState<{ key: string; state: ImpactState } | null>(null);
  const key = query ? `${contactId}|${keyOf(query)}` : null;
  useEffect(() => {
    if (!query || !key) return;
    let isCurrent = true;
    fetchImpact(contactId, query).then(
      (preview) => isCurrent && setAnswer({ key, state: { kind: 'ready', preview } }),
      (err: unknown) =>
        isCurrent &&
        setAnswer({
          key,
          state: { kind: 'failed', reason: err instanceof Error ? err.message : String(err) },
        }),
    );
    return () => {
      isCurrent = false;
    };
    // `key` stands for the query, which callers rebuild on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!key) return null;
  return answer?.key === key ? answer.state : { kind: 'loading' };
}
