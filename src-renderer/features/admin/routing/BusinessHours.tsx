import { Button, CloseButton, Fieldset, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { nextInterval, type QueueForm } from './queue-form';
import { timeZoneOptions, WEEK_ORDER, weekdayName } from './weekdays';

const HOURS = 'routing.businessHours' as const;

/** Time zone, opening intervals per weekday (several make a split shift), and holidays. */
export function BusinessHours({ form }: { form: UseFormReturnType<QueueForm> }) {
  const { t, i18n } = useTranslation();
  const hours = form.values.routing.businessHours;
  const add = (day: number) => form.insertListItem(`${HOURS}.weekly`, nextInterval(hours.weekly, day));
  return (
    <Fieldset legend={t('routingAdmin.hoursLegend')}>
      <Stack>
        <Select
          {...form.getInputProps(`${HOURS}.timeZone`)}
          label={t('routingAdmin.timeZone')}
          data={timeZoneOptions(hours.timeZone)}
          searchable
          allowDeselect={false}
          w={300}
        />
        {hours.weekly.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('routingAdmin.openAroundTheClock')}
          </Text>
        )}
        <Stack gap={6}>
          {WEEK_ORDER.map((day) => {
            const name = weekdayName(day, i18n.language);
            const intervals = hours.weekly.flatMap((interval, index) =>
              interval.day === day ? [index] : [],
            );
            return (
              <Group
                key={day}
                align="flex-start"
                wrap="nowrap"
                data-weekday={day}
                role="group"
                aria-label={name}
              >
                <Text w={110} pt={6} size="sm" fw={500} tt="capitalize">
                  {name}
                </Text>
                <Stack gap={6} w={250}>
                  {intervals.length === 0 && (
                    <Text size="sm" c="dimmed" pt={6}>
                      {hours.weekly.length === 0 ? t('routingAdmin.allDay') : t('routingAdmin.closed')}
                    </Text>
                  )}
                  {intervals.map((index, nth) => (
                    <Group key={index} gap="xs" align="flex-start" wrap="nowrap" data-testid="interval">
                      <TextInput
                        {...form.getInputProps(`${HOURS}.weekly.${index}.open`)}
                        aria-label={t('routingAdmin.opensAt', { day: name, n: nth + 1 })}
                        placeholder="08:00"
                        maxLength={5}
                        w={90}
                      />
                      <Text pt={6}>–</Text>
                      <TextInput
                        {...form.getInputProps(`${HOURS}.weekly.${index}.close`)}
                        aria-label={t('routingAdmin.closesAt', { day: name, n: nth + 1 })}
                        placeholder="17:00"
                        maxLength={5}
                        w={90}
                      />
                      <CloseButton
                        mt={4}
                        onClick={() => form.removeListItem(`${HOURS}.weekly`, index)}
                        aria-label={t('routingAdmin.removeHours', { day: name, n: nth + 1 })}
                      />
                    </Group>
                  ))}
                </Stack>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  mt={4}
                  onClick={() => add(day)}
                  aria-label={t('routingAdmin.addHoursOn', { day: name })}
                >
                  {t('routingAdmin.addHours')}
                </Button>
              </Group>
            );
          })}
        </Stack>
        {typeof form.errors[`${HOURS}.weekly`] === 'string' && (
          <Text c="red" size="sm">
            {form.errors[`${HOURS}.weekly`]}
          </Text>
        )}
        <DatePickerInput
          {...form.getInputProps(`${HOURS}.holidays`)}
          type="multiple"
          label={t('routingAdmin.holidays')}
          description={t('routingAdmin.holidaysHint')}
          placeholder={t('routingAdmin.noHolidays')}
          valueFormat="YYYY-MM-DD"
          clearable
          maw={600}
        />
      </Stack>
    </Fieldset>
  );
}
