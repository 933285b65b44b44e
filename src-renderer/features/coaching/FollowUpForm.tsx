import { Alert, Button, Group, MultiSelect, Stack, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import { COACHING_COMMAND_TYPES } from '../../../src-shared/protocol/coaching-commands';
import type { Evaluation } from '../../../src-shared/protocol/coaching-evaluations';
import { storeFollowUp } from '../../data/coaching-repository';
import { newId } from '../../data/new-id';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { commandErrorText } from './command-error';
import { skillLabel } from './skill-label';
import { weakestSkills } from './weakest-skills';

/** From a released evaluation, a refresher on the weakest skills, with a due date the agent sees. */
export function FollowUpForm({ evaluation, content }: { evaluation: Evaluation; content: ScorecardContent }) {
  const { t } = useTranslation();
  const allSkills = useMemo(
    () => [
      ...new Set(content.sections.flatMap((s) => s.criteria).flatMap((c) => (c.skill ? [c.skill] : []))),
    ],
    [content],
  );
  const [skills, setSkills] = useState<string[]>(() => weakestSkills(content, evaluation.answers, 2));
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const assign = async () => {
    try {
      await runCoachingCommand(
        {
          type: COACHING_COMMAND_TYPES.assignFollowUp,
          payload: {
            taskId: newId(),
            evaluationId: evaluation.id,
            skills,
            title: title.trim(),
            note: '',
            dueAt: new Date(due).toISOString(),
          },
        },
        storeFollowUp,
      );
      setOutcome({ ok: true, text: t('qa.followUp.assigned') });
    } catch (err) {
      setOutcome({ ok: false, text: commandErrorText(err, t('qa.offline')) });
    }
  };
  return (
    <Stack gap="xs" component="section" aria-label={t('qa.followUp.title')}>
      <Title order={4}>{t('qa.followUp.title')}</Title>
      <Group grow align="flex-end">
        <TextInput
          label={t('qa.followUp.what')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <MultiSelect
          label={t('qa.followUp.skills')}
          data={allSkills.map((skill) => ({ value: skill, label: skillLabel(skill) }))}
          value={skills}
          onChange={setSkills}
        />
        <TextInput
          type="date"
          label={t('qa.followUp.due')}
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
        />
      </Group>
      <Button
        w="fit-content"
        variant="light"
        disabled={!title.trim() || !due || skills.length === 0}
        onClick={() => void assign()}
      >
        {t('qa.followUp.assign')}
      </Button>
      {outcome && (
        <Alert color={outcome.ok ? 'green' : 'red'} p="xs" role="status">
          {outcome.text}
        </Alert>
      )}
    </Stack>
  );
}
