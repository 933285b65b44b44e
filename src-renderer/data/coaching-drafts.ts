import { validateAnswers } from '../../src-shared/domain/coaching/answers';
import type { ScorecardContent } from '../../src-shared/protocol/coaching';
import {
  COACHING_COMMAND_TYPES,
  SaveEvaluationDraftPayload,
  SelfAssessPayload,
  SubmitCalibrationPayload,
} from '../../src-shared/protocol/coaching-commands';
import { db } from './db';
import { enqueue } from './outbox-repository';
import { newId } from './new-id';
import { answersWithValue, type DraftAnswer } from '../features/coaching/answer-edits';

/**
 * An evaluation as the coach types it, kept on this computer so it survives going offline and a
 * restart. Every save also queues the answers for the server (the outbox), which keeps the last.
 */
export interface EvaluationDraft {
  evaluationId: string;
  versionId: string;
  contactId: string;
  calibrationId: string | null;
  /** `self`: an agent's assessment of their own contact (absent on a coach's or calibration draft). */
  kind?: 'self';
  answers: DraftAnswer[];
  /** Epoch ms of the last keystroke saved. */
  updatedAt: number;
  /** Set once submitted from this console (queued or sent). */
  submittedAt: number | null;
}

export function newEvaluationDraft(
  versionId: string,
  contactId: string,
  calibrationId: string | null = null,
  isSelf = false,
): EvaluationDraft {
  return {
    evaluationId: newId(),
    versionId,
    contactId,
    calibrationId,
    ...(isSelf ? { kind: 'self' as const } : {}),
    answers: [],
    updatedAt: 0,
    submittedAt: null,
  };
}

/**
 * The answers the server can take now: each with a value and without a problem (a "no" whose
 * required comment is still being typed stays here until it is complete), so a draft save is
 * never refused for what the coach is still in the middle of.
 */
export function answersReadyToSend(content: Pick<ScorecardContent, 'sections'>, answers: DraftAnswer[]) {
  const withValue = answersWithValue(answers);
  const problemKeys = new Set(validateAnswers(content, withValue).map((p) => p.key));
  return withValue.filter((answer) => !problemKeys.has(answer.key));
}

function commandFor(draft: EvaluationDraft, content: Pick<ScorecardContent, 'sections'>, submit: boolean) {
  const answers = answersReadyToSend(content, draft.answers);
  if (draft.calibrationId) {
    // Calibration scores are sent whole (the session keeps each coach's last), and only when submitted.
    return {
      type: COACHING_COMMAND_TYPES.submitCalibration,
      payload: SubmitCalibrationPayload.parse({
        calibrationId: draft.calibrationId,
        evaluationId: draft.evaluationId,
        contactId: draft.contactId,
        answers,
      }),
    };
  }
  const base = {
    evaluationId: draft.evaluationId,
    versionId: draft.versionId,
    contactId: draft.contactId,
    answers,
    ...(submit ? { submit: true } : {}),
  };
  if (draft.kind === 'self') {
    return { type: COACHING_COMMAND_TYPES.selfAssess, payload: SelfAssessPayload.parse(base) };
  }
  return {
    type: COACHING_COMMAND_TYPES.saveEvaluationDraft,
    payload: SaveEvaluationDraftPayload.parse(base),
  };
}

/**
 * Saves the draft and queues it for the server in one transaction. A calibration draft is only
 * kept here until it is submitted (the session is blind, and the coach may change their mind).
 */
export async function saveEvaluationDraft(
  draft: EvaluationDraft,
  content: Pick<ScorecardContent, 'sections'>,
  { submit = false, now = Date.now() }: { submit?: boolean; now?: number } = {},
): Promise<EvaluationDraft> {
  const saved = { ...draft, updatedAt: now, submittedAt: submit ? now : draft.submittedAt };
  await db.transaction('rw', [db.evaluationDrafts, db.outbox], async () => {
    await db.evaluationDrafts.put(saved);
    if (draft.calibrationId && !submit) return;
    await enqueue({ commandId: newId(), ...commandFor(saved, content, submit) }, now);
  });
  return saved;
}

/** The draft this console keeps for a contact (a calibration session's, the coach's own, or a self-assessment). */
export async function draftForContact(
  contactId: string,
  calibrationId: string | null,
  isSelf = false,
): Promise<EvaluationDraft | undefined> {
  const drafts = await db.evaluationDrafts.where('contactId').equals(contactId).toArray();
  return drafts.find((d) => d.calibrationId === calibrationId && (d.kind === 'self') === isSelf);
}
