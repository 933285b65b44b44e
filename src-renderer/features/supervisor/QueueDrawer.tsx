import { Drawer, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { byWaitingOrder } from '../../../src-shared/domain/waiting-order';
import type { Contact } from '../../../src-shared/protocol/contacts';
import { VirtualList } from '../../ui/VirtualList';
import { ContactActions } from './ContactActions';
import { ContactLine, type ContactAction } from './ContactLine';
import type { Board } from './use-board';

const ROW_HEIGHT = 68; // three lines: who and what, status and why it waits, why this queue
const LIST_ROWS = 8;

/** A queue's drill-down: its waiting contacts (most urgent first) and the ones its agents hold. */
export function QueueDrawer({
  board,
  queueId,
  onClose,
}: {
  board: Board;
  queueId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<{ contact: Contact; action: ContactAction } | null>(null);
  const queue = board.snapshot.queues.find((q) => q.id === queueId);
  const inQueue = board.snapshot.open.filter((c) => c.queueId === queueId);
  const waiting = inQueue.filter((c) => c.status === 'queued').sort(byWaitingOrder);
  const held = inQueue
    .filter((c) => c.status !== 'queued')
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
  const agentName = new Map(board.snapshot.agents.map((a) => [a.id, a.displayName]));
  const onAction = (contact: Contact, action: ContactAction) => setPicked({ contact, action });
  return (
    <>
      <Drawer opened={!!queue && !picked} onClose={onClose} position="right" size="xl" title={queue?.name}>
        <Stack>
          <Title order={3} size="h5">
            {t('board.waitingContacts')} ({waiting.length})
          </Title>
          {waiting.length === 0 ? (
            <Text c="dimmed">{t('board.nobodyWaits')}</Text>
          ) : (
            <VirtualList
              items={waiting}
              rowHeight={ROW_HEIGHT}
              height={Math.min(LIST_ROWS, waiting.length) * ROW_HEIGHT}
              itemKey={(c) => c.id}
              renderRow={(c) => <ContactLine contact={c} now={board.now} onAction={onAction} />}
              aria-label={t('board.waitingContacts')}
            />
          )}
          <Title order={3} size="h5">
            {t('board.heldContacts')} ({held.length})
          </Title>
          {held.length === 0 ? (
            <Text c="dimmed">{t('board.nothingHeld')}</Text>
          ) : (
            <VirtualList
              items={held}
              rowHeight={ROW_HEIGHT}
              height={Math.min(LIST_ROWS, held.length) * ROW_HEIGHT}
              itemKey={(c) => c.id}
              renderRow={(c) => (
                <ContactLine
                  contact={c}
                  now={board.now}
                  holderName={c.agentId ? agentName.get(c.agentId) : undefined}
                  onAction={onAction}
                />
              )}
              aria-label={t('board.heldContacts')}
            />
          )}
        </Stack>
      </Drawer>
      <ContactActions picked={picked} snapshot={board.snapshot} onClose={() => setPicked(null)} />
    </>
  );
}
