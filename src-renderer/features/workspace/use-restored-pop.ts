import { useEffect, useRef } from 'react';
import { useMyWork } from '../../data/contact-hooks';
import { useAppStore } from '../../store/store';
import { openInPop } from '../work/open-in-pop';

/**
 * An empty Screen pop while the agent is on a contact (a reload, a restart, a contact handed to
 * them) shows that contact's customer and case at once, without a click. What the agent opened
 * themselves is never replaced, and a contact whose pop they closed is not brought back.
 */
export function useRestoredPop(): void {
  const userId = useAppStore((s) => s.user?.id);
  const isEmpty = useAppStore((s) => s.selectedCustomerId === null && s.selectedCaseId === null);
  const work = useMyWork(userId);
  const restored = useRef(new Set<string>());
  useEffect(() => {
    if (!isEmpty || !work) return;
    const current = work.find((c) => c.status === 'active') ?? work.find((c) => c.status === 'wrap_up');
    if (!current || restored.current.has(current.id) || !(current.customerId || current.caseId)) return;
    restored.current.add(current.id);
    openInPop(current);
  }, [isEmpty, work]);
}
