import { Alert, Badge, Button, FileButton, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import { COACHING_COMMAND_TYPES as T } from '../../../src-shared/protocol/coaching-commands';
import { exportScorecard, importScorecardText } from '../../../src-shared/domain/coaching/scorecard-format';
import { useScorecardTemplates, useScorecardVersion } from '../../data/coaching-hooks';
import { storeScorecard } from '../../data/coaching-repository';
import { newId } from '../../data/new-id';
import { runCoachingCommand } from '../../sync/coaching-commands';
import type { CommandInputOf } from '../../sync/online-command';
import { commandErrorText } from './command-error';
import { downloadText } from './download-text';
import { TemplateEditor } from './TemplateEditor';

/** The scorecard commands this panel sends; each answers the template and its version. */
type ScorecardCommandType =
  | typeof T.createTemplate
  | typeof T.saveDraftVersion
  | typeof T.publishVersion
  | typeof T.retireVersion
  | typeof T.importScorecard;

/**
 * Scorecard templates and their versions. A published version is shown frozen; "Edit as new
 * draft" starts the next version. Drafts save with "Save draft"; publishing checks the form.
 */
export function TemplatesPanel() {
  const { t } = useTranslation();
  const templates = useScorecardTemplates();
  const [versionId, setVersionId] = useState<string | null>(null);
  const version = useScorecardVersion(versionId);
  // The coach's unsaved edits of the version shown; switching versions shows that one as stored.
  const [edited, setEdited] = useState<{ versionId: string; content: ScorecardContent } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const template = templates?.find((tpl) => tpl.versions.some((v) => v.id === versionId));

  const content: ScorecardContent | null = !version
    ? null
    : edited?.versionId === version.id
      ? edited.content
      : { name: version.name, description: version.description, sections: version.sections };
  const setContent = (next: ScorecardContent) =>
    version && setEdited({ versionId: version.id, content: next });

  const run = async (input: CommandInputOf<ScorecardCommandType>, done: string) => {
    setMessage(null);
    try {
      const result = await runCoachingCommand(input, storeScorecard);
      setVersionId(result.version.id);
      setMessage({ ok: true, text: done });
    } catch (err) {
      setMessage({ ok: false, text: commandErrorText(err, t('qa.offline')) });
    }
  };
  const saveDraft = (asNew: boolean) =>
    content &&
    template &&
    run(
      {
        type: T.saveDraftVersion,
        payload: { templateId: template.id, versionId: asNew ? newId() : (versionId ?? newId()), content },
        ...(asNew || !version ? {} : { expectedVersion: version.version }),
      },
      t('qa.templates.saved'),
    );
  const importFile = async (file: File | null) => {
    if (!file) return;
    const read = importScorecardText(await file.text());
    if (!read.ok) {
      setMessage({ ok: false, text: read.issues.map((i) => `${i.path}: ${i.message}`).join('; ') });
      return;
    }
    await run(
      {
        type: T.importScorecard,
        payload: {
          templateId: template?.id ?? newId(),
          versionId: newId(),
          file: JSON.parse(await file.text()) as unknown,
        },
      },
      t('qa.templates.imported'),
    );
  };
  const versionOptions = (templates ?? []).map((tpl) => ({
    group: tpl.name,
    items: tpl.versions.map((v) => ({
      value: v.id,
      label: `${tpl.name} · v${v.number} · ${t(`qa.versionStatus.${v.status}`)}`,
    })),
  }));
  const isDraft = version?.status === 'draft';

  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select
          label={t('qa.templates.version')}
          data={versionOptions}
          value={versionId}
          onChange={setVersionId}
          w={420}
        />
        {version && <Badge size="lg">{t(`qa.versionStatus.${version.status}`)}</Badge>}
        <Button
          variant="default"
          onClick={() =>
            void run(
              {
                type: T.createTemplate,
                payload: {
                  templateId: newId(),
                  versionId: newId(),
                  content: { name: t('qa.templates.untitled'), description: '', sections: [] },
                },
              },
              t('qa.templates.saved'),
            )
          }
        >
          {t('qa.templates.new')}
        </Button>
        <FileButton onChange={(file) => void importFile(file)} accept="application/json">
          {(props) => (
            <Button variant="default" {...props}>
              {t('qa.templates.import')}
            </Button>
          )}
        </FileButton>
        {version && (
          <Button
            variant="default"
            onClick={() =>
              downloadText(
                `${version.name}-v${version.number}.json`,
                JSON.stringify(
                  exportScorecard(version, {
                    exportedAt: new Date(),
                    source: { templateId: version.templateId, versionNumber: version.number },
                  }),
                  null,
                  2,
                ),
                'application/json',
              )
            }
          >
            {t('qa.templates.export')}
          </Button>
        )}
      </Group>
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} p="xs" role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
      {!version && <Text c="gray.7">{t('qa.templates.pick')}</Text>}
      {version && content && (
        <>
          <Group>
            {isDraft ? (
              <>
                <Button onClick={() => void saveDraft(false)}>{t('qa.templates.saveDraft')}</Button>
                <Button
                  color="green"
                  onClick={() =>
                    void run(
                      { type: T.publishVersion, payload: { versionId: version.id } },
                      t('qa.templates.published'),
                    )
                  }
                >
                  {t('qa.templates.publish')}
                </Button>
              </>
            ) : (
              <Button onClick={() => void saveDraft(true)}>{t('qa.templates.editAsDraft')}</Button>
            )}
            {version.status === 'published' && (
              <Button
                color="red"
                variant="light"
                onClick={() =>
                  void run(
                    { type: T.retireVersion, payload: { versionId: version.id } },
                    t('qa.templates.retired'),
                  )
                }
              >
                {t('qa.templates.retire')}
              </Button>
            )}
          </Group>
          <TemplateEditor content={content} readOnly={!isDraft} onChange={setContent} />
        </>
      )}
    </Stack>
  );
}
