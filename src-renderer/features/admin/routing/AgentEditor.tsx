import { Fieldset, Group, NumberInput, Select, Stack, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../src-shared/protocol/channels';
import type { Agent } from '../../../../src-shared/protocol/entities';
import { ChannelCapacity, type Skill } from '../../../../src-shared/protocol/routing-config';
import { agentToForm, checkAgentForm, type AgentForm } from './agent-form';
import { SaveBar } from './SaveBar';
import { saveAgentRouting } from './save-routing';
import { SkillRows } from './SkillRows';
import { useRoutingEditor } from './use-routing-editor';

interface AgentEditorProps {
  agent: Agent;
  skills: Skill[];
  /** Language codes to suggest (any other code may be typed). */
  languages: string[];
}

/** One agent's skills with proficiency, languages, tier and capacity per channel. */
export function AgentEditor({ agent, skills, languages }: AgentEditorProps) {
  const { t } = useTranslation();
  const { form, busy, status, onSubmit, reset } = useRoutingEditor({
    entity: agent,
    toForm: agentToForm,
    check: (values: AgentForm) => checkAgentForm(agent.id, values),
    send: saveAgentRouting,
    savedText: t('routingAdmin.agentSaved', { name: agent.displayName }),
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={agent.displayName}>
      <Stack>
        <Group align="flex-start" grow>
          <TagsInput
            {...form.getInputProps('languages')}
            label={t('routingAdmin.languages')}
            description={t('routingAdmin.languagesHint')}
            data={languages}
          />
          <Select
            {...form.getInputProps('tier')}
            value={String(form.values.tier)}
            onChange={(value) => form.setFieldValue('tier', Number(value))}
            label={t('routingAdmin.tier')}
            data={['1', '2', '3'].map((v) => ({ value: v, label: t('queue.tier', { tier: v }) }))}
            allowDeselect={false}
            maw={160}
          />
        </Group>
        <SkillRows
          legend={t('routingAdmin.agentSkills')}
          levelLabel={t('routingAdmin.proficiency')}
          emptyText={t('routingAdmin.noAgentSkills')}
          skills={skills}
          skillIds={form.values.routing.skills.map((s) => s.skillId)}
          inputProps={(i, field) =>
            form.getInputProps(`routing.skills.${i}.${field === 'skill' ? 'skillId' : 'proficiency'}`)
          }
          onAdd={() => form.insertListItem('routing.skills', { skillId: '', proficiency: 3 })}
          onRemove={(i) => form.removeListItem('routing.skills', i)}
          error={form.errors['routing.skills']}
        />
        <Fieldset legend={t('routingAdmin.capacity')}>
          <Group>
            {CHANNELS.map((c) => (
              <NumberInput
                key={c}
                {...form.getInputProps(`routing.capacity.${c}`)}
                label={t(`reports.channels.${c}`)}
                min={0}
                max={ChannelCapacity.shape[c].maxValue ?? undefined}
                w={100}
              />
            ))}
          </Group>
        </Fieldset>
        <SaveBar busy={busy} status={status} onReset={reset} />
      </Stack>
    </form>
  );
}
