import { RingProgress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../ui/use-now';

/** Seconds left to accept an offer: a ring that empties and the number in it, ticking. */
export function OfferCountdown({ expiresAt, totalSeconds }: { expiresAt: string; totalSeconds: number }) {
  const { t } = useTranslation();
  const now = useNow(250);
  const left = Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1_000));
  const percent = totalSeconds > 0 ? Math.min(100, (left / totalSeconds) * 100) : 0;
  const color = left <= 5 ? 'red' : left <= 10 ? 'orange' : 'blue';
  return (
    <div
      role="progressbar"
      aria-label={t('work.countdown')}
      aria-valuemin={0}
      aria-valuemax={totalSeconds}
      aria-valuenow={left}
      aria-valuetext={t('work.secondsLeft', { seconds: left })}
    >
      <RingProgress
        size={64}
        thickness={6}
        roundCaps
        sections={[{ value: percent, color }]}
        label={
          <Text size="sm" fw={700} ta="center" ff="monospace" c={color} data-testid="offer-seconds">
            {t('work.secondsLeft', { seconds: left })}
          </Text>
        }
      />
    </div>
  );
}
