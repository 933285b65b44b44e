import { Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiReportRow } from '../../../src-shared/protocol/kpi-report';
import { TABLE_MEASURES } from './kpi-csv';
import { shown } from './KpiSummary';

type SortKey = 'period' | 'group' | (typeof TABLE_MEASURES)[number];

/** The report's rows; a column header sorts by it (again: the other way). */
export function KpiTable({ rows, nameOf }: { rows: KpiReportRow[]; nameOf(row: KpiReportRow): string }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'period', ascending: true });
  const sorted = useMemo(() => {
    const keyOf = (row: KpiReportRow): string | number =>
      sort.key === 'period'
        ? row.period
        : sort.key === 'group'
          ? nameOf(row)
          : (row.measures[sort.key].value ?? -1);
    return [...rows].sort((a, b) => {
      const [x, y] = [keyOf(a), keyOf(b)];
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.ascending ? order : -order;
    });
  }, [rows, sort, nameOf]);
  const header = (key: SortKey, label: string) => (
    <Table.Th key={key} aria-sort={sort.key === key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        onClick={() => setSort((s) => ({ key, ascending: s.key === key ? !s.ascending : true }))}
        fw={600}
        fz="sm"
      >
        {label}
      </UnstyledButton>
    </Table.Th>
  );
  if (rows.length === 0) return <Text c="dimmed">{t('kpi.noData')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label={t('kpi.title')}>
        <Table.Thead>
          <Table.Tr>
            {header('period', t('kpi.period'))}
            {header('group', t('kpi.group'))}
            {TABLE_MEASURES.map((m) => header(m, t(`kpi.measures.${m}`)))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={`${row.period}|${nameOf(row)}`}>
              <Table.Td>{row.period}</Table.Td>
              <Table.Td>{nameOf(row)}</Table.Td>
              {TABLE_MEASURES.map((m) => (
                <Table.Td key={m} title={t('kpi.sample', { n: row.measures[m].n })}>
                  {shown(row.measures[m].value)}
                  {row.measures[m].isSmallSample && row.measures[m].n > 0 ? ' *' : ''}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
