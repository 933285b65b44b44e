import { Button, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../src-shared/protocol/channels';
import { KPI_GROUPS, KPI_INTERVALS } from '../../../src-shared/protocol/kpi-report';
import type { KpiFilters } from './kpi-query';

/** Range, period, split and channel; the report reloads when the person presses Show. */
export function KpiFilterBar({ value, onChange }: { value: KpiFilters; onChange(next: KpiFilters): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const set = (patch: Partial<KpiFilters>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <Group align="end" className="kpi-no-print">
      <TextInput
        type="date"
        label={t('kpi.from')}
        value={draft.from}
        onChange={(e) => set({ from: e.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('kpi.to')}
        value={draft.to}
        onChange={(e) => set({ to: e.currentTarget.value })}
      />
      <Select
        label={t('kpi.interval')}
        value={draft.interval}
        allowDeselect={false}
        data={KPI_INTERVALS.map((i) => ({ value: i, label: t(`kpi.intervals.${i}`) }))}
        onChange={(v) => v && set({ interval: v as KpiFilters['interval'] })}
      />
      <Select
        label={t('kpi.groupBy')}
        value={draft.groupBy}
        allowDeselect={false}
        data={(['none', ...KPI_GROUPS] as const).map((g) => ({ value: g, label: t(`kpi.groups.${g}`) }))}
        onChange={(v) => v && set({ groupBy: v as KpiFilters['groupBy'] })}
      />
      <Select
        label={t('kpi.channel')}
        value={draft.channel}
        allowDeselect={false}
        data={[
          { value: 'all', label: t('kpi.allChannels') },
          ...CHANNELS.map((c) => ({ value: c, label: t(`reports.channels.${c}`) })),
        ]}
        onChange={(v) => v && set({ channel: v as KpiFilters['channel'] })}
      />
      <Button onClick={() => onChange(draft)}>{t('kpi.show')}</Button>
    </Group>
  );
}
