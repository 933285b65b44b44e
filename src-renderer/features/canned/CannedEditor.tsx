import { Button, Card, Group, Select, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQueues, useTeams } from '../../data/directory-hooks';
import type { CannedForm, CannedScope } from './canned-form';

const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'];

/** The fields of one canned response being written or edited, with Save and Cancel. */
export function CannedEditor({
  form,
  onChange,
  onSave,
  onCancel,
  isSaving,
}: {
  form: CannedForm;
  onChange(next: CannedForm): void;
  onSave(): void;
  onCancel(): void;
  isSaving: boolean;
}) {
  const { t } = useTranslation();
  const teams = useTeams() ?? [];
  const queues = useQueues() ?? [];
  const set = (patch: Partial<CannedForm>) => onChange({ ...form, ...patch });
  const scopes: { value: CannedScope; label: string }[] = [
    { value: 'everywhere', label: t('canned.scopeEverywhere') },
    { value: 'team', label: t('canned.scopeTeam') },
    { value: 'queue', label: t('canned.scopeQueue') },
  ];
  return (
    <Card withBorder data-testid="canned-editor">
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput
            label={t('canned.title')}
            value={form.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            maxLength={120}
            required
          />
          <Select
            label={t('canned.language')}
            data={LANGUAGES}
            value={form.language}
            onChange={(language) => set({ language: language ?? 'en' })}
            allowDeselect={false}
          />
        </Group>
        <Textarea
          label={t('canned.body')}
          description={t('canned.intro', { name: '{{customer.name}}', number: '{{case.number}}' })}
          value={form.body}
          onChange={(e) => set({ body: e.currentTarget.value })}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5000}
          required
        />
        <Group grow align="flex-start">
          <Select
            label={t('canned.scope')}
            data={scopes}
            value={form.scope}
            onChange={(picked) =>
              set({ scope: scopes.find((s) => s.value === picked)?.value ?? 'everywhere' })
            }
            allowDeselect={false}
          />
          {form.scope === 'team' && (
            <Select
              label={t('canned.team')}
              data={teams.map((team) => ({ value: team.id, label: team.name }))}
              value={form.teamId}
              onChange={(teamId) => set({ teamId })}
            />
          )}
          {form.scope === 'queue' && (
            <Select
              label={t('canned.queue')}
              data={queues.map((queue) => ({ value: queue.id, label: queue.name }))}
              value={form.queueId}
              onChange={(queueId) => set({ queueId })}
            />
          )}
        </Group>
        <Switch
          label={t('canned.shared')}
          checked={form.shared}
          onChange={(e) => set({ shared: e.currentTarget.checked })}
        />
        <Group>
          <Button onClick={onSave} loading={isSaving}>
            {t('canned.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('canned.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
