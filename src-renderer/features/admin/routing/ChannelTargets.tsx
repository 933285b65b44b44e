import { Checkbox, Fieldset, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../src-shared/protocol/channels';
import { humanDuration } from './human-duration';
import type { QueueForm } from './queue-form';

/** The channels a queue serves and, per served channel, its service level and offer timeout. */
export function ChannelTargets({ form }: { form: UseFormReturnType<QueueForm> }) {
  const { t, i18n } = useTranslation();
  const served = CHANNELS.filter((c) => form.values.channels.includes(c));
  return (
    <Fieldset legend={t('routingAdmin.channelsLegend')}>
      <Stack>
        <Checkbox.Group {...form.getInputProps('channels')} label={t('routingAdmin.channels')}>
          <Group mt="xs">
            {CHANNELS.map((c) => (
              <Checkbox key={c} value={c} label={t(`reports.channels.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        {served.length > 0 && (
          <Table
            withRowBorders={false}
            verticalSpacing={4}
            style={{ width: 'auto', alignSelf: 'flex-start' }}
            aria-label={t('routingAdmin.targetsTable')}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('routingAdmin.channel')}</Table.Th>
                <Table.Th>{t('routingAdmin.slSeconds')}</Table.Th>
                <Table.Th>{t('routingAdmin.slPercent')}</Table.Th>
                <Table.Th>{t('routingAdmin.offerTimeout')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {served.map((c) => {
                const channel = t(`reports.channels.${c}`);
                return (
                  <Table.Tr key={c} data-channel={c}>
                    <Table.Td>{channel}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <NumberInput
                          {...form.getInputProps(`routing.serviceLevels.${c}.seconds`)}
                          aria-label={t('routingAdmin.slSecondsFor', { channel })}
                          min={1}
                          suffix=" s"
                          w={120}
                        />
                        <Text size="xs" c="dimmed" w={90}>
                          {humanDuration(form.values.routing.serviceLevels[c].seconds, i18n.language)}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        {...form.getInputProps(`routing.serviceLevels.${c}.percent`)}
                        aria-label={t('routingAdmin.slPercentFor', { channel })}
                        min={1}
                        max={100}
                        suffix=" %"
                        w={110}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        {...form.getInputProps(`routing.offerTimeouts.${c}`)}
                        aria-label={t('routingAdmin.offerTimeoutFor', { channel })}
                        min={5}
                        suffix=" s"
                        w={120}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Fieldset>
  );
}
