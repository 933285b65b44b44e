// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n/i18n';
import { form, standard, yesNo } from '../../../src-shared/domain/coaching/testing/coaching-fixtures';
import { validateAnswers } from '../../../src-shared/domain/coaching/answers';
import { installJsdomShims } from '../../testing/jsdom-shims';
import { answersWithValue, type DraftAnswer } from './answer-edits';
import { renderInMantine } from './coaching-test-render';
import { EvaluationForm } from './EvaluationForm';
import type { Moment } from './moments';

const content = form(
  standard('calls', 1, [
    yesNo('hold_etiquette', { label: 'Hold etiquette', naAllowed: true }),
    yesNo('greeting', { label: 'Greeting', comment: { when: 'low_score', belowFraction: 0.5 } }),
    yesNo('hold_phone', { label: 'Phone hold', channels: ['phone'] }),
  ]),
);
const moments: Moment[] = [
  {
    anchor: { kind: 'message', messageId: 'm1' },
    at: '2026-01-05T10:01:00.000Z',
    text: 'Vera: where is my order?',
  },
  { anchor: { kind: 'note', noteId: 'n1' }, at: '2026-01-05T10:02:00.000Z', text: 'Ana: refund promised' },
];

let latest: DraftAnswer[] = [];
const keepLatest = (answers: DraftAnswer[]) => {
  latest = answers;
};

function Harness() {
  const [answers, setAnswers] = useState<DraftAnswer[]>([]);
  const problems = validateAnswers(content, answersWithValue(answers), { channel: 'chat' });
  return (
    <EvaluationForm
      content={content}
      answers={answers}
      channel="chat"
      problems={problems}
      moments={moments}
      onChange={(next) => {
        setAnswers(next);
        keepLatest(next);
      }}
    />
  );
}

beforeAll(installJsdomShims);
afterEach(cleanup);

describe('evaluation form', { timeout: 60_000 }, () => {
  it('answers N/A, and a comment anchored to a chat line', async () => {
    renderInMantine(<Harness />);
    const hold = screen.getByTestId('criterion-hold_etiquette');
    fireEvent.click(within(hold).getByLabelText('N/A'));
    const greeting = screen.getByTestId('criterion-greeting');
    fireEvent.click(within(greeting).getByLabelText('No'));
    expect(within(greeting).getByText('A comment is required.')).toBeTruthy();
    fireEvent.change(within(greeting).getByLabelText('Comment on Greeting'), {
      target: { value: 'No name given' },
    });
    fireEvent.click(within(greeting).getByLabelText('Moment for Greeting'));
    fireEvent.click(await screen.findByRole('option', { name: /Vera: where is my order\?/ }));
    await waitFor(() =>
      expect(latest).toEqual([
        { key: 'hold_etiquette', value: null },
        {
          key: 'greeting',
          value: false,
          comment: 'No name given',
          anchor: { kind: 'message', messageId: 'm1' },
        },
      ]),
    );
    expect(within(greeting).queryByText('A comment is required.')).toBeNull();
  });

  it('offers no N/A where the criterion does not allow it, and shows a phone-only criterion as not applying to a chat', () => {
    renderInMantine(<Harness />);
    expect(within(screen.getByTestId('criterion-greeting')).queryByLabelText('N/A')).toBeNull();
    expect(screen.queryByTestId('criterion-hold_phone')).toBeNull();
    expect(screen.getByText('Phone hold: does not apply to this channel (N/A).')).toBeTruthy();
  });
});
