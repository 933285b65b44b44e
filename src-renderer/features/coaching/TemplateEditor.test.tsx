// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n/i18n';
import type { ScorecardContent } from '../../../src-shared/protocol/coaching';
import { workedExample } from '../../../src-shared/domain/coaching/testing/coaching-fixtures';
import { installJsdomShims } from '../../testing/jsdom-shims';
import { renderInMantine } from './coaching-test-render';
import { TemplateEditor } from './TemplateEditor';

function Harness({ initial, readOnly = false }: { initial: ScorecardContent; readOnly?: boolean }) {
  const [content, setContent] = useState(initial);
  return <TemplateEditor content={content} readOnly={readOnly} onChange={setContent} />;
}

function answer(criterion: string, option: string) {
  const group = screen.getByTestId(`criterion-${criterion}`);
  fireEvent.click(within(group).getByLabelText(new RegExp(`^${option}`)));
}

beforeAll(installJsdomShims);
afterEach(cleanup);

// Mantine's full form in jsdom takes seconds to render on a loaded machine.
describe('template editor', { timeout: 120_000 }, () => {
  it('scores the preview live, raw and final, as the worked example says', () => {
    renderInMantine(<Harness initial={workedExample()} />);
    answer('greeting', 'Yes');
    answer('identity_verified', 'Yes');
    answer('empathy', '4');
    answer('clarity', '3');
    answer('hold_etiquette', 'N/A');
    answer('correct_process', 'Minor deviation');
    answer('case_notes', 'No');
    answer('proactive_help', 'Yes');
    expect(screen.getByTestId('raw-score').textContent).toBe('69.6');
    expect(screen.getByTestId('final-score').textContent).toBe('69.6');

    answer('identity_verified', 'No');
    expect(screen.getByTestId('final-score').textContent).toBe('0.0');
    expect(screen.getByTestId('raw-score').textContent).toBe('56.3');
    expect(screen.getByText(/“identity_verified” failed: the final score is 0/)).toBeTruthy();
  });

  it('says what stands in the way of publishing, and when nothing does', () => {
    renderInMantine(<Harness initial={workedExample()} />);
    expect(screen.getByText('Ready to publish.')).toBeTruthy();
    const empathy = screen.getByTestId('edit-empathy');
    fireEvent.change(within(empathy).getByLabelText('What 3 means'), { target: { value: '' } });
    expect(screen.getByText('1 thing to fix before publishing')).toBeTruthy();
    expect(screen.getByText(/Every point of the scale needs its text\. \(empathy\)/)).toBeTruthy();
  });

  it('adds a section with a yes/no question that the preview shows at once', () => {
    renderInMantine(<Harness initial={workedExample()} />);
    fireEvent.click(screen.getByText('Add section'));
    fireEvent.click(screen.getAllByText('Add Yes/no').at(-1)!);
    expect(within(screen.getByTestId('criterion-criterion')).getByText('New question')).toBeTruthy();
    expect(screen.getByTestId('edit-criterion')).toBeTruthy();
  });

  it('shows a published version without a way to change it', () => {
    renderInMantine(<Harness initial={workedExample()} readOnly />);
    expect(screen.queryByText('Add section')).toBeNull();
    expect(screen.queryByText('Remove')).toBeNull();
  });
});
