import { Alert, Button, Card, Group, NumberInput, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_ROUTES } from '../../../src-shared/protocol/routes';
import type { EscalationAction, EscalationRule } from '../../../src-shared/protocol/escalation';
import { EscalationRulesResponse } from '../../../src-shared/protocol/supervisor-entities';
import { DEFAULT_ESCALATION_RULES } from '../../../src-shared/domain/supervision/escalation-defaults';
import { authorizedGet } from '../../sync/remote-reads';
import { runOnlineCommand } from '../../sync/online-command';

const HOUR = 3600;

/** The admin's escalation rules: name, on/off and each step's delay; saved all at once. */
export function EscalationTab() {
  const { t } = useTranslation();
  const [rules, setRules] = useState<EscalationRule[] | null>(null);
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    authorizedGet(API_ROUTES.escalationRules, EscalationRulesResponse)
      .then((stored) => {
        setRules(stored.rules);
        setVersion(stored.version);
      })
      .catch((err: unknown) =>
        setMessage({ ok: false, text: t('escalation.loadFailed', { reason: String(err) }) }),
      );
  }, [t]);

  const change = (index: number, next: Partial<EscalationRule>) =>
    setRules((all) => all?.map((rule, n) => (n === index ? { ...rule, ...next } : rule)) ?? null);

  const describe = (action: EscalationAction) =>
    action.type === 'notify'
      ? t('escalation.action.notify', {
          who: [...action.roles, ...action.userIds].join(', '),
          how: action.channels.join(', '),
        })
      : t(`escalation.action.${action.type}`, { to: 'to' in action ? action.to : '' });

  async function save() {
    if (!rules) return;
    setMessage(null);
    try {
      const saved = EscalationRulesResponse.parse(
        await runOnlineCommand({
          type: 'escalation:save-rules',
          payload: { rules },
          expectedVersion: version,
        }),
      );
      setRules(saved.rules);
      setVersion(saved.version);
      setMessage({ ok: true, text: t('escalation.saved', { version: saved.version }) });
    } catch (err) {
      setMessage({ ok: false, text: t('escalation.failed', { reason: (err as Error).message }) });
    }
  }

  return (
    <Stack>
      <Text size="sm">{t('escalation.intro')}</Text>
      {rules?.length === 0 && <Text>{t('escalation.none')}</Text>}
      {rules?.map((rule, index) => (
        <Card key={rule.id} withBorder>
          <Stack gap="xs">
            <Group align="end">
              <TextInput
                label={t('escalation.ruleName')}
                value={rule.name}
                onChange={(e) => change(index, { name: e.currentTarget.value })}
              />
              <Switch
                label={t('escalation.enabled')}
                checked={rule.enabled}
                onChange={(e) => change(index, { enabled: e.currentTarget.checked })}
              />
            </Group>
            {rule.steps.map((step, s) => (
              <Group key={step.key} align="end">
                <NumberInput
                  label={t('escalation.stepHours', { key: step.key, rule: rule.name })}
                  min={0}
                  step={0.5}
                  decimalScale={2}
                  value={step.afterSeconds / HOUR}
                  onChange={(value) =>
                    change(index, {
                      steps: rule.steps.map((other, n) =>
                        n === s ? { ...other, afterSeconds: Math.round(Number(value || 0) * HOUR) } : other,
                      ),
                    })
                  }
                />
                <Text size="sm">
                  {t('escalation.actions', { actions: step.actions.map(describe).join('; ') })}
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      ))}
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} role="status" data-testid="escalation-status">
          {message.text}
        </Alert>
      )}
      <Group>
        <Button variant="default" onClick={() => setRules(DEFAULT_ESCALATION_RULES)} disabled={!rules}>
          {t('escalation.classic')}
        </Button>
        <Button onClick={() => void save()} disabled={!rules}>
          {t('escalation.save')}
        </Button>
      </Group>
    </Stack>
  );
}
