// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n/i18n';
import { form, scale, standard, yesNo } from '../../../src-shared/domain/coaching/testing/coaching-fixtures';
import type { CalibrationReport } from '../../../src-shared/protocol/coaching-calibration';
import { installJsdomShims } from '../../testing/jsdom-shims';
import { CalibrationReportView } from './CalibrationReportView';
import { renderInMantine } from './coaching-test-render';

const content = form(
  standard('s', 1, [yesNo('greeting', { label: 'Greeting' }), scale('empathy', { label: 'Empathy' })]),
);
const report: CalibrationReport = {
  alpha: { overall: 0.7123, byCriterion: { greeting: 0.9, empathy: null } },
  metric: { overall: 'interval', byCriterion: { greeting: 'nominal', empathy: 'interval' } },
  undefinedReasons: { overall: null, byCriterion: { empathy: 'no_variation' } },
  reference: 'consensus',
  raters: [
    { coachId: 'carl', deviation: 12.5, compared: 8, naMismatches: 1 },
    { coachId: 'dana', deviation: 4, compared: 8, naMismatches: 0 },
  ],
  verdict: {
    level: 'tentative',
    alpha: 0.7123,
    reason: 'between_thresholds',
    weakest: [],
    text: 'Tentative.',
  },
  sample: { contacts: 3, raters: 3, pairableValues: 18 },
};

beforeAll(installJsdomShims);
afterEach(cleanup);

describe('calibration report', { timeout: 60_000 }, () => {
  it('shows alpha overall and per criterion with the metric used, why one is undefined, and the verdict with its reason', () => {
    renderInMantine(
      <CalibrationReportView report={report} content={content} nameOf={(id) => id.toUpperCase()} />,
    );
    expect(screen.getByTestId('overall-alpha').textContent).toBe('0.712');
    expect(screen.getByText('metric: interval')).toBeTruthy();
    const verdict = screen.getByTestId('verdict');
    expect(within(verdict).getByText('Tentative agreement')).toBeTruthy();
    expect(within(verdict).getByText(/Alpha 0.712 lies between 0.667 and 0.8/)).toBeTruthy();
    const byCriterion = screen.getByRole('table', { name: 'Agreement per criterion' });
    expect(within(byCriterion).getByRole('row', { name: /Greeting 0.900 nominal/ })).toBeTruthy();
    expect(
      within(byCriterion).getByRole('row', { name: /Empathy – interval everyone gave the same answer/ }),
    ).toBeTruthy();
    const raters = screen.getByRole('table', { name: 'Deviation per coach' });
    expect(within(raters).getByRole('row', { name: /CARL 12.5 points 8 1/ })).toBeTruthy();
    expect(screen.getByText('Each coach against the consensus')).toBeTruthy();
  });
});
