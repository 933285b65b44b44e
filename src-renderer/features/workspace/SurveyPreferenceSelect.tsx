import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../src-shared/protocol/entities';
import { SurveyFrequency } from '../../../src-shared/protocol/surveys';
import { db } from '../../data/db';
import { runOnlineCommand } from '../../sync/online-command';
import { commandFailure } from '../work/contact-commands';

/** How often the customer gets a satisfaction survey when a case is resolved (live only: no outbox). */
export function SurveyPreferenceSelect({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const options = SurveyFrequency.options.map((value) => ({ value, label: t(`csat.frequencies.${value}`) }));

  async function change(value: string) {
    const frequency = SurveyFrequency.parse(value);
    setPending(true);
    try {
      const saved = await runOnlineCommand({
        type: 'customer:set-survey-preference',
        payload: { customerId: customer.id, frequency },
      });
      await db.customers.update(customer.id, { surveyFrequency: saved.frequency });
    } catch (err) {
      notifications.show({
        color: 'red',
        message: t('csat.preferenceFailed', { reason: commandFailure(err, t) }),
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <NativeSelect
      size="xs"
      label={t('csat.preference')}
      data={options}
      value={customer.surveyFrequency ?? 'every_case'}
      disabled={pending}
      onChange={(e) => void change(e.currentTarget.value)}
      data-testid="survey-preference"
    />
  );
}
