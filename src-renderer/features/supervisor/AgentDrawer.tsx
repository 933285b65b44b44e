import { Drawer, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { AgentStateBadge } from '../../ui/AgentStateBadge';
import { formatDuration } from '../../ui/format-duration';
import { useBoardHistory } from './board-history';
import { ContactActions } from './ContactActions';
import { ContactLine, type ContactAction } from './ContactLine';
import { ForceState } from './ForceState';
import type { Board } from './use-board';

/** An agent's drill-down: their work now, their day as the board saw it, and forcing their state. */
export function AgentDrawer({
  board,
  agentId,
  onClose,
}: {
  board: Board;
  agentId: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { timelines } = useBoardHistory();
  const [picked, setPicked] = useState<{ contact: Contact; action: ContactAction } | null>(null);
  const agent = board.snapshot.agents.find((a) => a.id === agentId);
  const work = board.snapshot.open
    .filter((c) => c.agentId === agentId && c.status !== 'queued')
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  const time = new Intl.DateTimeFormat(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const timeline = [...(timelines.get(agentId ?? '') ?? [])].reverse();
  return (
    <>
      <Drawer
        opened={!!agent && !picked}
        onClose={onClose}
        position="right"
        size="xl"
        title={agent?.displayName}
      >
        {agent && (
          <Stack>
            <Group>
              <AgentStateBadge state={agent.state} />
              {agent.reasonCode && <Text size="sm">{t(`agentState.reasons.${agent.reasonCode}`)}</Text>}
            </Group>
            <ForceState agent={agent} />
            <Title order={3} size="h5">
              {t('board.work')}
            </Title>
            {work.length === 0 && <Text c="dimmed">{t('board.noWork')}</Text>}
            <Stack gap="xs" role="list" aria-label={t('board.work')}>
              {work.map((c) => (
                <div role="listitem" key={c.id}>
                  <ContactLine
                    contact={c}
                    now={board.now}
                    onAction={(contact, action) => setPicked({ contact, action })}
                  />
                </div>
              ))}
            </Stack>
            <Title order={3} size="h5">
              {t('board.timeline')}
            </Title>
            {timeline.length === 0 ? (
              <Text c="dimmed">{t('board.timelineEmpty')}</Text>
            ) : (
              <Timeline bulletSize={14} lineWidth={2} aria-label={t('board.timeline')}>
                {timeline.map((stretch) => (
                  <Timeline.Item
                    key={stretch.from}
                    title={`${time.format(stretch.from)} · ${t(`agentState.states.${stretch.state}`)}${
                      stretch.reasonCode ? ` – ${t(`agentState.reasons.${stretch.reasonCode}`)}` : ''
                    }`}
                  >
                    <Text size="xs" c="dimmed">
                      {formatDuration((stretch.to ?? board.now) - stretch.from)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Stack>
        )}
      </Drawer>
      <ContactActions picked={picked} snapshot={board.snapshot} onClose={() => setPicked(null)} />
    </>
  );
}
