import { Alert, Badge, Group, NavLink, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerTier } from '../../../src-shared/protocol/entities';
import { useCustomerCases } from '../../data/case-hooks';
import { useCustomer } from '../../data/customer-hooks';
import { useAppStore } from '../../store/store';
import { loadCustomer } from '../../sync/remote-reads';
import { LabeledValue } from '../../ui/LabeledValue';
import { useNow } from '../../ui/use-now';
import { LastInteractions } from './LastInteractions';
import { SurveyPreferenceSelect } from './SurveyPreferenceSelect';
import { useRefresh } from './use-refresh';

const TIER_COLORS: Record<CustomerTier, string> = {
  platinum: 'grape',
  gold: 'yellow',
  silver: 'gray',
  bronze: 'orange',
};

/** Customer at a glance: company, tier, contract, language, cases. */
export function CustomerPanel({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const customer = useCustomer(customerId);
  const cases = useCustomerCases(customerId);
  const openCase = useAppStore((s) => s.openCase);
  const failed = useRefresh(customerId, loadCustomer);
  // Coaches read customers; agents, supervisors and admins set how often they are surveyed.
  const maySetSurveys = useAppStore((s) => s.user?.roles.some((role) => role !== 'coach') ?? false);
  const now = useNow(60_000);
  if (!customer) return <Text c="dimmed">{t('common.loading')}</Text>;

  const expires = new Date(customer.company.contractExpiresAt);
  const isActive = expires.getTime() > now;
  const date = expires.toLocaleDateString(i18n.language);
  return (
    <Stack gap="sm">
      {failed && (
        <Alert color="yellow" p="xs">
          {t('case.loadFailed')}
        </Alert>
      )}
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3}>{customer.name}</Title>
          <Text c="dimmed">{customer.company.name}</Text>
        </div>
        <Badge color={TIER_COLORS[customer.company.tier]} size="lg" data-testid="customer-tier">
          {t(`pop.tiers.${customer.company.tier}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={2} spacing="xs">
        <LabeledValue label={t('pop.contract')}>
          <Badge color={isActive ? 'green' : 'red'} variant="light" data-testid="contract-status">
            {isActive ? t('pop.contractActive', { date }) : t('pop.contractExpired', { date })}
          </Badge>
        </LabeledValue>
        <LabeledValue label={t('pop.language')}>{customer.language.toUpperCase()}</LabeledValue>
        <LabeledValue label={t('pop.email')}>{customer.email}</LabeledValue>
        <LabeledValue label={t('pop.phone')}>{customer.phone}</LabeledValue>
      </SimpleGrid>
      {!failed && maySetSurveys && <SurveyPreferenceSelect customer={customer} />}
      <Text fw={600}>{t('pop.cases')}</Text>
      {cases?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('pop.noCases')}
        </Text>
      )}
      <Stack gap={0}>
        {cases?.map((c) => (
          <NavLink
            key={c.id}
            component="button"
            label={`#${c.number} ${c.subject}`}
            description={`${t(`case.statuses.${c.status}`)} · ${t('case.severity', { severity: c.severity })} · ${c.product ?? t('case.noProduct')}`}
            onClick={() => openCase(c.id)}
          />
        ))}
      </Stack>
      <LastInteractions customerId={customerId} />
    </Stack>
  );
}
