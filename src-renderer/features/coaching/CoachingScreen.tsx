import { Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvaluations } from '../../data/coaching-hooks';
import { useAgents, useTeams } from '../../data/directory-hooks';
import { useAppStore } from '../../store/store';
import { loadEvaluations, loadScorecards } from '../../sync/coaching-reads';
import { AgentsTable } from '../../ui/AgentsTable';
import { CalibrationPanel } from './CalibrationPanel';
import { coachedAgents } from './coached-agents';
import { EvaluationDetail } from './EvaluationDetail';
import { EvaluationsTable } from './EvaluationsTable';
import { EvaluationWorkspace } from './EvaluationWorkspace';
import { TemplatesPanel } from './TemplatesPanel';
import { WorklistPanel } from './WorklistPanel';

// The charts library is most of the bundle; only the analytics tab needs it.
const AnalyticsPanel = lazy(() => import('./AnalyticsPanel').then((m) => ({ default: m.AnalyticsPanel })));

type Opened =
  | { kind: 'contact'; contactId: string; calibrationId: string | null; versionId?: string }
  | { kind: 'evaluation'; evaluationId: string };

/** Coaching: the worklist, evaluations, scorecards, calibration, analytics, and the coach's team. */
export function CoachingScreen() {
  const { t } = useTranslation();
  const user = useAppStore((s) => s.user);
  const people = useAgents() ?? [];
  const teams = useTeams();
  const evaluations = useEvaluations();
  const [chosen, setChosen] = useState<Opened | null>(null);
  // A notice's "Open evaluation" (the agent acknowledged or disputed one of this coach's) shows
  // that evaluation until the coach opens or closes something else.
  const requested = useAppStore((s) => s.requestedEvaluationId);
  const requestEvaluation = useAppStore((s) => s.requestEvaluation);
  const opened: Opened | null = requested ? { kind: 'evaluation', evaluationId: requested } : chosen;
  const setOpened = (next: Opened | null) => {
    requestEvaluation(null);
    setChosen(next);
  };
  const [tab, setTab] = useState<string | null>('worklist');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const team = coachedAgents(people, user?.id);
  const agents = people.filter((a) => a.roles.includes('agent'));
  const nameOf = (id: string) => people.find((a) => a.id === id)?.displayName ?? id;

  useEffect(() => {
    void loadScorecards().catch(() => undefined);
    void loadEvaluations().catch(() => undefined);
  }, []);

  if (opened?.kind === 'contact') {
    return (
      <EvaluationWorkspace
        contactId={opened.contactId}
        calibrationId={opened.calibrationId}
        {...(opened.versionId ? { versionId: opened.versionId } : {})}
        onClose={() => setOpened(null)}
      />
    );
  }
  if (opened?.kind === 'evaluation') {
    return (
      <EvaluationDetail evaluationId={opened.evaluationId} viewer="coach" onClose={() => setOpened(null)} />
    );
  }
  const openContact = (contactId: string) => setOpened({ kind: 'contact', contactId, calibrationId: null });
  return (
    <Stack>
      <Title order={2}>{t('qa.screen.title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {(['worklist', 'evaluations', 'templates', 'calibration', 'analytics', 'team'] as const).map(
            (id) => (
              <Tabs.Tab key={id} value={id}>
                {t(`qa.screen.tabs.${id}`)}
              </Tabs.Tab>
            ),
          )}
        </Tabs.List>
        <Tabs.Panel value="worklist" pt="md">
          <WorklistPanel agents={agents} onOpenContact={openContact} />
        </Tabs.Panel>
        <Tabs.Panel value="evaluations" pt="md">
          <EvaluationsTable
            evaluations={(evaluations ?? []).filter((e) => e.kind !== 'calibration')}
            nameOf={nameOf}
            label={t('qa.screen.tabs.evaluations')}
            onOpen={(evaluationId) => setOpened({ kind: 'evaluation', evaluationId })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <TemplatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="calibration" pt="md">
          <CalibrationPanel
            people={people}
            myId={user?.id ?? ''}
            openId={sessionId}
            onOpen={setSessionId}
            onScore={(contactId, calibrationId, versionId) =>
              setOpened({ kind: 'contact', contactId, calibrationId, versionId })
            }
          />
        </Tabs.Panel>
        <Tabs.Panel value="analytics" pt="md">
          <Suspense fallback={<Loader />}>
            <AnalyticsPanel nameOf={nameOf} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="team" pt="md">
          <Text c="gray.7" mb="sm">
            {t('coaching.intro')}
          </Text>
          <AgentsTable agents={team} teams={teams ?? []} label={t('coaching.title')} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
