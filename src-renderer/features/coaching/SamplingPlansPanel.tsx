import { Alert, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_COMMAND_TYPES } from '../../../src-shared/protocol/coaching-commands';
import type { SamplingDraw } from '../../../src-shared/protocol/coaching-sampling';
import { type SamplingPlan } from '../../../src-shared/protocol/coaching-sampling';
import { useTeams } from '../../data/directory-hooks';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { fetchSamplingPlans } from '../../sync/sampling-reads';
import { commandErrorText } from './command-error';
import { SamplingPlanForm } from './SamplingPlanForm';
import { useLiveRead } from './use-live-read';

interface Props {
  nameOf(agentId: string): string;
  /** A draw changed the worklist. */
  onDrawn(): void;
}

const day = (iso: string) => new Date(iso).toLocaleDateString();
/** A period's end is the first instant after it: its last day is the day before. */
const lastDay = (iso: string) => new Date(Date.parse(iso) - 1).toLocaleDateString();

/** The sampling plans with their last draw, a "Draw now" per plan, and the plan editor. */
export function SamplingPlansPanel({ nameOf, onDrawn }: Props) {
  const { t } = useTranslation();
  const teams = useTeams() ?? [];
  const read = useLiveRead(fetchSamplingPlans, 'sampling-plans');
  const [editing, setEditing] = useState<SamplingPlan | 'new' | null>(null);
  const [outcome, setOutcome] = useState<{ draw: SamplingDraw } | { error: string } | null>(null);
  const plans = read.data?.plans ?? [];
  const lastDrawOf = (planId: string) => read.data?.draws.find((d) => d.planId === planId);
  const teamNames = (ids: readonly string[]) =>
    ids.length === 0
      ? t('sampling.allTeams')
      : ids.map((id) => teams.find((team) => team.id === id)?.name ?? id).join(', ');

  const draw = async (plan: SamplingPlan) => {
    setOutcome(null);
    try {
      const drawn = await runCoachingCommand({
        type: COACHING_COMMAND_TYPES.drawSample,
        payload: { planId: plan.id, drawId: crypto.randomUUID() },
      });
      setOutcome({ draw: drawn });
      read.reload();
      onDrawn();
    } catch (err) {
      setOutcome({ error: commandErrorText(err, t('qa.offline')) });
    }
  };

  return (
    <Stack gap="sm" component="section" aria-label={t('sampling.title')}>
      <Group justify="space-between">
        <Title order={3}>{t('sampling.title')}</Title>
        {editing === null && (
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('sampling.newPlan')}
          </Button>
        )}
      </Group>
      <Text c="gray.7" size="sm">
        {t('sampling.intro')}
      </Text>
      {read.failed && <Alert color="yellow">{t('qa.loadFailed')}</Alert>}
      {editing !== null && (
        <SamplingPlanForm
          {...(editing === 'new' ? {} : { plan: editing })}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            read.reload();
          }}
        />
      )}
      {outcome && 'error' in outcome && (
        <Alert color="red" p="xs" role="alert">
          {outcome.error}
        </Alert>
      )}
      {outcome && 'draw' in outcome && <DrawOutcome draw={outcome.draw} nameOf={nameOf} />}
      {read.data && plans.length === 0 && <Text c="gray.7">{t('sampling.none')}</Text>}
      {plans.length > 0 && (
        <Table data-testid="sampling-plans">
          <Table.Tbody>
            {plans.map((plan) => {
              const last = lastDrawOf(plan.id);
              return (
                <Table.Tr key={plan.id}>
                  <Table.Td>
                    <Text fw={500}>{plan.name}</Text>
                    <Text size="xs" c="gray.7">
                      {t('sampling.every', {
                        perAgent: plan.perAgent,
                        period: t(`sampling.periods.${plan.period}`).toLowerCase(),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{teamNames(plan.teamIds)}</Table.Td>
                  <Table.Td>
                    <Badge color={plan.active ? 'teal' : 'gray'} variant="light">
                      {plan.active ? t('sampling.active') : t('sampling.paused')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {last
                        ? t('sampling.lastDraw', {
                            from: day(last.periodStart),
                            to: lastDay(last.periodEnd),
                            seed: last.seed,
                          })
                        : t('sampling.neverDrawn')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        disabled={!plan.active}
                        aria-label={t('sampling.drawPlan', { name: plan.name })}
                        onClick={() => void draw(plan)}
                      >
                        {t('sampling.draw')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        aria-label={t('sampling.editPlan', { name: plan.name })}
                        onClick={() => setEditing(plan)}
                      >
                        {t('sampling.edit')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function DrawOutcome({ draw, nameOf }: { draw: SamplingDraw; nameOf(id: string): string }) {
  const { t } = useTranslation();
  const count = draw.picks.reduce((sum, p) => sum + p.contactIds.length, 0);
  return (
    <Alert color="teal" p="xs" role="status">
      <Text size="sm">
        {t('sampling.drawn', {
          count,
          from: day(draw.periodStart),
          to: lastDay(draw.periodEnd),
          seed: draw.seed,
        })}
      </Text>
      {draw.shortfalls.length > 0 && (
        <List size="sm">
          {draw.shortfalls.map((s) => (
            <List.Item key={s.agentId}>
              {t('sampling.shortfall', {
                agent: nameOf(s.agentId),
                available: s.available,
                wanted: s.wanted,
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
