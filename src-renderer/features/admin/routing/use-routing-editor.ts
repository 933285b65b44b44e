import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblems } from './field-errors';
import { problemTexts } from './problem-text';
import type { SaveStatus } from './SaveBar';
import type { SaveOutcome } from './save-routing';

interface EditorOptions<E, V, P> {
  /** The entity as the cache holds it now. */
  entity: E;
  toForm(entity: E): V;
  check(values: V): { ok: true; payload: P } | { ok: false; problems: FieldProblems };
  send(payload: P, baseline: E): Promise<SaveOutcome<E>>;
  savedText: string;
}

/**
 * The routing editors' common flow: values from the entity; on save, check with the command's
 * schema (nothing is sent while a field is wrong), send against the version the admin started
 * from, and take what the server answered — the saved entity, or on a conflict the current one.
 */
export function useRoutingEditor<E, V extends Record<string, unknown>, P>(options: EditorOptions<E, V, P>) {
  const { entity, toForm, check, send, savedText } = options;
  const { t } = useTranslation();
  const form = useForm<V>({ mode: 'controlled', initialValues: toForm(entity) });
  const [baseline, setBaseline] = useState(entity);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<SaveStatus | null>(null);

  function load(current: E) {
    setBaseline(current);
    form.setValues(toForm(current));
    form.resetDirty(toForm(current));
    form.clearErrors();
  }

  async function save(values: V) {
    setStatus(null);
    const checked = check(values);
    if (!checked.ok) {
      form.setErrors(problemTexts(checked.problems, t));
      const count = Object.keys(checked.problems).length;
      setStatus({ color: 'red', text: t('routingAdmin.fixErrors', { count }) });
      return;
    }
    setBusy(true);
    const outcome = await send(checked.payload, baseline);
    setBusy(false);
    if (outcome.kind === 'saved') {
      if (outcome.entity) load(outcome.entity);
      setStatus({ color: 'green', text: savedText });
    } else if (outcome.kind === 'conflict') {
      load(outcome.current ?? entity);
      setStatus({ color: 'yellow', text: t('routingAdmin.conflict', { reason: outcome.message }) });
    } else {
      const reason = outcome.message ?? t('errors.noAnswer');
      setStatus({ color: 'red', text: t('routingAdmin.saveFailed', { reason }) });
    }
  }

  return {
    form,
    baseline,
    busy,
    status,
    load,
    onSubmit: form.onSubmit((values) => void save(values)),
    reset() {
      load(baseline);
      setStatus(null);
    },
  };
}
