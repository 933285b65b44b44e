import { Alert, NavLink, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCachedCustomerSearch } from '../../data/customer-hooks';
import { useAppStore } from '../../store/store';
import { searchCustomers } from '../../sync/remote-reads';

/** Search the server (results are cached), list matches from the cache — so it also works offline. */
export function CustomerSearch() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const [failed, setFailed] = useState(false);
  const isOnline = useAppStore((s) => s.connection === 'online');
  const selectedId = useAppStore((s) => s.selectedCustomerId);
  const openCustomer = useAppStore((s) => s.openCustomer);
  const results = useCachedCustomerSearch(debounced);

  useEffect(() => {
    if (!debounced) return;
    let current = true;
    searchCustomers(debounced).then(
      () => current && setFailed(false),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [debounced, isOnline]); // again when the link comes back: results read offline may be stale

  return (
    <Stack gap="xs">
      <TextInput
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        type="search"
      />
      {!isOnline && (
        <Text size="xs" c="dimmed">
          {t('search.offlineHint')}
        </Text>
      )}
      {failed && isOnline && (
        <Alert color="yellow" p="xs">
          {t('search.failed')}
        </Alert>
      )}
      {debounced && results?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('search.noResults')}
        </Text>
      )}
      <Stack gap={0} role="group" aria-label={t('searchResults.label')}>
        {results?.map((customer) => (
          <NavLink
            key={customer.id}
            component="button"
            active={customer.id === selectedId}
            label={customer.name}
            description={`${customer.company.name} · ${customer.phone}`}
            onClick={() => openCustomer(customer.id)}
          />
        ))}
      </Stack>
    </Stack>
  );
}
