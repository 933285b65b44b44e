import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_COMMAND_TYPES } from '../../../src-shared/protocol/coaching-commands';
import { useEvaluations, useFollowUps } from '../../data/coaching-hooks';
import { storeFollowUp } from '../../data/coaching-repository';
import { useAgents } from '../../data/directory-hooks';
import { useAppStore } from '../../store/store';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { loadEvaluations, loadFollowUps, loadScorecards } from '../../sync/coaching-reads';
import { EvaluationDetail } from './EvaluationDetail';
import { EvaluationsTable } from './EvaluationsTable';
import { EvaluationWorkspace } from './EvaluationWorkspace';
import { SelfAssessmentPicker } from './SelfAssessmentPicker';
import { skillLabel } from './skill-label';

/**
 * The agent's side: released evaluations to read, acknowledge or dispute, their own
 * self-assessments (scored on the same form, shown beside the coach's), and follow-ups to do.
 */
export function MyEvaluationsScreen() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const evaluations = useEvaluations(user?.id ?? '');
  const tasks = useFollowUps(user?.id ?? '');
  const people = useAgents() ?? [];
  const [chosenId, setChosenId] = useState<string | null>(null);
  // A notice's "Open evaluation" (released to this agent, or their dispute resolved) shows that
  // evaluation until the agent opens or closes another.
  const requested = useAppStore((s) => s.requestedEvaluationId);
  const requestEvaluation = useAppStore((s) => s.requestEvaluation);
  const openId = requested ?? chosenId;
  const setOpenId = (id: string | null) => {
    requestEvaluation(null);
    setChosenId(id);
  };
  const [assessing, setAssessing] = useState<string | null>(null);
  const nameOf = (id: string) => people.find((a) => a.id === id)?.displayName ?? id;

  useEffect(() => {
    if (!user) return;
    void loadScorecards().catch(() => undefined);
    void loadEvaluations(user.id).catch(() => undefined);
    void loadFollowUps().catch(() => undefined);
  }, [user]);

  if (openId)
    return <EvaluationDetail evaluationId={openId} viewer="agent" onClose={() => setOpenId(null)} />;
  if (assessing)
    return <EvaluationWorkspace contactId={assessing} isSelfAssessment onClose={() => setAssessing(null)} />;
  const markDone = (taskId: string) =>
    runCoachingCommand(
      { type: COACHING_COMMAND_TYPES.completeFollowUp, payload: { taskId } },
      storeFollowUp,
    ).catch(() => undefined);
  return (
    <Stack gap="lg">
      <Title order={2}>{t('qa.mine.title')}</Title>
      <EvaluationsTable
        evaluations={(evaluations ?? []).filter((e) => e.kind !== 'calibration')}
        nameOf={nameOf}
        label={t('qa.mine.title')}
        onOpen={(id) => {
          // A self-assessment not yet submitted opens where it is being written.
          const draft = evaluations?.find((e) => e.id === id && e.kind === 'self' && e.state === 'draft');
          if (draft) setAssessing(draft.contactId);
          else setOpenId(id);
        }}
      />
      {user && <SelfAssessmentPicker agentId={user.id} onPick={setAssessing} />}
      <section aria-label={t('qa.mine.followUps')}>
        <Title order={3}>{t('qa.mine.followUps')}</Title>
        {tasks?.length === 0 && <Text c="gray.7">{t('qa.mine.noFollowUps')}</Text>}
        <Table>
          <Table.Tbody>
            {(tasks ?? []).map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>{task.title}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {task.skills.map((s) => (
                      <Badge key={s} variant="light" size="sm">
                        {skillLabel(s)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{t('qa.mine.due', { at: new Date(task.dueAt).toLocaleDateString() })}</Table.Td>
                <Table.Td>
                  {task.state === 'done' ? (
                    <Badge color="green">{t('qa.mine.done')}</Badge>
                  ) : (
                    <Button
                      size="xs"
                      onClick={() => void markDone(task.id)}
                      aria-label={t('qa.mine.markDone', { title: task.title })}
                    >
                      {t('qa.mine.markDoneShort')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}
