import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fillCannedText } from '../../../src-shared/domain/canned-text';
import type { CannedResponse } from '../../../src-shared/protocol/canned-responses';
import { useCase } from '../../data/case-hooks';
import { useCustomer } from '../../data/customer-hooks';
import { loadCannedResponses } from '../../sync/canned-reads';
import { cannedOptionGroups } from './canned-options';

/**
 * "Canned response": the responses of the case's queue, the customer's language first; picking
 * one hands its text, with the customer's name and the case number filled in, to `onInsert`.
 */
export function CannedPicker({ caseId, onInsert }: { caseId: string; onInsert(text: string): void }) {
  const { t } = useTranslation();
  const kase = useCase(caseId);
  const customer = useCustomer(kase?.customerId ?? null);
  const queueId = kase?.queueId;
  const [responses, setResponses] = useState<CannedResponse[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');

  useEffect(() => {
    if (!queueId) return;
    let isCurrent = true;
    loadCannedResponses(queueId)
      .then((loaded) => {
        if (!isCurrent) return;
        setResponses(loaded);
        setError(null);
      })
      .catch((err: unknown) => {
        if (isCurrent) setError(t('canned.loadFailed', { reason: (err as Error).message }));
      });
    return () => {
      isCurrent = false;
    };
  }, [queueId, t]);

  function insert(id: string | null) {
    const picked = responses.find((r) => r.id === id);
    setSearch('');
    if (!picked || !kase) return;
    const customerName = customer?.name ?? (kase.requesterName || null);
    onInsert(fillCannedText(picked.body, { customerName, caseNumber: kase.number }));
  }

  return (
    <Select
      label={t('canned.picker')}
      placeholder={t('canned.pickerPlaceholder')}
      data={cannedOptionGroups(responses, customer?.language ?? null)}
      value={null}
      onChange={insert}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={t('canned.none')}
      error={error}
      size="xs"
      maw={360}
    />
  );
}
