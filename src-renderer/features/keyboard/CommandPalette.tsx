import { Spotlight } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCachedCaseSearch } from '../../data/case-hooks';
import { useCachedCustomerSearch } from '../../data/customer-hooks';
import { useAppStore } from '../../store/store';
import { searchCustomers } from '../../sync/remote-reads';
import { screensForRoles } from '../../app/screens-for-roles';
import { changeMyState } from '../queue/change-my-state';
import { filterPalette, type PaletteEntry } from './palette-actions';
import { keysLabel, type ShortcutId } from './shortcuts';
import { ON_MAC } from './use-shortcuts';

const STATE_ACTIONS: { id: ShortcutId; choice: string }[] = [
  { id: 'available', choice: 'available' },
  { id: 'awayBreak', choice: 'away:break' },
  { id: 'awayLunch', choice: 'away:lunch' },
  { id: 'offline', choice: 'offline' },
];

/**
 * Ctrl/⌘+K: one search box for actions (screens, the agent's state, the shortcut list) and, for
 * agents, customers (server search, cached) and cases (those this console has seen); choosing a
 * customer or case opens it in the Screen pop.
 */
export function CommandPalette({ onShowHelp }: { onShowHelp(): void }) {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const isOnline = useAppStore((s) => s.connection === 'online');
  const navigate = useAppStore((s) => s.navigate);
  const openCustomer = useAppStore((s) => s.openCustomer);
  const openCase = useAppStore((s) => s.openCase);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const screens = screensForRoles(user?.roles ?? []);
  const hasPop = screens.includes('queue');
  const customers = useCachedCustomerSearch(hasPop ? debounced : '') ?? [];
  const cases = useCachedCaseSearch(hasPop ? debounced : '') ?? [];

  useEffect(() => {
    if (!hasPop || debounced.length < 2 || !isOnline) return;
    searchCustomers(debounced).catch(() => undefined); // the cache answers what it has
  }, [debounced, hasPop, isOnline]);

  const setState = (choice: string) =>
    changeMyState(user?.id ?? '', isOnline, choice).catch((err: unknown) =>
      notifications.show({
        color: 'red',
        message: t('palette.stateFailed', { reason: (err as Error).message }),
      }),
    );
  const showInPop = (customerId: string | null, caseId?: string) => {
    navigate('queue');
    openCustomer(customerId);
    if (caseId) openCase(caseId);
  };

  const actionsGroup = t('palette.groupActions');
  const actions: PaletteEntry[] = [
    {
      group: actionsGroup,
      actions: [
        ...screens.map((screen) => ({
          id: `go:${screen}`,
          label: t('palette.goTo', { screen: t(`nav.${screen}`) }),
          onClick: () => navigate(screen),
        })),
        ...(hasPop
          ? STATE_ACTIONS.map(({ id, choice }) => ({
              id: `state:${choice}`,
              label: t(`keyboard.actions.${id}`),
              description: keysLabel(id, ON_MAC).join('+'),
              onClick: () => void setState(choice),
            }))
          : []),
        {
          id: 'help',
          label: t('keyboard.help'),
          description: keysLabel('help', ON_MAC).join('+'),
          onClick: onShowHelp,
        },
      ],
    },
    {
      group: t('palette.groupCustomers'),
      actions: customers.slice(0, 5).map((customer) => ({
        id: `customer:${customer.id}`,
        label: customer.name,
        description: `${customer.company.name} · ${customer.email}`,
        onClick: () => showInPop(customer.id),
      })),
    },
    {
      group: t('palette.groupCases'),
      actions: cases.map((kase) => ({
        id: `case:${kase.id}`,
        label: t('palette.caseLabel', { number: kase.number, subject: kase.subject }),
        description: kase.requesterName,
        onClick: () => showInPop(kase.customerId, kase.id),
      })),
    },
  ];

  return (
    <Spotlight
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      filter={filterPalette(actionsGroup)}
      nothingFound={t('palette.nothingFound')}
      shortcut="mod + K"
      tagsToIgnore={[]}
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{ placeholder: t('palette.search'), 'aria-label': t('palette.search') }}
    />
  );
}
