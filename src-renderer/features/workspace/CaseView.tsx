import { Alert, Anchor, Badge, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCase, useCaseMessages } from '../../data/case-hooks';
import { useAppStore } from '../../store/store';
import { loadCase } from '../../sync/remote-reads';
import { MessageList } from './MessageList';
import { NoteComposer } from './NoteComposer';
import { NoteList } from './NoteList';
import { ReplyComposer } from './ReplyComposer';
import { CaseStatusSelect } from './CaseStatusSelect';
import { CaseCsatPanel } from './CaseCsatPanel';
import { LastInteractions } from './LastInteractions';
import { SlaBadge } from './SlaBadge';
import { useRefresh } from './use-refresh';

/**
 * One case: subject, status, severity, product, messages, notes, and the composers. A case of a
 * queue the person does not serve shows its summary only (the server does not hand it out).
 */
export function CaseView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const summary = useCase(caseId);
  const messages = useCaseMessages(caseId);
  const openCase = useAppStore((s) => s.openCase);
  const failed = useRefresh(caseId, loadCase);
  if (!summary) return <Text c="dimmed">{t('common.loading')}</Text>;
  return (
    <Stack gap="sm">
      <Anchor component="button" size="sm" onClick={() => openCase(null)} ta="left">
        ← {t('case.close')}
      </Anchor>
      {failed && (
        <Alert color="yellow" p="xs">
          {failed === 'not_visible' ? t('case.notVisible') : t('case.loadFailed')}
        </Alert>
      )}
      <div>
        <Text size="xs" c="dimmed">
          {t('case.number', { number: summary.number })}
        </Text>
        <Title order={3} data-testid="case-subject">
          {summary.subject}
        </Title>
      </div>
      <Group gap="xs">
        <Badge variant="light">{t(`case.statuses.${summary.status}`)}</Badge>
        {summary.priority && (
          <Badge variant="outline">
            {t('caseFlow.priority', { priority: t(`caseFlow.priorities.${summary.priority}`) })}
          </Badge>
        )}
        <SlaBadge summary={summary} />
        <Badge variant="light" color={summary.severity <= 2 ? 'red' : 'blue'}>
          {t('case.severity', { severity: summary.severity })}
        </Badge>
        <Badge variant="outline" color="gray">
          {t('case.product')}: {summary.product ?? t('case.noProduct')}
        </Badge>
      </Group>
      {failed !== 'not_visible' && <CaseStatusSelect summary={summary} />}
      {failed !== 'not_visible' && <CaseCsatPanel caseId={caseId} />}
      {summary.customerId && failed !== 'not_visible' && <LastInteractions customerId={summary.customerId} />}
      {failed !== 'not_visible' && (
        <>
          <Divider label={t('case.messages')} labelPosition="left" />
          <MessageList messages={messages ?? []} />
          <ReplyComposer caseId={caseId} />
          <Divider label={t('case.notes')} labelPosition="left" />
          <NoteList caseId={caseId} />
          <NoteComposer caseId={caseId} />
        </>
      )}
    </Stack>
  );
}
