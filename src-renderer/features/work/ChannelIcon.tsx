import { ThemeIcon } from '@mantine/core';
import { IconMail, IconMessageCircle, IconPhone, IconPhoneCall, IconWorldWww } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/protocol/channels';

const ICONS = {
  phone: IconPhone,
  email: IconMail,
  web: IconWorldWww,
  chat: IconMessageCircle,
  callback: IconPhoneCall,
} satisfies Record<Channel, unknown>;

const COLORS: Record<Channel, string> = {
  phone: 'teal',
  email: 'indigo',
  web: 'cyan',
  chat: 'grape',
  callback: 'orange',
};

/** A channel as a small coloured icon, named for screen readers ("Phone", "Email"…). */
export function ChannelIcon({ channel, size = 'md' }: { channel: Channel; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const Icon = ICONS[channel];
  const label = t(`reports.channels.${channel}`);
  return (
    <ThemeIcon
      color={COLORS[channel]}
      variant="light"
      size={size}
      radius="xl"
      role="img"
      aria-label={label}
      title={label}
    >
      <Icon size="70%" stroke={1.8} aria-hidden />
    </ThemeIcon>
  );
}
