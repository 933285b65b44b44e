import { beforeEach, describe, expect, it } from 'vitest';
import { form, standard, yesNo } from '../../src-shared/domain/coaching/testing/coaching-fixtures';
import { COACHING_COMMAND_TYPES } from '../../src-shared/protocol/coaching-commands';
import { draftForContact, newEvaluationDraft, saveEvaluationDraft } from './coaching-drafts';
import { db, wipeCache } from './db';

const content = form(
  standard('opening', 1, [
    yesNo('greeting'),
    yesNo('identity_verified', { comment: { when: 'low_score', belowFraction: 0.5 } }),
  ]),
);

beforeEach(wipeCache);

describe('evaluation drafts', () => {
  it('keeps the draft on this computer and queues it for the server in one write', async () => {
    const draft = newEvaluationDraft('version-1', 'contact-1');
    await saveEvaluationDraft({ ...draft, answers: [{ key: 'greeting', value: true }] }, content, {
      now: 1_000,
    });

    const found = await draftForContact('contact-1', null);
    expect(found?.answers).toEqual([{ key: 'greeting', value: true }]);
    const [entry, ...others] = await db.outbox.toArray();
    expect(others).toEqual([]);
    expect(entry?.type).toBe(COACHING_COMMAND_TYPES.saveEvaluationDraft);
    expect(entry?.payload).toEqual({
      evaluationId: draft.evaluationId,
      versionId: 'version-1',
      contactId: 'contact-1',
      answers: [{ key: 'greeting', value: true }],
    });
  });

  it('holds back an answer still missing its required comment, and a comment typed before any value', async () => {
    const draft = newEvaluationDraft('version-1', 'contact-1');
    await saveEvaluationDraft(
      {
        ...draft,
        answers: [
          { key: 'identity_verified', value: false },
          { key: 'greeting', comment: 'friendly' },
        ],
      },
      content,
    );
    const [entry] = await db.outbox.toArray();
    expect(entry?.payload).toMatchObject({ answers: [] });
    expect((await draftForContact('contact-1', null))?.answers).toHaveLength(2);
  });

  it('sends a submit with every answer and remembers it was submitted', async () => {
    const draft = newEvaluationDraft('version-1', 'contact-1');
    const answers = [
      { key: 'greeting', value: true },
      { key: 'identity_verified', value: false, comment: 'skipped the check' },
    ];
    const saved = await saveEvaluationDraft({ ...draft, answers }, content, { submit: true, now: 5 });
    expect(saved.submittedAt).toBe(5);
    const [entry] = await db.outbox.toArray();
    expect(entry?.payload).toMatchObject({ answers, submit: true });
  });

  it('keeps a blind calibration draft here until it is submitted, then sends it to its session', async () => {
    const draft = newEvaluationDraft('version-1', 'contact-1', 'session-1');
    const answers = [{ key: 'greeting', value: true }];
    await saveEvaluationDraft({ ...draft, answers }, content);
    expect(await db.outbox.count()).toBe(0);
    expect((await draftForContact('contact-1', 'session-1'))?.answers).toEqual(answers);
    expect(await draftForContact('contact-1', null)).toBeUndefined();

    await saveEvaluationDraft({ ...draft, answers }, content, { submit: true });
    const [entry] = await db.outbox.toArray();
    expect(entry?.type).toBe(COACHING_COMMAND_TYPES.submitCalibration);
    expect(entry?.payload).toEqual({
      calibrationId: 'session-1',
      evaluationId: draft.evaluationId,
      contactId: 'contact-1',
      answers,
    });
  });
});
