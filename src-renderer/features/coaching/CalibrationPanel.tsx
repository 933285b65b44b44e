import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalibrationReport } from '../../../src-shared/protocol/coaching-calibration';
import { COACHING_COMMAND_TYPES } from '../../../src-shared/protocol/coaching-commands';
import type { Agent } from '../../../src-shared/protocol/entities';
import { useCalibration, useCalibrations, useScorecardVersion } from '../../data/coaching-hooks';
import { storeCalibration } from '../../data/coaching-repository';
import { runCoachingCommand } from '../../sync/coaching-commands';
import { fetchCalibrationReport, fetchRaters, loadCalibrations } from '../../sync/coaching-reads';
import { CalibrationReportView } from './CalibrationReportView';
import { commandErrorText } from './command-error';
import { NewCalibrationForm } from './NewCalibrationForm';
import { useLiveRead } from './use-live-read';

interface Props {
  people: readonly Agent[];
  myId: string;
  onScore(contactId: string, calibrationId: string, versionId: string): void;
  /** The session on screen, kept by the coaching screen so a coach comes back to it after scoring. */
  openId: string | null;
  onOpen(id: string | null): void;
}

/** Calibration sessions: create one, score its contacts blind, close it, read the report. */
export function CalibrationPanel({ people, myId, onScore, openId, onOpen: setOpenId }: Props) {
  const { t } = useTranslation();
  const sessions = useCalibrations();
  // The directory holds the coach's own teams; fellow coaches of other teams come from the server.
  const raters = useLiveRead(fetchRaters, 'raters').data ?? [];
  const nameOf = (id: string) =>
    (raters.find((r) => r.id === id) ?? people.find((p) => p.id === id))?.displayName ?? id;
  useEffect(() => void loadCalibrations().catch(() => undefined), []);
  if (openId)
    return (
      <SessionView
        id={openId}
        nameOf={nameOf}
        myId={myId}
        onScore={onScore}
        onClose={() => setOpenId(null)}
      />
    );
  return (
    <Stack gap="lg">
      <NewCalibrationForm raters={raters} onCreated={setOpenId} />
      <section aria-label={t('qa.calibration.sessions')}>
        <Title order={3}>{t('qa.calibration.sessions')}</Title>
        {sessions?.length === 0 && <Text c="gray.7">{t('qa.calibration.none')}</Text>}
        <Table>
          <Table.Tbody>
            {(sessions ?? []).map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{new Date(s.createdAt).toLocaleString()}</Table.Td>
                <Table.Td>{s.coachIds.map(nameOf).join(', ')}</Table.Td>
                <Table.Td>
                  <Badge color={s.state === 'open' ? 'blue' : 'gray'}>
                    {t(`qa.calibration.states.${s.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setOpenId(s.id)}>
                    {t('qa.calibration.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}

interface SessionProps {
  id: string;
  myId: string;
  nameOf(id: string): string;
  onScore: Props['onScore'];
  onClose(): void;
}

function SessionView({ id, myId, nameOf, onScore, onClose }: SessionProps) {
  const { t } = useTranslation();
  const session = useCalibration(id);
  const version = useScorecardVersion(session?.versionId);
  const [report, setReport] = useState<CalibrationReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isClosed = session?.state === 'closed';
  useEffect(() => {
    if (isClosed) void fetchCalibrationReport(id).then(setReport, () => setError(t('qa.loadFailed')));
  }, [id, isClosed, t]);
  if (!session) return <Text c="gray.7">{t('common.loading')}</Text>;
  const isRater = session.coachIds.includes(myId) || session.expertId === myId;
  const close = async () => {
    setError(null);
    try {
      await runCoachingCommand(
        { type: COACHING_COMMAND_TYPES.closeCalibration, payload: { calibrationId: id } },
        storeCalibration,
      );
    } catch (err) {
      setError(commandErrorText(err, t('qa.offline')));
    }
  };
  return (
    <Stack gap="md">
      <Button variant="subtle" w="fit-content" onClick={onClose}>
        ← {t('qa.calibration.back')}
      </Button>
      <Group>
        <Title order={3}>{t('qa.calibration.session')}</Title>
        <Badge color={isClosed ? 'gray' : 'blue'}>{t(`qa.calibration.states.${session.state}`)}</Badge>
      </Group>
      <Text size="sm">
        {t('qa.calibration.coaches')}: {session.coachIds.map(nameOf).join(', ')}
        {session.expertId ? ` · ${t('qa.calibration.expert')}: ${nameOf(session.expertId)}` : ''}
      </Text>
      {!isClosed && <Alert color="grape">{t('qa.calibration.blindNote')}</Alert>}
      <Stack gap={4}>
        {session.contactIds.map((contactId) => (
          <Group key={contactId}>
            <Text size="sm">{contactId}</Text>
            {!isClosed && isRater && (
              <Button
                size="xs"
                variant="light"
                aria-label={t('qa.calibration.scoreContact', { contact: contactId })}
                onClick={() => onScore(contactId, id, session.versionId)}
              >
                {t('qa.calibration.score')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      {!isClosed && (
        <Button color="red" variant="light" w="fit-content" onClick={() => void close()}>
          {t('qa.calibration.close')}
        </Button>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {report && version && <CalibrationReportView report={report} content={version} nameOf={nameOf} />}
    </Stack>
  );
}
