import { Alert, Button, Collapse, NavLink, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallerCandidate } from '../../../src-shared/protocol/caller-identity';
import type { Contact } from '../../../src-shared/protocol/contacts';
import type { Customer } from '../../../src-shared/protocol/entities';
import { useCachedCustomerSearch } from '../../data/customer-hooks';
import { fetchCallerCandidates } from '../../sync/caller-identity';
import { searchCustomers } from '../../sync/remote-reads';
import { commandFailure } from '../work/contact-commands';
import { QuickCreateForm } from './QuickCreateForm';
import { useIdentify } from './use-identify';

/**
 * Who a contact is from: the candidates with its number or address (last in touch first), a
 * search of the directory, and a quick create for a person nobody has on file. Nothing is
 * chosen for the agent.
 */
export function CallerPicker({ contact, onDone }: { contact: Contact; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [candidates, setCandidates] = useState<CallerCandidate[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const found = useCachedCustomerSearch(debounced);
  const [isCreating, creating] = useDisclosure(false);
  const { pending, identify } = useIdentify(contact, onDone);

  useEffect(() => {
    let current = true;
    fetchCallerCandidates(contact.id).then(
      (list) => current && setCandidates(list),
      (err: unknown) => current && setLoadError(commandFailure(err, t)),
    );
    return () => {
      current = false;
    };
  }, [contact.id, t]);
  useEffect(() => {
    if (debounced) searchCustomers(debounced).catch(() => undefined); // the cache answers offline
  }, [debounced]);

  const describe = (c: Customer, lastContactAt?: string | null) =>
    [
      c.company.name,
      c.phone,
      lastContactAt === undefined
        ? null
        : lastContactAt
          ? t('popCaller.lastContact', { date: new Date(lastContactAt).toLocaleString(i18n.language) })
          : t('popCaller.neverContacted'),
    ]
      .filter(Boolean)
      .join(' · ');
  const pickButton = (c: Customer, lastContactAt?: string | null) => (
    <NavLink
      key={c.id}
      component="button"
      disabled={pending}
      label={c.name}
      aria-label={t('popCaller.pick', { name: c.name })}
      description={describe(c, lastContactAt)}
      onClick={() => void identify({ customerId: c.id }, c.name)}
    />
  );

  return (
    <Stack gap="xs" role="group" aria-label={t('popCaller.candidates')}>
      {contact.customerId === null && candidates && (
        <Alert color={candidates.length ? 'yellow' : 'blue'} p="xs">
          {candidates.length
            ? t('popCaller.ambiguous', { from: contact.from })
            : t('popCaller.unknown', { from: contact.from })}
        </Alert>
      )}
      {loadError && (
        <Alert color="yellow" p="xs">
          {t('popCaller.loadFailed', { reason: loadError })}
        </Alert>
      )}
      {candidates && candidates.length > 0 && (
        <Stack gap={0} data-testid="caller-candidates">
          {candidates.map((c) => pickButton(c, c.lastContactAt))}
        </Stack>
      )}
      <TextInput
        label={t('popCaller.searchLabel')}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      {debounced && found?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('popCaller.noMatch')}
        </Text>
      )}
      <Stack gap={0}>{found?.map((c) => pickButton(c))}</Stack>
      <Button
        variant="light"
        size="compact-sm"
        onClick={creating.toggle}
        aria-expanded={isCreating}
        w="fit-content"
      >
        {t('popCaller.quickCreate')}
      </Button>
      <Collapse expanded={isCreating}>
        <QuickCreateForm contact={contact} pending={pending} onCreate={identify} />
      </Collapse>
    </Stack>
  );
}
