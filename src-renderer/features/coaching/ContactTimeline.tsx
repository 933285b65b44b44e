import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactDetail } from '../../../src-shared/protocol/contacts';
import { anchorId, type Moment } from './moments';

interface Props {
  contact: ContactDetail;
  moments: readonly Moment[];
  isLive: boolean;
}

/** The contact as it happened: who, when, how it ended, and every moment in order. */
export function ContactTimeline({ contact, moments, isLive }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-label={t('qa.review.contact')}>
      <Group justify="space-between">
        <Title order={3}>{contact.subject || contact.from}</Title>
        <Badge
          color={isLive ? 'red' : 'gray'}
          variant={isLive ? 'filled' : 'light'}
          data-testid="contact-state"
        >
          {isLive ? t('qa.review.live') : t('qa.review.closed')}
        </Badge>
      </Group>
      <Text size="sm" c="gray.7">
        {t(`reports.channels.${contact.channel}`)} · {contact.from} ·{' '}
        {new Date(contact.createdAt).toLocaleString()}
        {contact.disposition ? ` · ${t('qa.review.wrapUp', { disposition: contact.disposition })}` : ''}
      </Text>
      <Stack
        gap={4}
        component="ol"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('qa.review.moments')}
      >
        {moments.length === 0 && (
          <Text size="sm" c="gray.7">
            {t('qa.review.noMoments')}
          </Text>
        )}
        {moments.map((moment) => (
          <Paper key={anchorId(moment.anchor)} component="li" withBorder p={6}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text size="xs" c="gray.7" miw={70}>
                {new Date(moment.at).toLocaleTimeString()}
              </Text>
              <Badge size="xs" variant="light">
                {t(`qa.review.kinds.${moment.anchor.kind}`)}
              </Badge>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {moment.text}
              </Text>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
