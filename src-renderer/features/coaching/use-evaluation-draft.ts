import { useEffect, useRef, useState } from 'react';
import type { ScorecardVersion } from '../../../src-shared/protocol/coaching';
import {
  draftForContact,
  newEvaluationDraft,
  saveEvaluationDraft,
  type EvaluationDraft,
} from '../../data/coaching-drafts';
import type { DraftAnswer } from './answer-edits';

/** Quiet time after the last keystroke before the draft is written and queued. */
const SAVE_AFTER_MS = 600;

export interface DraftEditor {
  draft: EvaluationDraft | null;
  setAnswers(answers: DraftAnswer[]): void;
  /** Writes the draft now and queues it as submitted. */
  submit(): Promise<void>;
}

/**
 * The coach's draft for a contact (or the agent's self-assessment): found again after a restart, saved (this computer + outbox)
 * shortly after each change, so typing survives going offline and closing the app.
 */
export function useEvaluationDraft(
  contactId: string,
  version: ScorecardVersion | undefined,
  calibrationId: string | null = null,
  isSelf = false,
): DraftEditor {
  const [draft, setDraft] = useState<EvaluationDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef<EvaluationDraft | null>(null);

  useEffect(() => {
    if (!version) return;
    let current = true;
    void draftForContact(contactId, calibrationId, isSelf).then((found) => {
      if (!current) return;
      const start =
        found && found.versionId === version.id
          ? found
          : newEvaluationDraft(version.id, contactId, calibrationId, isSelf);
      latest.current = start;
      setDraft(start);
    });
    return () => {
      current = false;
    };
  }, [contactId, calibrationId, version, isSelf]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const save = async (submit: boolean) => {
    const next = latest.current;
    if (!next || !version) return;
    const saved = await saveEvaluationDraft(next, version, { submit });
    // The coach may have typed on while it was written: keep their answers, take the save's times.
    const { updatedAt, submittedAt } = saved;
    latest.current = { ...(latest.current ?? saved), updatedAt, submittedAt };
    setDraft(latest.current);
  };

  return {
    draft,
    setAnswers(answers) {
      if (!latest.current) return;
      latest.current = { ...latest.current, answers };
      setDraft(latest.current);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(false), SAVE_AFTER_MS);
    },
    async submit() {
      clearTimeout(timer.current);
      await save(true);
    },
  };
}
