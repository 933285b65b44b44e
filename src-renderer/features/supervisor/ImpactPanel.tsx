import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImpactPreview } from '../../../src-shared/protocol/supervision';
import { impactSentences, shortDuration } from './impact-words';

type ImpactState =
  { kind: 'loading' } | { kind: 'failed'; reason: string } | { kind: 'ready'; preview: ImpactPreview };

const SHOWN = 8;

/** What an action costs the other waiting customers, worded first, then the longest slips. */
export function ImpactPanel({
  state,
  nameOf,
}: {
  state: ImpactState;
  nameOf: (contactId: string) => string;
}) {
  const { t } = useTranslation();
  const wait = (s: number | null) => (s === null ? t('impact.unknown') : shortDuration(s));
  return (
    <Stack gap="xs" role="region" aria-label={t('impact.title')} aria-live="polite">
      <Title order={3} size="h5">
        {t('impact.title')}
      </Title>
      {state.kind === 'loading' && (
        <Text size="sm">
          <Loader size="xs" mr="xs" />
          {t('impact.loading')}
        </Text>
      )}
      {state.kind === 'failed' && <Alert color="red">{t('impact.failed', { reason: state.reason })}</Alert>}
      {state.kind === 'ready' && (
        <>
          {impactSentences(state.preview.summary, shortDuration).map((line) => (
            <Text
              key={line.key}
              size="sm"
              fw={line.key === 'impact.newBreaches' ? 700 : undefined}
              data-testid={line.key}
            >
              {t(line.key, line.values)}
            </Text>
          ))}
          {state.preview.subject && (
            <Text size="sm" c="dimmed">
              {t('impact.subject', {
                before: wait(state.preview.subject.waitBeforeS),
                after: wait(state.preview.subject.waitAfterS),
              })}
            </Text>
          )}
          {state.preview.affected.length > 0 && (
            <Table fz="sm" aria-label={t('impact.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('impact.contact')}</Table.Th>
                  <Table.Th ta="right">{t('impact.before')}</Table.Th>
                  <Table.Th ta="right">{t('impact.after')}</Table.Th>
                  <Table.Th>{t('impact.breach')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.preview.affected.slice(0, SHOWN).map((row) => (
                  <Table.Tr key={row.contactId}>
                    <Table.Td>{nameOf(row.contactId)}</Table.Td>
                    <Table.Td ta="right">{wait(row.waitBeforeS)}</Table.Td>
                    <Table.Td ta="right">{wait(row.waitAfterS)}</Table.Td>
                    <Table.Td c={row.breachAfter && !row.breachBefore ? 'red' : undefined}>
                      {row.breachAfter ? t('impact.yes') : t('impact.no')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}

export type { ImpactState };
